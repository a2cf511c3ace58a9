import { fictitiousIdentityNumber } from '@samsyn/domain';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, launchBrowser, logIn } from './support.ts';

/**
 * Issue 3's journey in Chromium: a teacher raises a concern; the samordnare opens an
 * anonymous consultation (a personnummer in it is refused); both guardians' consent is
 * recorded for school, social services' open care and BUP; the social worker sees the case
 * with the reason; one guardian withdraws; the social worker's next request shows the case
 * without the school's data and an acknowledgement waiting; the chronology shows every step.
 * Every page is checked with axe. All people are fictitious.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const pnr = fictitiousIdentityNumber('2016-05-05', 7);
const pnrDisplay = `${pnr.slice(0, 8)}-${pnr.slice(8)}`;
const NOTICED = 'Eleven har varit borta många måndagar och verkar trött och ledsen.';

async function session(username: string): Promise<Page> {
  const ctx = await browser.newContext({ locale: 'sv-SE' });
  const page = await ctx.newPage();
  await logIn(page, username);
  return page;
}

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name, exact: true }).click();

async function openCase(page: Page, pseudonym: string) {
  await nav(page, 'Mina ärenden');
  await page.getByRole('heading', { level: 1, name: 'Mina ärenden' }).waitFor();
  await page.getByRole('table', { name: 'Ärenden' }).getByRole('link', { name: pseudonym }).first().click();
  await page.getByRole('tab', { name: 'Översikt' }).waitFor();
}

describe('from a signal to a shared case, with consent enforced at every read', () => {
  it('runs the seven steps', async () => {
    // 1. A teacher raises a concern.
    const teacher = await session('larare.bjork');
    await nav(teacher, 'Anmäl oro');
    await teacher.getByRole('heading', { level: 1, name: 'Anmäl oro' }).waitFor();
    await expectNoAxeViolations(teacher, 'anmäl oro');
    await teacher.getByLabel('Mottagande verksamhet').selectOption({ label: 'Elevhälsan Björkskolan' });
    await teacher.getByLabel('Område').selectOption({ label: 'Skolsituation' });
    await teacher.getByLabel('Vad har du sett?').fill(NOTICED);
    await teacher.getByRole('group', { name: 'Vad gäller oron?' }).getByLabel('Skolfrånvaro').check();
    await teacher.getByRole('group', { name: 'Hur brådskande är det?' }).getByLabel('Medel').check();
    await teacher.getByRole('group', { name: 'Har en orosanmälan' }).getByLabel('Nej').check();
    await teacher.getByRole('button', { name: 'Skicka signal' }).click();
    await teacher.getByText('Signalen är skickad till Elevhälsan Björkskolan.').waitFor();
    await expectNoAxeViolations(teacher, 'signaler (lärare)');
    await teacher.context().close();

    // 2. The samordnare opens an anonymous consultation; a personnummer in it is refused.
    const sam = await session('samordnare.f6');
    await nav(sam, 'Signaler');
    await sam.getByRole('table', { name: 'Mottagna' }).getByRole('link', { name: 'Öppna anonym konsultation' }).first().click();
    await sam.getByRole('heading', { level: 1, name: 'Ny anonym konsultation' }).waitFor();
    await expectNoAxeViolations(sam, 'ny konsultation');
    await sam.getByLabel('Pseudonym').fill('Elev Journey');
    await sam.getByLabel('Åldersgrupp').selectOption('10-12');
    const description = sam.getByLabel('Beskrivning');
    await description.fill(`Gäller ${pnrDisplay}. Hög frånvaro på måndagar.`);
    await sam.getByRole('button', { name: 'Spara konsultation' }).click();
    await expect.poll(() => description.getAttribute('aria-invalid')).toBe('true');
    await sam
      .getByText(/personnummer/)
      .first()
      .waitFor();
    await expectNoAxeViolations(sam, 'konsultation med personnummer');
    await description.fill('Hög frånvaro på måndagar, verkar trött. Mentorn är orolig.');
    await sam.getByRole('button', { name: 'Spara konsultation' }).click();
    await sam.getByText('Konsultationen är sparad.').waitFor();
    await expectNoAxeViolations(sam, 'ärende (anonymt)');
    const caseUrl = sam.url();

    // The family agrees to share: the samordnare adds the child with both guardians …
    await nav(sam, 'Start');
    await sam.getByRole('link', { name: 'Lägg till barn' }).click();
    await sam.getByLabel('Förnamn').fill('Tilde');
    await sam.getByLabel('Efternamn').fill('Påhittsson');
    await sam.getByLabel('Personnummer eller samordningsnummer').fill(pnrDisplay);
    await sam.getByRole('group', { name: 'Vårdnadshavare 1' }).getByLabel('Namn').fill('Petra Påhittsson');
    await sam.getByRole('button', { name: 'Lägg till vårdnadshavare' }).click();
    await sam.getByRole('group', { name: 'Vårdnadshavare 2' }).getByLabel('Namn').fill('Pelle Påhittsson');
    await sam.getByRole('button', { name: 'Spara', exact: true }).click();
    await sam.getByRole('heading', { level: 1, name: 'Tilde Påhittsson' }).waitFor();

    // … links the consultation to her …
    await sam.goto(caseUrl);
    await sam.getByRole('tab', { name: 'Översikt' }).waitFor();
    await sam.getByLabel('Barn', { exact: true }).selectOption({ label: 'Tilde Påhittsson (2016-05-05)' });
    await sam.getByRole('button', { name: 'Koppla barnet' }).click();
    await sam.getByText('Ärendet är kopplat till Tilde Påhittsson.').waitFor();

    // 3. … and records both guardians' consent for school, social services' open care and BUP.
    await sam.getByRole('tab', { name: 'Samtycke' }).click();
    await sam.getByRole('heading', { name: 'Registrera samtycke' }).waitFor();
    await sam.getByLabel('Syfte', { exact: true }).selectOption('samordning_tsi_team');
    await sam.getByLabel('Beskriv syftet').fill('Planera stöd kring skolfrånvaron tillsammans med socialtjänsten och BUP.');
    for (const unit of ['Björkskolan F–6', 'Socialtjänsten – öppenvården', 'BUP Region Exempel'])
      await sam.getByRole('checkbox', { name: unit, exact: true }).check();
    const categories = sam.getByRole('group', { name: 'Uppgifter som får delas' });
    for (const c of ['Skolsituation', 'Familj och hem', 'Hälsa']) await categories.getByRole('checkbox', { name: c, exact: true }).check();
    for (const guardian of ['Petra Påhittsson (vårdnadshavare)', 'Pelle Påhittsson (vårdnadshavare)']) {
      const g = sam.getByRole('group', { name: guardian });
      await g.getByLabel('Ja, samtycker').check();
      await g.getByLabel('Hur?').selectOption('written');
    }
    await expectNoAxeViolations(sam, 'samtyckesformulär');
    await sam.getByRole('button', { name: 'Registrera samtycke' }).click();
    await sam.getByText('Samtycket är registrerat.').waitFor();
    await expectNoAxeViolations(sam, 'samtycke registrerat');
    await sam.getByRole('tab', { name: 'Kronologi' }).click();
    await sam.getByRole('button', { name: 'Lägg till händelse' }).click();
    await sam.getByLabel('Område').selectOption('skolsituation');
    await sam.getByLabel('Vad hände?').fill('Trygghetspersonen hade ett första samtal med Tilde.');
    await sam.getByRole('button', { name: 'Spara händelse' }).click();
    await sam.getByText('Händelsen är sparad.').waitFor();

    // 4. The social worker now sees the case, with the reason shown.
    const soc = await session('soc.oppen');
    await openCase(soc, 'Elev Journey');
    await soc.getByText(/^Du ser detta eftersom samtycke #.+ från båda vårdnadshavarna omfattar/).waitFor();
    await soc.getByText('Tilde Påhittsson').first().waitFor();
    await soc.getByText(NOTICED).waitFor();
    await expectNoAxeViolations(soc, 'ärende (socialtjänsten, med samtycke)');

    // 5. One guardian withdraws (documented by the samordnare).
    await sam.getByRole('tab', { name: 'Samtycke' }).click();
    await sam.getByRole('button', { name: 'Återkalla för Petra Påhittsson (vårdnadshavare)' }).click();
    const withdraw = sam.getByRole('form', { name: /Återkallelse från Petra/ });
    await withdraw.getByLabel('Hur?').selectOption('oral');
    await withdraw.getByRole('button', { name: 'Återkalla samtycke' }).click();
    await sam.getByText(/Samtycket är återkallat för/).waitFor();
    await expectNoAxeViolations(sam, 'samtycke återkallat');

    // 6. The social worker's next request shows the case without the school's data, and an acknowledgement waits.
    await soc.reload();
    await soc.getByRole('tab', { name: 'Översikt' }).waitFor();
    await soc.getByRole('button', { name: 'Jag har tagit del av återkallelsen' }).waitFor();
    expect(await soc.getByText(NOTICED).count()).toBe(0);
    expect(await soc.getByText('Tilde Påhittsson').count()).toBe(0);
    await soc.getByText(/Signalen från Björkskolan F–6 visas inte/).waitFor();
    await expectNoAxeViolations(soc, 'ärende (socialtjänsten, efter återkallelse)');
    await soc.getByRole('tab', { name: 'Kronologi' }).click();
    expect(await soc.getByText('Trygghetspersonen hade ett första samtal med Tilde.').count()).toBe(0);
    await soc.getByRole('tab', { name: 'Översikt' }).click();
    await soc.getByRole('button', { name: 'Jag har tagit del av återkallelsen' }).click();
    await soc.getByText('Du har kvitterat återkallelsen.').waitFor();

    // 7. The chronology shows every step.
    await sam.reload();
    await sam.getByRole('tab', { name: 'Kronologi' }).click();
    for (const text of [
      'En signal om oro kopplades till ärendet.',
      'Avidentifierad konsultation öppnades.',
      /Ärendet kopplades till ett identifierat barn/,
      /Samtycke registrerat \(gäller\)/,
      'Trygghetspersonen hade ett första samtal med Tilde.',
      /återkallade samtycket/,
    ])
      await sam.getByText(text).first().waitFor();
    await expectNoAxeViolations(sam, 'kronologi');

    // The samordnare's overview lists the case as awaiting consent.
    await nav(sam, 'Samordning');
    await sam.getByRole('heading', { level: 1, name: 'Samordnaröversikt' }).waitFor();
    await sam.getByRole('link', { name: 'Elev Journey' }).first().waitFor();
    await expectNoAxeViolations(sam, 'samordnaröversikt');
    await sam.context().close();
    await soc.context().close();
  }, 180_000);
});
