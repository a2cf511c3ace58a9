import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, launchBrowser, logIn } from './support.ts';

/**
 * Meetings, first slice, in Chromium: the samordnare of TSI-team F–6 plans a weekly Friday
 * series over midsommar 2027 (a field error first), sees Midsommarafton flagged with the
 * proposed Monday, moves that meeting and cancels another. A member sees the meetings but
 * cannot change them; someone in another team does not see them. Every page is checked with axe.
 * The E2E server is shared by all files: assertions are scoped to rows by their date.
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

async function openMeetings(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Möten', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Teamets möten' }).waitFor();
}

const meetingTable = (page: Page) => page.getByRole('table', { name: 'Kommande möten' });
const meetingRow = (page: Page, date: string): Locator =>
  meetingTable(page)
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name: date, exact: true }) })
    .first();

describe('team meetings', () => {
  it('the samordnare plans a series, moves the midsommar meeting and cancels another', async () => {
    const sam = await session('samordnare.f6');
    await openMeetings(sam);
    await sam.getByText('TSI-team F–6 Björkskolan och Ekskolan').waitFor();
    const series = sam.getByRole('form', { name: 'Planera mötesserie' });
    await series.waitFor();
    await expectNoAxeViolations(sam, 'möten (samordnare)');

    // The end time before the start time: the server's message at "Sluttid".
    await series.getByLabel('Första datum').fill('2027-06-01');
    await series.getByLabel('Sista datum').fill('2027-07-01');
    await series.getByLabel('Hur ofta').selectOption({ label: 'Varje vecka' });
    await series.getByLabel('Veckodag').selectOption({ label: 'fredag' });
    await series.getByLabel('Starttid').fill('10:00');
    await series.getByLabel('Sluttid').fill('09:00');
    await series.getByRole('button', { name: 'Skapa mötesserie' }).click();
    const endTime = series.getByLabel('Sluttid');
    await expect.poll(() => endTime.getAttribute('aria-invalid')).toBe('true');
    await series.getByText(/Mötet slutar innan det börjar/).waitFor();
    await expectNoAxeViolations(sam, 'mötesserie med fel');

    // Weekly on Fridays 09:00–10:00, 2027-06-01 … 2027-07-01: four meetings, one on Midsommarafton.
    await series.getByLabel('Starttid').fill('09:00');
    await endTime.fill('10:00');
    await series.getByLabel('Plats').fill('Rum 12, Björkskolan');
    await series.getByRole('button', { name: 'Skapa mötesserie' }).click();
    await sam.getByText('Mötesserien är skapad: 4 möten.').waitFor();
    const midsommar = meetingRow(sam, 'fredag 25 juni 2027');
    await midsommar.getByText('Midsommarafton – förslag: flytta till måndag 28 juni 2027').waitFor();
    await meetingRow(sam, 'fredag 4 juni 2027').getByText('Planerat').waitFor();
    expect(await meetingRow(sam, 'fredag 4 juni 2027').getByText('09:00–10:00').count()).toBe(1);
    await expectNoAxeViolations(sam, 'mötesserie skapad');

    // Move the midsommar meeting to the proposed Monday (filled in).
    await midsommar.getByRole('button', { name: 'Flytta' }).click();
    const move = sam.getByRole('form', { name: 'Flytta mötet fredag 25 juni 2027' });
    expect(await move.getByLabel('Nytt datum').inputValue()).toBe('2027-06-28');
    await expectNoAxeViolations(sam, 'flytta mötet');
    await move.getByRole('button', { name: 'Flytta mötet' }).click();
    await sam.getByText('Mötet är flyttat till måndag 28 juni 2027.').waitFor();
    const moved = meetingRow(sam, 'måndag 28 juni 2027');
    await moved.getByText('Flyttat från fredag 25 juni 2027').waitFor();
    expect(await moved.getByText(/förslag/).count()).toBe(0);
    await expectNoAxeViolations(sam, 'mötet flyttat');

    // Cancel another meeting with a reason.
    const june18 = meetingRow(sam, 'fredag 18 juni 2027');
    await june18.getByRole('button', { name: 'Ställ in' }).click();
    const cancel = sam.getByRole('form', { name: 'Ställ in mötet fredag 18 juni 2027' });
    await cancel.getByLabel('Skäl').fill('Studiedag för personalen');
    await expectNoAxeViolations(sam, 'ställ in mötet');
    await cancel.getByRole('button', { name: 'Ställ in mötet' }).click();
    await june18.getByText('Inställt: Studiedag för personalen').waitFor();
    expect(await june18.getByRole('button').count()).toBe(0);
    await expectNoAxeViolations(sam, 'mötet inställt');

    // Someone else changes a meeting while the form is open: 409, the input stays; after reload it saves.
    await meetingRow(sam, 'fredag 11 juni 2027').getByRole('button', { name: 'Flytta' }).click();
    const stale = sam.getByRole('form', { name: 'Flytta mötet fredag 11 juni 2027' });
    await stale.getByLabel('Starttid').fill('08:00');
    await stale.getByLabel('Sluttid').fill('09:00');
    const other = await session('samordnare.f6');
    await openMeetings(other);
    await meetingRow(other, 'fredag 11 juni 2027').getByRole('button', { name: 'Flytta' }).click();
    const otherMove = other.getByRole('form', { name: 'Flytta mötet fredag 11 juni 2027' });
    await otherMove.getByLabel('Starttid').fill('09:30');
    await otherMove.getByLabel('Sluttid').fill('10:30');
    await otherMove.getByRole('button', { name: 'Flytta mötet' }).click();
    await other.getByText('Mötet är flyttat till fredag 11 juni 2027.').waitFor();
    await other.context().close();
    await stale.getByRole('button', { name: 'Flytta mötet' }).click();
    await stale.getByText('Någon annan har ändrat mötet. Ladda om sidan.').waitFor();
    expect(await stale.getByLabel('Starttid').inputValue()).toBe('08:00');
    await expectNoAxeViolations(sam, 'mötet ändrat av någon annan');
    await stale.getByRole('button', { name: 'Ladda om' }).click();
    await meetingRow(sam, 'fredag 11 juni 2027').getByText('09:30–10:30').waitFor();
    expect(await stale.getByLabel('Starttid').inputValue()).toBe('08:00');
    await stale.getByRole('button', { name: 'Flytta mötet' }).click();
    await meetingRow(sam, 'fredag 11 juni 2027').getByText('08:00–09:00').waitFor();
    await sam.context().close();
  });

  it('a member sees the meetings but cannot change them', async () => {
    const kurator = await session('kurator.bjork');
    await openMeetings(kurator);
    await meetingRow(kurator, 'fredag 4 juni 2027').getByText('Planerat').waitFor();
    await meetingRow(kurator, 'fredag 18 juni 2027').getByText('Inställt: Studiedag för personalen').waitFor();
    await meetingRow(kurator, 'måndag 28 juni 2027').getByText('Flyttat från fredag 25 juni 2027').waitFor();
    expect(await kurator.getByRole('form', { name: 'Planera mötesserie' }).count()).toBe(0);
    expect(await meetingTable(kurator).getByRole('button', { name: 'Ställ in' }).count()).toBe(0);
    expect(await meetingTable(kurator).getByRole('button', { name: 'Flytta' }).count()).toBe(0);
    await expectNoAxeViolations(kurator, 'möten (medlem)');
    await kurator.context().close();
  });

  it('someone in another team does not see them', async () => {
    const polis = await session('polis');
    await openMeetings(polis);
    // The police are in TSI-team 7–9, whose only meeting is the demo's (Elev E, issue 7): not F–6's.
    await meetingTable(polis).waitFor();
    expect(await polis.getByText('TSI-team F–6 Björkskolan och Ekskolan').count()).toBe(0);
    expect(await polis.getByText('fredag 4 juni 2027').count()).toBe(0);
    expect(await polis.getByRole('form', { name: 'Planera mötesserie' }).count()).toBe(0);
    await expectNoAxeViolations(polis, 'möten (annat team)');
    await polis.context().close();
  });
});
