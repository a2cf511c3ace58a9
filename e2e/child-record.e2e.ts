import { fictitiousIdentityNumber } from '@samsyn/domain';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, launchBrowser, logIn } from './support.ts';

/** A school counsellor adds a child, corrects a bad personnummer, edits, and finds the child again. */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const pnr = fictitiousIdentityNumber('2016-08-08', 5);
const pnrDisplay = `${pnr.slice(0, 8)}-${pnr.slice(8)}`;

describe('child record', () => {
  it('adds a child with a guardian, edits it, and finds it by personnummer; another unit cannot', async () => {
    const ctx = await browser.newContext({ locale: 'sv-SE' });
    const page = await ctx.newPage();
    await logIn(page, 'kurator.bjork');
    await page.getByRole('link', { name: 'Lägg till barn' }).click();
    await page.getByRole('heading', { level: 1, name: 'Lägg till barn' }).waitFor();
    await expectNoAxeViolations(page, 'nytt barn');

    await page.getByLabel('Förnamn').fill('Ilse');
    await page.getByLabel('Efternamn').fill('Låtsasberg');
    const pnrField = page.getByLabel('Personnummer eller samordningsnummer');
    await pnrField.fill('20160808-0000');
    const g1 = page.getByRole('group', { name: 'Vårdnadshavare 1' });
    await g1.getByLabel('Namn').fill('Ivar Låtsasberg');
    await g1.getByLabel('Telefon').fill('070-000 55 66');
    await page.getByRole('button', { name: 'Spara', exact: true }).click();
    await expect.poll(() => pnrField.getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page, 'nytt barn med fel');

    await pnrField.fill(pnrDisplay);
    await page.getByRole('button', { name: 'Spara', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Ilse Låtsasberg' }).waitFor();
    expect(await page.getByText('Ivar Låtsasberg').count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page, 'barnets sida');

    await page.getByRole('button', { name: 'Ändra uppgifter' }).click();
    await page.getByLabel('Förnamn').waitFor();
    await expectNoAxeViolations(page, 'ändra barnets uppgifter');
    await page.getByLabel('Förnamn').fill('Ilsa');
    await page.getByRole('button', { name: 'Spara', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Ilsa Låtsasberg' }).waitFor();

    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Start', exact: true }).click();
    await page.getByRole('heading', { name: 'Sök på personnummer' }).waitFor();
    await page.getByLabel('Personnummer eller samordningsnummer').fill(pnrDisplay);
    await page.getByRole('button', { name: 'Sök personnummer' }).click();
    await page.getByRole('table', { name: 'Barn med det sökta numret' }).getByRole('link', { name: 'Ilsa Låtsasberg' }).waitFor();
    await expectNoAxeViolations(page, 'sök personnummer');
    await ctx.close();

    // Another unit searching the same number learns nothing.
    const other = await browser.newContext({ locale: 'sv-SE' });
    const bup = await other.newPage();
    await logIn(bup, 'bup');
    await bup.getByLabel('Personnummer eller samordningsnummer').fill(pnrDisplay);
    await bup.getByRole('button', { name: 'Sök personnummer' }).click();
    await bup.getByText('Inget barn som du får se har det numret.').waitFor();
    await other.close();
  });
});
