import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, expectNoAxeViolations, launchBrowser, tabTo } from './support.ts';

/** An administrator does a whole task with the keyboard alone: no mouse, no clicks. */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('keyboard only', () => {
  it('logs in, creates a unit and logs out without a mouse', async () => {
    const context = await browser.newContext({ locale: 'sv-SE' });
    const page = await context.newPage();
    await page.goto(`${baseUrl()}/logga-in`);
    await page.getByLabel('Användarnamn').waitFor();
    await tabTo(page, 'username', (e) => e.label === 'Användarnamn');
    await page.keyboard.type('admin');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Samsyn-demo-2026');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Logga ut' }).waitFor();

    await tabTo(page, 'Verksamheter link', (e) => e.tag === 'a' && e.text === 'Verksamheter');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Ny verksamhet' }).waitFor();
    await tabTo(page, 'Ny verksamhet', (e) => e.tag === 'button' && e.text === 'Ny verksamhet');
    await page.keyboard.press('Enter');
    const name = `Ungdomsteamet ${Date.now().toString(36)}`;
    await tabTo(page, 'name field', (e) => e.label === 'Namn');
    await page.keyboard.type(name);
    await tabTo(page, 'type select', (e) => e.tag === 'select' && e.label === 'Typ av verksamhet');
    await page.keyboard.type('Fritid');
    await tabTo(page, 'principal select', (e) => e.tag === 'select' && e.label === 'Huvudman');
    await page.keyboard.type('Exempelby');
    await tabTo(page, 'Spara', (e) => e.tag === 'button' && e.text === 'Spara');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: name }).waitFor();
    const row = page.getByRole('row').filter({ hasText: name });
    expect(await row.textContent()).toContain('Fritid');
    await expectNoAxeViolations(page, 'verksamheter efter tangentbordsflöde');

    await tabTo(page, 'Logga ut', (e) => e.tag === 'button' && e.text === 'Logga ut', 80);
    await page.keyboard.press('Enter');
    await page.getByLabel('Användarnamn').waitFor();
    await context.close();
  });
});
