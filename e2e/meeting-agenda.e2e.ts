import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, launchBrowser, logIn } from './support.ts';

/**
 * Meeting agenda and decisions, in Chromium: the samordnare of TSI-team F–6 plans her own weekly
 * Wednesday series in September 2027, opens the agenda of 1 September, adds a case item (with a
 * consent warning for a unit outside the consent), a general topic and an anonymous consultation,
 * records decisions (one owned by her, one that is nobody's job), closes the latter (a note is
 * required) and finds the owned decision under "Mina uppgifter". Every step is checked with axe.
 * The E2E server is shared by all files: everything is scoped to this file's own meetings and items.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const TOPIC = 'Problematisk frånvaro i åk 5';
const OWNED = 'Kartlägga frånvaron i åk 5';
const NOBODY = 'Bjuda in vårdnadshavarna till ett föräldramöte';

const agendaItem = (page: Page, title: string): Locator => page.getByRole('listitem', { name: title, exact: true });

async function addItem(page: Page, fill: (form: Locator) => Promise<void>, units: string[]): Promise<void> {
  const form = page.getByRole('form', { name: 'Lägg till punkt' });
  await fill(form);
  const invited = form.getByRole('group', { name: 'Inbjudna verksamheter' });
  for (const unit of units) await invited.getByRole('checkbox', { name: unit, exact: true }).check();
  await form.getByRole('button', { name: 'Lägg till punkt' }).click();
}

describe('meeting agenda and decisions', () => {
  it('the samordnare builds the agenda, records and closes decisions, and sees her tasks', async () => {
    const ctx = await browser.newContext({ locale: 'sv-SE' });
    const page = await ctx.newPage();
    await logIn(page, 'samordnare.f6');
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Möten', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Teamets möten' }).waitFor();

    // Own series: Wednesdays 2027-09-01 … 2027-09-30 (five meetings).
    const series = page.getByRole('form', { name: 'Planera mötesserie' });
    await series.getByLabel('Första datum').fill('2027-09-01');
    await series.getByLabel('Sista datum').fill('2027-09-30');
    await series.getByLabel('Hur ofta').selectOption({ label: 'Varje vecka' });
    await series.getByLabel('Veckodag').selectOption({ label: 'onsdag' });
    await series.getByLabel('Starttid').fill('13:00');
    await series.getByLabel('Sluttid').fill('14:30');
    await series.getByRole('button', { name: 'Skapa mötesserie' }).click();
    await page.getByText('Mötesserien är skapad: 5 möten.').waitFor();
    const row = page
      .getByRole('table', { name: 'Kommande möten' })
      .getByRole('row')
      .filter({ has: page.getByRole('cell', { name: 'onsdag 1 september 2027', exact: true }) })
      .first();
    await expectNoAxeViolations(page, 'möten med dagordningslänk');

    await row.getByRole('link', { name: 'Dagordning onsdag 1 september 2027' }).click();
    await page.getByRole('heading', { level: 1, name: 'Möte onsdag 1 september 2027' }).waitFor();
    await page.getByRole('link', { name: 'Tillbaka till Möten' }).waitFor();
    await page.getByText('Det finns inga punkter på dagordningen än.').waitFor();
    await expectNoAxeViolations(page, 'tom dagordning');

    // (1) A case item for Elev C: Habiliteringen is outside the consent → a warning for the samordnare.
    await addItem(
      page,
      async (form) => {
        await form.getByLabel('Typ').selectOption({ label: 'Ärende' });
        await form.getByLabel('Ärende', { exact: true }).selectOption({ label: 'Elev C' });
      },
      ['BUP Region Exempel', 'Habiliteringen Region Exempel'],
    );
    const agenda = page.getByRole('list', { name: 'Dagordning' });
    await agenda.getByRole('listitem').first().waitFor();
    const caseItem = agenda.getByRole('listitem').first();
    await caseItem.getByText('Ärende', { exact: true }).waitFor();
    await caseItem
      .locator('.ds-alert')
      .getByText('Habiliteringen Region Exempel är inte omfattad av samtycket för ärende Elev C. Verksamheten ser punkten avidentifierad.')
      .waitFor();
    await expectNoAxeViolations(page, 'punkt med varning');

    // A topic without a title: the error at "Rubrik".
    const addForm = page.getByRole('form', { name: 'Lägg till punkt' });
    await addForm.getByLabel('Typ').selectOption({ label: 'Allmän fråga' });
    await addForm.getByRole('button', { name: 'Lägg till punkt' }).click();
    await expect.poll(() => addForm.getByLabel('Rubrik').getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page, 'punkt utan rubrik');

    // (2) A general topic inviting Björkskolan.
    await addItem(
      page,
      async (form) => {
        await form.getByLabel('Rubrik').fill(TOPIC);
        await form.getByLabel('Beskrivning').fill('Hur många elever har hög frånvaro och vad gör skolan redan?');
      },
      ['Björkskolan F–6'],
    );
    const topic = agendaItem(page, TOPIC);
    await topic.getByText('Allmän fråga', { exact: true }).waitFor();
    await topic.getByText('Björkskolan F–6', { exact: false }).waitFor();
    await page.getByText(`Punkten ${TOPIC} är tillagd.`).waitFor();
    await expectNoAxeViolations(page, 'allmän fråga tillagd');

    // (3) An anonymous consultation for Elev A.
    await addItem(
      page,
      async (form) => {
        await form.getByLabel('Typ').selectOption({ label: 'Anonym konsultation' });
        await form.getByLabel('Ärende', { exact: true }).selectOption({ label: 'Elev A' });
      },
      ['BUP Region Exempel'],
    );
    await expect.poll(() => agenda.getByRole('listitem').filter({ hasText: 'Anonym konsultation' }).count()).toBe(1);
    expect(await agenda.locator(':scope > li').count()).toBe(3);
    await expectNoAxeViolations(page, 'anonym konsultation tillagd');

    // A decision owned by "Jag" with a date in the future.
    const newDecision = page.getByRole('form', { name: `Nytt beslut om ${TOPIC}` });
    await newDecision.getByLabel('Vad beslutades?').fill(OWNED);
    const ownerSelect = newDecision.getByLabel('Ansvarig');
    const me = (await ownerSelect.locator('option', { hasText: /^Jag \(/ }).textContent()) ?? '';
    await ownerSelect.selectOption({ label: me });
    await newDecision.getByLabel('Senast').fill('2027-10-15');
    await newDecision.getByRole('radio', { name: 'Personal' }).check();
    await newDecision.getByLabel('Nästa uppföljning').fill('2027-09-29');
    await newDecision.getByRole('button', { name: 'Spara beslut' }).click();
    const decisions = page.getByRole('list', { name: `Beslut om ${TOPIC}` });
    const owned = decisions.getByRole('listitem').filter({ hasText: OWNED });
    await owned.getByText('fredag 15 oktober 2027').waitFor();
    await owned.getByText('Öppet', { exact: true }).waitFor();
    expect(await owned.getByText('Ingens uppgift').count()).toBe(0);
    await expectNoAxeViolations(page, 'beslut med ansvarig');

    // A decision without an owner: "Ingens uppgift".
    await newDecision.getByLabel('Vad beslutades?').fill(NOBODY);
    await newDecision.getByRole('radio', { name: 'Vårdnadshavare' }).check();
    await newDecision.getByRole('button', { name: 'Spara beslut' }).click();
    const nobody = decisions.getByRole('listitem').filter({ hasText: NOBODY });
    await nobody.getByText('Ingens uppgift').waitFor();
    await nobody.getByText('Ingen ansvarig').waitFor();
    await expectNoAxeViolations(page, 'beslut utan ansvarig');

    // Closing it without a note: the server's message at "Anteckning"; with a note: done.
    await nobody.getByRole('button', { name: `Avsluta beslut: ${NOBODY}` }).click();
    const close = page.getByRole('form', { name: `Avsluta beslut: ${NOBODY}` });
    await close.getByRole('button', { name: 'Avsluta', exact: true }).click();
    const note = close.getByLabel('Anteckning');
    await expect.poll(() => note.getAttribute('aria-invalid')).toBe('true');
    await close.locator('.ds-validation-message').waitFor();
    await expectNoAxeViolations(page, 'avsluta utan anteckning');
    await note.fill('Mentorn bjöd in till föräldramöte den 20 september.');
    await close.getByRole('button', { name: 'Avsluta', exact: true }).click();
    await nobody.getByText('Avslutat', { exact: true }).waitFor();
    await nobody.getByText('Mentorn bjöd in till föräldramöte den 20 september.').waitFor();
    expect(await nobody.getByRole('button', { name: /Avsluta beslut/ }).count()).toBe(0);
    await expectNoAxeViolations(page, 'beslut avslutat');

    // "Mina uppgifter": the owned decision, with a link back to the meeting.
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Mina uppgifter' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mina uppgifter' }).waitFor();
    const task = page.getByRole('table', { name: 'Mina öppna beslut' }).getByRole('row').filter({ hasText: OWNED });
    await task.getByText(TOPIC).waitFor();
    await task.getByText('fredag 15 oktober 2027').waitFor();
    expect(await page.getByRole('table', { name: 'Mina öppna beslut' }).getByText(NOBODY).count()).toBe(0);
    await expectNoAxeViolations(page, 'mina uppgifter');
    await task.getByRole('link', { name: `Öppna mötet för ${OWNED}` }).click();
    await page.getByRole('heading', { level: 1, name: 'Möte onsdag 1 september 2027' }).waitFor();
    await ctx.close();
  });
});
