import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, launchBrowser, logIn } from './support.ts';

/**
 * "Teamstatistik" (meetings issue §8) for chefs, in Chromium: the chef of Socialtjänsten –
 * öppenvården (a unit in TSI-team F–6) has the menu link and sees the team's counts per term, small
 * ones as "<5"; the rektor of Björkskolan F–6 (a unit in no team) has no link and no team on the page.
 * Read-only: the file changes nothing on the shared E2E server.
 */
let browser: Browser;
const contexts: BrowserContext[] = [];
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const ctx of contexts) await ctx.close();
  await browser?.close();
});

const TEAM = 'TSI-team F–6 Björkskolan och Ekskolan';

async function loggedInPage(username: string): Promise<Page> {
  const ctx = await browser.newContext({ locale: 'sv-SE' });
  contexts.push(ctx);
  const page = await ctx.newPage();
  await logIn(page, username);
  return page;
}

describe('team statistics for chefs', () => {
  it('the chef of a member unit sees the team’s statistics from the menu', async () => {
    const page = await loggedInPage('chef.soc');
    const nav = page.getByRole('navigation', { name: 'Huvudmeny' });
    await nav.getByRole('link', { name: 'Teamstatistik', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Teamstatistik' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Teamstatistik', exact: true }).getAttribute('aria-current')).toBe('page');
    expect(await page.title()).toBe('Teamstatistik – Samsyn');
    // A chef sees aggregates only: no meetings, cases or coordinator overview in the menu.
    for (const name of ['Möten', 'Mina ärenden', 'Samordning']) expect(await nav.getByRole('link', { name, exact: true }).count()).toBe(0);

    const stats = page.getByRole('region', { name: `Teamets statistik – ${TEAM}` });
    const table = stats.getByRole('table', { name: /^Teamets statistik för (HT|VT)\d{4}\. Antal under 5 visas som <5\.$/ });
    await table.waitFor();
    // The demo team's few meetings and items: small counts are shown as "<5", never as a number under 5.
    await expect.poll(() => table.getByRole('cell', { name: '<5', exact: true }).count()).toBeGreaterThan(0);
    for (const cell of await table.getByRole('cell').allTextContents()) expect(cell).toMatch(/^(<5|\d{2,}|[5-9])$/);
    await expectNoAxeViolations(page, 'teamstatistik för chef');

    // Another term.
    await stats.getByLabel('Termin').selectOption('VT2027');
    const vt2027 = stats.getByRole('table', { name: 'Teamets statistik för VT2027. Antal under 5 visas som <5.' });
    await vt2027.waitFor();
    await expect.poll(() => vt2027.getByRole('cell', { name: '<5', exact: true }).count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page, 'teamstatistik VT2027');
  });

  it('a chef whose unit is in no team has neither the link nor a team', async () => {
    const page = await loggedInPage('rektor.bjork');
    await page.goto(new URL('/teamstatistik', page.url()).toString());
    await page.getByRole('heading', { level: 1, name: 'Teamstatistik' }).waitFor();
    // The page and the menu share the answer of GET /teams/statistics-access: once the page says
    // there is no team, the menu has decided too.
    await page.getByText('Du har inte tillgång till statistik för något team.').waitFor();
    const nav = page.getByRole('navigation', { name: 'Huvudmeny' });
    expect(await nav.getByRole('link', { name: 'Teamstatistik' }).count()).toBe(0);
    expect(await page.getByRole('table').count()).toBe(0);
    await expectNoAxeViolations(page, 'teamstatistik utan team');
  });
});
