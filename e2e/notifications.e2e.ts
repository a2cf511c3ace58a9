import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, launchBrowser, logIn } from './support.ts';

/**
 * Notifications ("Aviseringar", meetings issue §7) in Chromium: every logged-in user has the menu
 * link and the page, and every state is checked with axe.
 *  - `admin` is in no team, so no meeting ever notifies her: the empty state.
 *  - `soc.oppen` is in TSI-team F–6, and the demo meetings invite Socialtjänsten – öppenvården to
 *    agenda items: the menu shows "Aviseringar (n)", an unread invitation opens its meeting and is
 *    marked read on the way, and "Markera alla som lästa" leaves nothing unread. Other files add
 *    agenda items to the shared E2E server (which notifies the team), so the test reads n from the
 *    menu instead of assuming it.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function session(username: string): Promise<Page> {
  const ctx = await browser.newContext({ locale: 'sv-SE' });
  const page = await ctx.newPage();
  await logIn(page, username);
  return page;
}

/** The unread count in the menu link: "Aviseringar (3)" → 3, "Aviseringar" → 0. */
async function unreadInMenu(nav: Locator): Promise<number> {
  const text = (await nav.getByRole('link', { name: /^Aviseringar( \(\d+\))?$/ }).textContent()) ?? '';
  const m = /\((\d+)\)/.exec(text);
  return m ? Number(m[1]) : 0;
}

describe('notifications', () => {
  it('opens Aviseringar from the main menu and shows the empty state', async () => {
    const page = await session('admin');
    const nav = page.getByRole('navigation', { name: 'Huvudmeny' });
    // Without unread notifications the link has no count.
    const link = nav.getByRole('link', { name: 'Aviseringar', exact: true });
    await link.click();
    await page.getByRole('heading', { level: 1, name: 'Aviseringar' }).waitFor();
    expect(await link.getAttribute('aria-current')).toBe('page');
    await page.getByText('Du har inga aviseringar.').waitFor();
    expect(await page.getByRole('button', { name: 'Markera alla som lästa' }).count()).toBe(0);
    expect(await page.getByRole('list', { name: 'Aviseringar, de senaste först' }).count()).toBe(0);
    expect(await page.title()).toBe('Aviseringar – Samsyn');
    await expectNoAxeViolations(page, 'aviseringar (tom)');

    // In English too.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    await page.getByText('You have no notifications.').waitFor();
    await page.getByRole('button', { name: 'Svenska' }).click();
    await page.getByRole('heading', { level: 1, name: 'Aviseringar' }).waitFor();
  });

  it('a professional has the link too, and the page passes axe', async () => {
    const page = await session('hab');
    await page.goto(new URL('/aviseringar', page.url()).toString());
    await page.getByRole('heading', { level: 1, name: 'Aviseringar' }).waitFor();
    await page
      .getByRole('navigation', { name: 'Huvudmeny' })
      .getByRole('link', { name: /^Aviseringar( \(\d+\))?$/ })
      .waitFor();
    await expectNoAxeViolations(page, 'aviseringar (hab)');
  });

  it('soc.oppen opens an invitation from the list and marks all as read', async () => {
    const page = await session('soc.oppen');
    const nav = page.getByRole('navigation', { name: 'Huvudmeny' });
    // The count is part of the link's name once the notifications have been fetched.
    const counted = nav.getByRole('link', { name: /^Aviseringar \(\d+\)$/ });
    await counted.waitFor();
    // The demo meetings invite the unit to two items on each of two meetings: several unread.
    const before = await unreadInMenu(nav);
    expect(before).toBeGreaterThanOrEqual(2);

    await counted.click();
    await page.getByRole('heading', { level: 1, name: 'Aviseringar' }).waitFor();
    await page.getByText(before === 1 ? 'Du har 1 oläst avisering.' : `Du har ${before} olästa aviseringar.`).waitFor();
    const list = page.getByRole('list', { name: 'Aviseringar, de senaste först' });
    // An unread invitation to an agenda item of a meeting.
    const invitation = list
      .getByRole('listitem')
      .filter({ has: page.getByText('Oläst', { exact: true }) })
      .filter({ has: page.getByText('Inbjudan', { exact: true }) })
      .filter({ has: page.getByRole('link', { name: /^Du är inbjuden till punkten / }) })
      .first();
    await invitation.waitFor();
    const link = invitation.getByRole('link', { name: /^Du är inbjuden till punkten / });
    expect(await link.getAttribute('href')).toMatch(/^\/moten\/[0-9a-f-]+$/);
    await expectNoAxeViolations(page, 'aviseringar med olästa (soc.oppen)');

    // Opening it goes to the meeting and marks it read: the count in the menu drops by one.
    await link.click();
    await page.waitForURL(/\/moten\/[0-9a-f-]+$/);
    await page.getByRole('heading', { level: 1, name: /^Möte / }).waitFor();
    await expect.poll(() => unreadInMenu(nav)).toBe(before - 1);
    await expectNoAxeViolations(page, 'mötet från inbjudan (soc.oppen)');

    // "Markera alla som lästa": nothing unread, no count in the menu.
    await nav.getByRole('link', { name: /^Aviseringar( \(\d+\))?$/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Aviseringar' }).waitFor();
    await list.waitFor();
    await page.getByText(before - 1 === 1 ? 'Du har 1 oläst avisering.' : `Du har ${before - 1} olästa aviseringar.`).waitFor();
    await page.getByRole('button', { name: 'Markera alla som lästa' }).click();
    await page.getByRole('status').getByText('Alla aviseringar är markerade som lästa.').waitFor();
    await page.getByText('Du har inga olästa aviseringar.').waitFor();
    expect(await list.getByText('Oläst', { exact: true }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Markera alla som lästa' }).count()).toBe(0);
    await nav.getByRole('link', { name: 'Aviseringar', exact: true }).waitFor();
    expect(await unreadInMenu(nav)).toBe(0);
    await expectNoAxeViolations(page, 'aviseringar lästa (soc.oppen)');
  });
});
