import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, launchBrowser, logIn } from './support.ts';

/**
 * The admin page "Välbefinnandehjulet": the admin adds an area (a new version of the wheel), then a
 * save with an empty Swedish label is refused at the field and in the summary, and nothing is saved.
 * The E2E server is shared: the default areas (e.g. "Trygg") are left as they are, since other
 * files fill them in by name. The new area only adds an unrated area to their assessment forms.
 */
let browser: Browser;
let context: BrowserContext;
beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext({ locale: 'sv-SE' });
});
afterAll(async () => {
  await context?.close().catch(() => undefined);
  await browser?.close();
});

const KEY = 'fritid_e2e';
const LABEL = 'Fritid och vänner';

async function currentVersion(page: Page): Promise<number> {
  const text = await page.getByText(/^Nuvarande version: \d+$/).textContent();
  return Number(/(\d+)$/.exec(text ?? '')?.[1]);
}

describe('the admin changes the wellbeing wheel', () => {
  it('adds an area as a new version; a bad save is refused and saves nothing', async () => {
    const page = await context.newPage();
    await logIn(page, 'admin');
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Välbefinnandehjulet' }).click();
    await page.getByRole('heading', { level: 1, name: 'Välbefinnandehjulet' }).waitFor();
    const before = await currentVersion(page);
    expect(before).toBeGreaterThanOrEqual(1);
    // The default areas are listed; areas are retired, never removed.
    const trygg = page.getByRole('group', { name: 'Trygg', exact: true });
    await trygg.getByText('Nyckel: trygg (ändras inte)').waitFor();
    expect(await trygg.getByLabel('Svenskt namn').inputValue()).toBe('Trygg');
    await trygg.getByRole('checkbox', { name: 'Tas ur bruk' }).waitFor();
    expect(await page.getByRole('button', { name: /Ta bort/ }).count()).toBe(0);
    await page.getByRole('group', { name: 'Steg 1', exact: true }).getByLabel('Text för personal (svenska)').waitFor();
    await expectNoAxeViolations(page, 'välbefinnandehjulet (admin)');

    // ---- Add "Fritid och vänner" and save a new version. ----
    await page.getByRole('button', { name: 'Lägg till område' }).click();
    const added = page.getByRole('group', { name: /^Nytt område \d+$/ });
    const key = added.getByLabel('Nyckel');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('id'))).toBe(await key.getAttribute('id'));
    expect(await added.getByText('Små bokstäver, t.ex. fritid', { exact: false }).count()).toBeGreaterThan(0);
    await key.fill(KEY);
    await added.getByLabel('Svenskt namn').fill(LABEL);
    await added.getByLabel('Engelskt namn').fill('Leisure and friends');
    await added.getByLabel('Beskrivning för personal (svenska)').fill('Fritidsaktiviteter och kamrater utanför skolan.');
    await added.getByLabel('Beskrivning för barn (svenska)').fill('Vad du gör på fritiden och vilka du är med.');
    await expectNoAxeViolations(page, 'nytt område');
    await page.getByRole('button', { name: 'Spara ny version' }).click();
    const saved = page.getByRole('status').filter({ hasText: 'sparad.' });
    await saved.waitFor();
    expect(await saved.textContent()).toBe(`Version ${before + 1} sparad. Gamla bedömningar behåller sin version.`);
    await expect.poll(() => currentVersion(page)).toBe(before + 1);
    const fritid = page.getByRole('group', { name: LABEL, exact: true });
    await fritid.getByText(`Nyckel: ${KEY} (ändras inte)`).waitFor();
    await expectNoAxeViolations(page, 'ny version sparad');

    // ---- A save with an empty Swedish label is refused; nothing is saved. ----
    const label = fritid.getByLabel('Svenskt namn');
    await label.fill('');
    await page.getByRole('button', { name: 'Spara ny version' }).click();
    await expect.poll(() => label.getAttribute('aria-invalid')).toBe('true');
    await fritid.getByText('Det svenska namnet måste fyllas i.', { exact: true }).waitFor();
    const summary = page.locator('.form-alert');
    await summary.getByText(`${LABEL}: Det svenska namnet måste fyllas i.`).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('form-alert'))).toBe(true);
    await expectNoAxeViolations(page, 'hjulet med fel');

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Välbefinnandehjulet' }).waitFor();
    await expect.poll(() => currentVersion(page)).toBe(before + 1);
    expect(await page.getByRole('group', { name: LABEL, exact: true }).getByLabel('Svenskt namn').inputValue()).toBe(LABEL);

    // The wheel everyone reads has the new area.
    const wheel = await page.request.get(new URL('/api/v1/wheel', page.url()).toString());
    expect(wheel.status()).toBe(200);
    const body = (await wheel.json()) as { version: number; areas: { key: string; labelSv: string }[] };
    expect(body.version).toBe(before + 1);
    expect(body.areas.find((a) => a.key === KEY)?.labelSv).toBe(LABEL);
    await page.close();
  }, 120_000);
});
