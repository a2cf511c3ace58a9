import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, launchBrowser, logIn } from './support.ts';

/**
 * Attendance and notes on a meeting, in Chromium: the samordnare of TSI-team F–6 plans her own weekly
 * Thursday series in October 2027, adds a general topic to 7 October, ticks herself present, and then
 * writes the unit's note on the topic from two browser contexts at once. The second save gets the
 * conflict: her own text stays in the textarea, the saved text is shown beside it, and "Använd min text"
 * saves it on top of the current version. Every step is checked with axe.
 * The E2E server is shared by all files: everything is scoped to this file's own meetings and items.
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

const TOPIC = 'Rastvakter';
const DATE = 'torsdag 7 oktober 2027';

async function loggedInPage(): Promise<Page> {
  const ctx = await browser.newContext({ locale: 'sv-SE' });
  contexts.push(ctx);
  const page = await ctx.newPage();
  await logIn(page, 'samordnare.f6');
  return page;
}

const topicItem = (page: Page): Locator => page.getByRole('listitem', { name: TOPIC, exact: true });
const noteField = (page: Page): Locator => topicItem(page).getByLabel(/^Anteckning från /);

describe('meeting attendance and notes', () => {
  it('records attendance and resolves a conflicting note consciously', async () => {
    const page = await loggedInPage();
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Möten', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Teamets möten' }).waitFor();

    // Own series: Thursdays 2027-10-07 … 2027-10-28 (four meetings).
    const series = page.getByRole('form', { name: 'Planera mötesserie' });
    await series.getByLabel('Första datum').fill('2027-10-07');
    await series.getByLabel('Sista datum').fill('2027-10-28');
    await series.getByLabel('Hur ofta').selectOption({ label: 'Varje vecka' });
    await series.getByLabel('Veckodag').selectOption({ label: 'torsdag' });
    await series.getByLabel('Starttid').fill('09:00');
    await series.getByLabel('Sluttid').fill('10:00');
    await series.getByRole('button', { name: 'Skapa mötesserie' }).click();
    await page.getByText('Mötesserien är skapad: 4 möten.').waitFor();
    const row = page
      .getByRole('table', { name: 'Kommande möten' })
      .getByRole('row')
      .filter({ has: page.getByRole('cell', { name: DATE, exact: true }) })
      .first();
    await row.getByRole('link', { name: `Dagordning ${DATE}` }).click();
    await page.getByRole('heading', { level: 1, name: `Möte ${DATE}` }).waitFor();
    const meetingUrl = page.url();

    // A general topic inviting Björkskolan.
    const form = page.getByRole('form', { name: 'Lägg till punkt' });
    await form.getByLabel('Typ').selectOption({ label: 'Allmän fråga' });
    await form.getByLabel('Rubrik').fill(TOPIC);
    await form.getByRole('group', { name: 'Inbjudna verksamheter' }).getByRole('checkbox', { name: 'Björkskolan F–6', exact: true }).check();
    await form.getByRole('button', { name: 'Lägg till punkt' }).click();
    await page.getByText(`Punkten ${TOPIC} är tillagd.`).waitFor();
    await topicItem(page).getByRole('heading', { level: 4, name: 'Anteckningar' }).waitFor();
    await expectNoAxeViolations(page, 'punkt med anteckningar');

    // Attendance: tick herself present; saved at once.
    const attendance = page.getByRole('group', { name: 'Vilka var med?' });
    const me = attendance.getByRole('checkbox', { name: /^Sara Lind \(/ }).first();
    // The box shows the saved state, so it turns checked when the save is done (check() would
    // demand the change at once and fails on a slow save).
    await me.click();
    await page.getByText('Närvaron är sparad.').waitFor();
    await expect.poll(() => me.isChecked()).toBe(true);
    await expectNoAxeViolations(page, 'närvaro sparad');

    // Two contexts, same unit, both loaded before anyone saved.
    const pageA = page;
    const pageB = await loggedInPage();
    await pageB.goto(meetingUrl);
    await noteField(pageB).waitFor();
    await pageA.reload();
    await noteField(pageA).waitFor();
    expect(
      await attendance
        .getByRole('checkbox', { name: /^Sara Lind \(/ })
        .first()
        .isChecked(),
    ).toBe(true);

    // A saves first.
    await noteField(pageA).fill('Text från A');
    await topicItem(pageA).getByRole('button', { name: 'Spara anteckning' }).click();
    await topicItem(pageA).getByText('Anteckningen är sparad.').waitFor();
    await expectNoAxeViolations(pageA, 'anteckning sparad (A)');

    // B saves from the old version: conflict, nothing overwritten, both texts visible.
    await noteField(pageB).fill('Text från B');
    await topicItem(pageB).getByRole('button', { name: 'Spara anteckning' }).click();
    const alert = topicItem(pageB).locator('.ds-alert').filter({ hasText: 'Någon annan har ändrat anteckningen' });
    await alert.getByRole('heading', { name: 'Någon annan har ändrat anteckningen' }).waitFor();
    await alert.getByRole('heading', { name: 'Sparad text', exact: true }).waitFor();
    await alert.getByText('Text från A', { exact: true }).waitFor();
    await alert.getByText(/sparade en ny version medan du skrev/).waitFor();
    expect(await noteField(pageB).inputValue()).toBe('Text från B');
    await expectNoAxeViolations(pageB, 'anteckning i konflikt (B)');

    // B consciously keeps her own text.
    await alert.getByRole('button', { name: 'Använd min text' }).click();
    await topicItem(pageB).getByText('Anteckningen är sparad.').waitFor();
    expect(await topicItem(pageB).locator('.ds-alert').count()).toBe(0);
    expect(await noteField(pageB).inputValue()).toBe('Text från B');
    await expectNoAxeViolations(pageB, 'min text sparad (B)');

    // A reloads and sees B's text.
    await pageA.reload();
    await expect.poll(() => noteField(pageA).inputValue()).toBe('Text från B');
    await expectNoAxeViolations(pageA, 'efter omladdning (A)');
  });
});
