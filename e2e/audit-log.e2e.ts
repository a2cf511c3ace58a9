import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, expectNoAxeViolations, launchBrowser, logIn } from './support.ts';

/** A log reviewer sees who read a child's record, and that the log is unbroken. */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('audit log review', () => {
  it('a professional reads a child; the log reviewer finds that read and an unbroken chain', async () => {
    const kuratorCtx = await browser.newContext({ locale: 'sv-SE' });
    const kurator = await kuratorCtx.newPage();
    await logIn(kurator, 'kurator.bjork');
    const child = kurator.getByRole('table').getByRole('link').first();
    await child.click();
    await kurator.getByRole('heading', { level: 1 }).waitFor();
    const childId = kurator.url().split('/').pop()!;
    await kuratorCtx.close();

    const ctx = await browser.newContext({ locale: 'sv-SE' });
    const page = await ctx.newPage();
    await logIn(page, 'logg');
    await page.getByRole('link', { name: 'Granskningslogg' }).click();
    await page.getByRole('heading', { level: 1, name: 'Granskningslogg' }).waitFor();
    await page.getByText(/Loggen är obruten/).waitFor();
    await expectNoAxeViolations(page, 'granskningslogg');

    await page.getByLabel('Barnets id').fill(childId);
    await page.getByRole('button', { name: 'Filtrera' }).click();
    const row = page.getByRole('row').filter({ hasText: 'kurator.bjork' }).filter({ hasText: 'Läste' });
    await row.first().waitFor();
    expect(await row.first().textContent()).toContain('Elevhälsan Björkskolan');
    await expectNoAxeViolations(page, 'granskningslogg filtrerad');

    // A bad filter is explained at the field and changes nothing.
    await page.getByLabel('Barnets id').fill('inte-ett-id');
    await page.getByRole('button', { name: 'Filtrera' }).click();
    await expect.poll(() => page.getByLabel('Barnets id').getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page, 'granskningslogg med fel');

    // Everyone else: no link, and the route is "not found".
    const other = await (await browser.newContext({ locale: 'sv-SE' })).newPage();
    await logIn(other, 'admin');
    expect(await other.getByRole('link', { name: 'Granskningslogg' }).count()).toBe(0);
    await other.goto(`${baseUrl()}/granskningslogg`);
    await other.getByRole('heading', { name: 'Sidan finns inte' }).waitFor();
    await ctx.close();
  });
});
