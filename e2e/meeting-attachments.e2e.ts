import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, launchBrowser, logIn } from './support.ts';

/**
 * "Dokument och länkar" per agenda item (meetings issue §2), in Chromium, with axe on every state:
 *  1. the samordnare of TSI-team F–6 plans her own meeting on Friday 22 October 2027 (no other file
 *     plans meetings on that day) and adds a case item for Elev C (inviting BUP) and a general topic;
 *  2. on the case item a link with a javascript: address is refused with the server's Swedish text at
 *     "Adress" and nothing is added; an https link is added, and then a reference to an entry in the
 *     case's chronology; on the topic another link;
 *  3. BUP (invited, covered by the consent) sees the case item's documents but may not add or remove;
 *     Socialtjänsten – öppenvården (covered, not invited) sees them too and may write the voice;
 *     Vårdcentralen (a team member the consent does not cover) sees no documents on the case item but
 *     sees the topic's link;
 *  4. the samordnare removes the topic's link.
 * The E2E server is shared by all files: everything is scoped to this file's own meeting.
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

const DATE = 'fredag 22 oktober 2027';
const TOPIC = 'Rutin för frånvaroanmälan';
const CASE_LINK = 'Samordnad individuell plan';
const CASE_URL = 'https://example.org/samsyn/sip-mall';
const TOPIC_LINK = 'Skolverkets stöd om frånvaro';
const TOPIC_URL = 'https://www.skolverket.se/skolutveckling/franvaro';
const EVENT_TEXT = 'Trygghetspersonen har haft ett första samtal med eleven.';

async function loggedInPage(username: string): Promise<Page> {
  const ctx = await browser.newContext({ locale: 'sv-SE' });
  contexts.push(ctx);
  const page = await ctx.newPage();
  await logIn(page, username);
  return page;
}

const item = (page: Page, title: string): Locator => page.getByRole('listitem', { name: title, exact: true });
const caseItem = (page: Page): Locator => item(page, 'Elev C');
const documents = (page: Page, title: string): Locator => page.getByRole('list', { name: `Dokument och länkar om ${title}`, exact: true });

async function openMeeting(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('heading', { level: 1, name: `Möte ${DATE}` }).waitFor();
  await caseItem(page).waitFor();
  await item(page, TOPIC).waitFor();
}

async function addLink(page: Page, title: string, label: string, url: string): Promise<Locator> {
  const entry = item(page, title);
  await entry.getByRole('button', { name: `Lägg till länk om ${title}` }).click();
  const form = page.getByRole('form', { name: `Lägg till länk om ${title}` });
  await form.getByLabel('Vad länken leder till').fill(label);
  await form.getByLabel('Adress').fill(url);
  await form.getByRole('button', { name: 'Spara länken' }).click();
  return form;
}

describe('documents and links per agenda item', () => {
  it('adds links and a chronology reference, shows them by consent and removes one', async () => {
    // ---- 1. The samordnare's own meeting with a case item and a topic. ----
    const sara = await loggedInPage('samordnare.f6');
    await sara.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Möten', exact: true }).click();
    await sara.getByRole('heading', { level: 1, name: 'Teamets möten' }).waitFor();
    const series = sara.getByRole('form', { name: 'Planera mötesserie' });
    await series.getByLabel('Första datum').fill('2027-10-22');
    await series.getByLabel('Sista datum').fill('2027-10-22');
    await series.getByLabel('Hur ofta').selectOption({ label: 'Varje vecka' });
    await series.getByLabel('Veckodag').selectOption({ label: 'fredag' });
    await series.getByLabel('Starttid').fill('10:00');
    await series.getByLabel('Sluttid').fill('11:00');
    await series.getByRole('button', { name: 'Skapa mötesserie' }).click();
    await sara.getByText('Mötesserien är skapad: 1 möte.').waitFor();
    await sara
      .getByRole('table', { name: 'Kommande möten' })
      .getByRole('row')
      .filter({ has: sara.getByRole('cell', { name: DATE, exact: true }) })
      .first()
      .getByRole('link', { name: `Dagordning ${DATE}` })
      .click();
    await sara.getByRole('heading', { level: 1, name: `Möte ${DATE}` }).waitFor();
    const meetingUrl = sara.url();

    const add = sara.getByRole('form', { name: 'Lägg till punkt' });
    await add.getByLabel('Typ').selectOption({ label: 'Ärende' });
    await add.getByLabel('Ärende', { exact: true }).selectOption({ label: 'Elev C' });
    await add.getByRole('group', { name: 'Inbjudna verksamheter' }).getByRole('checkbox', { name: 'BUP Region Exempel', exact: true }).check();
    await add.getByRole('button', { name: 'Lägg till punkt' }).click();
    await sara.getByText('Punkten Elev C är tillagd.').waitFor();
    await add.getByLabel('Typ').selectOption({ label: 'Allmän fråga' });
    await add.getByLabel('Rubrik').fill(TOPIC);
    await add.getByRole('group', { name: 'Inbjudna verksamheter' }).getByRole('checkbox', { name: 'Björkskolan F–6', exact: true }).check();
    await add.getByRole('button', { name: 'Lägg till punkt' }).click();
    await sara.getByText(`Punkten ${TOPIC} är tillagd.`).waitFor();

    // The section comes right after the voice on the case item; nothing added yet.
    const headings = await caseItem(sara).getByRole('heading', { level: 4 }).allTextContents();
    expect(headings.slice(0, 2)).toEqual(['Barnets och vårdnadshavarnas röst', 'Dokument och länkar']);
    await caseItem(sara).getByText('Inga dokument eller länkar.').waitFor();
    await item(sara, TOPIC).getByText('Inga dokument eller länkar.').waitFor();
    await expectNoAxeViolations(sara, 'punkter utan dokument');

    // ---- 2. A javascript: address is refused at the field; nothing is added. ----
    const linkForm = await addLink(sara, 'Elev C', CASE_LINK, 'javascript:alert(1)');
    const address = linkForm.getByLabel('Adress');
    await expect.poll(() => address.getAttribute('aria-invalid')).toBe('true');
    await linkForm.getByText('Länken måste börja med https:// eller vara en sida i Samsyn (börja med /).').waitFor();
    expect(await linkForm.getByLabel('Vad länken leder till').inputValue()).toBe(CASE_LINK);
    expect(await documents(sara, 'Elev C').count()).toBe(0);
    await expectNoAxeViolations(sara, 'länk med fel adress');

    // An https link: added, opens in a new tab, said to screen readers.
    await address.fill(CASE_URL);
    await linkForm.getByRole('button', { name: 'Spara länken' }).click();
    await caseItem(sara).getByText(`Länken ${CASE_LINK} är tillagd.`).waitFor();
    expect(await linkForm.count()).toBe(0);
    const caseLink = documents(sara, 'Elev C').getByRole('link', { name: `${CASE_LINK} (öppnas i ny flik)` });
    expect(await caseLink.getAttribute('href')).toBe(CASE_URL);
    expect(await caseLink.getAttribute('target')).toBe('_blank');
    expect(await caseLink.getAttribute('rel')).toBe('noopener noreferrer');
    await documents(sara, 'Elev C').getByText('Tillagd av Sara Lind, Elevhälsan Björkskolan').waitFor();
    await expectNoAxeViolations(sara, 'länk tillagd');

    // A reference to the case's chronology: the entries the unit may read, by date and text.
    await caseItem(sara).getByRole('button', { name: 'Lägg till från kronologin om Elev C' }).click();
    const eventForm = sara.getByRole('form', { name: 'Lägg till från kronologin om Elev C' });
    const entry = eventForm.getByLabel('Anteckning i kronologin');
    const option = entry
      .locator('option')
      .filter({ hasText: EVENT_TEXT.slice(0, 40) })
      .first();
    await option.waitFor({ state: 'attached' });
    await entry.selectOption((await option.getAttribute('value'))!);
    await expectNoAxeViolations(sara, 'välj från kronologin');
    await eventForm.getByRole('button', { name: 'Lägg till anteckningen' }).click();
    await caseItem(sara).getByText('Anteckningen från kronologin är tillagd.').waitFor();
    const reference = documents(sara, 'Elev C').getByText(/^Från kronologin .+: Trygghetspersonen har haft ett första samtal med eleven\.$/);
    await reference.waitFor();
    await expectNoAxeViolations(sara, 'kronologin tillagd');

    // A link on the topic.
    await addLink(sara, TOPIC, TOPIC_LINK, TOPIC_URL);
    await item(sara, TOPIC).getByText(`Länken ${TOPIC_LINK} är tillagd.`).waitFor();
    await documents(sara, TOPIC)
      .getByRole('link', { name: `${TOPIC_LINK} (öppnas i ny flik)` })
      .waitFor();

    // ---- 3. BUP: invited and covered, sees the documents; neither adds nor removes. ----
    const bup = await loggedInPage('bup');
    await openMeeting(bup, meetingUrl);
    await documents(bup, 'Elev C')
      .getByRole('link', { name: `${CASE_LINK} (öppnas i ny flik)` })
      .waitFor();
    await documents(bup, 'Elev C')
      .getByText(/^Från kronologin .+: Trygghetspersonen/)
      .waitFor();
    expect(
      await caseItem(bup)
        .getByRole('button', { name: /^Lägg till (länk|från kronologin)/ })
        .count(),
    ).toBe(0);
    expect(
      await caseItem(bup)
        .getByRole('button', { name: /^Ta bort/ })
        .count(),
    ).toBe(0);
    await expectNoAxeViolations(bup, 'BUP ser dokumenten');

    // Socialtjänsten – öppenvården: covered by the consent but not invited – sees the documents,
    // and may write the child's and guardians' voice.
    const soc = await loggedInPage('soc.oppen');
    await openMeeting(soc, meetingUrl);
    await documents(soc, 'Elev C')
      .getByRole('link', { name: `${CASE_LINK} (öppnas i ny flik)` })
      .waitFor();
    await soc.getByRole('form', { name: 'Barnets och vårdnadshavarnas röst om Elev C' }).waitFor();
    await caseItem(soc).getByRole('link', { name: 'Ladda ner familjens version (PDF) för Elev C' }).waitFor();
    await expectNoAxeViolations(soc, 'socialtjänsten omfattas utan att vara inbjuden');

    // Vårdcentralen: in the team, not covered – no documents on the case item, but the topic's link.
    const vc = await loggedInPage('vc');
    await openMeeting(vc, meetingUrl);
    await documents(vc, TOPIC)
      .getByRole('link', { name: `${TOPIC_LINK} (öppnas i ny flik)` })
      .waitFor();
    expect(await caseItem(vc).getByRole('heading', { name: 'Dokument och länkar' }).count()).toBe(0);
    expect(await documents(vc, 'Elev C').count()).toBe(0);
    expect(await vc.getByText(CASE_LINK).count()).toBe(0);
    expect(await vc.getByText(/Trygghetspersonen/).count()).toBe(0);
    expect(
      await item(vc, TOPIC)
        .getByRole('button', { name: /^Lägg till länk/ })
        .count(),
    ).toBe(0);
    await expectNoAxeViolations(vc, 'Vårdcentralen ser bara den allmänna frågans länk');

    // ---- 4. The samordnare removes the topic's link. ----
    await documents(sara, TOPIC)
      .getByRole('button', { name: `Ta bort länken ${TOPIC_LINK}` })
      .click();
    await item(sara, TOPIC).getByText(`Länken ${TOPIC_LINK} är borttagen.`).waitFor();
    await item(sara, TOPIC).getByText('Inga dokument eller länkar.').waitFor();
    expect(await documents(sara, TOPIC).count()).toBe(0);
    // The case item's link and reference stay.
    await caseLink.waitFor();
    await reference.waitFor();
    await expectNoAxeViolations(sara, 'länk borttagen');

    await vc.reload();
    await item(vc, TOPIC).getByText('Inga dokument eller länkar.').waitFor();
  });
});
