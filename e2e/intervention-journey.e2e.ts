import { fictitiousIdentityNumber } from '@samsyn/domain';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, expectNoAxeViolations, launchBrowser, logIn } from './support.ts';

/**
 * Issue 6 §3–6 in Chromium, on a fresh case set up by API in beforeAll (so the demo cases other
 * files use are untouched): Karin Berg (kurator, Elevhälsan Björkskolan) owns the case of a
 * fictitious child, both guardians consented to Elevhälsan Björkskolan and Socialtjänsten –
 * öppenvården sharing skolsituation, familj och hem and insatser, and the team has decided about
 * the case on an own meeting (17 November 2027; no other file plans meetings in November 2027).
 *  1. Karin turns the decision into a proposed intervention from "Vem gör vad" (Föräldraskapsstöd
 *     – ABC at Socialtjänsten – öppenvården; typed by hand if the directory lacks it);
 *  2. requests the hand-over: a category the consent does not cover is refused, then the message
 *     with Skolsituation and Familj och hem;
 *  3. Omar Sandberg (soc.oppen) sees it on "Överlämningar till oss" with the answer-by date and the
 *     message; declining without a reason shows the Swedish error and changes nothing; he accepts
 *     and starts it;
 *  4. Karin starts a parallel intervention of the same kind from the own unit: a warning on the
 *     case tab, on "Mina uppgifter" and on the samordnare's overview;
 *  5. Omar ends the intervention: "Målet är nått";
 *  6. the chronology shows each step; the figures show 0 days from the signal to the first accepted
 *     hand-over and to the first start, and "Målet är nått: 1".
 * axe on every page and state checked.
 */
let browser: Browser;
const contexts: BrowserContext[] = [];
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const ctx of contexts) await ctx.close().catch(() => undefined);
  await browser?.close();
});

const PSEUDONYM = 'Elev Insatsresan';
const DECISION = 'Erbjuda familjen föräldraskapsstöd hos öppenvården';
const MEETING_DATE = '2027-11-17';
const MESSAGE = 'Familjen vill ha stöd i föräldraskapet. Eleven är ofta hemma på måndagar.';
const PARALLEL = 'Föräldrastöd i skolan';
const SOC = 'Socialtjänsten – öppenvården';
const EH = 'Elevhälsan Björkskolan';
const pnr = fictitiousIdentityNumber('2015-10-09', 42);

function isoDay(offsetDays: number): string {
  const d = new Date(Date.now() + offsetDays * 86_400_000);
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
}

/** "onsdag 17 november 2027", as the web app writes dates in words. */
function longDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return new Intl.DateTimeFormat('sv-SE', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y!, m! - 1, d!)),
  );
}

async function session(username: string): Promise<Page> {
  const ctx = await browser.newContext({ locale: 'sv-SE' });
  contexts.push(ctx);
  const page = await ctx.newPage();
  await logIn(page, username);
  return page;
}

/** A JSON call with the session's cookie and CSRF token, as the web app makes it. */
async function call<T>(page: Page, method: 'GET' | 'POST', path: string, data?: unknown): Promise<T> {
  const me = (await (await page.request.get(`${baseUrl()}/api/v1/me`)).json()) as { csrfToken: string };
  const res = await page.request.fetch(`${baseUrl()}/api/v1${path}`, { method, data, headers: { 'X-CSRF-Token': me.csrfToken } });
  if (!res.ok()) throw new Error(`${method} ${path}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name, exact: true }).click();
const item = (scope: Page | Locator, name: string) => scope.getByRole('listitem', { name, exact: true });
const status = (page: Page, text: string) => page.getByRole('status').getByText(text).waitFor();

let caseId = '';
let karin: Page;
let sara: Page;

beforeAll(async () => {
  karin = await session('kurator.bjork');
  sara = await session('samordnare.f6');
  const today = isoDay(0);
  const units = (await call<{ items: { id: string; name: string }[] }>(karin, 'GET', '/units')).items;
  const unit = (name: string) => units.find((u) => u.name === name)!.id;
  const child = await call<{ id: string; guardians: { id: string }[] }>(karin, 'POST', '/children', {
    givenName: 'Vilja',
    familyName: 'Insatsdotter',
    identityNumber: pnr,
    protectedIdentity: false,
    guardians: [
      { name: 'Anna Insatsdotter', custody: 'vardnadshavare', phone: '070-1740611', email: 'anna.insats@example.com' },
      { name: 'Bo Insatsdotter', custody: 'vardnadshavare', phone: '070-1740612', email: 'bo.insats@example.com' },
    ],
  });
  const created = await call<{ id: string; version: number }>(karin, 'POST', '/cases', {
    pseudonym: PSEUDONYM,
    ageBand: '10-12',
    description: 'Oro för hemsituationen och frånvaron.',
  });
  caseId = created.id;
  await call(karin, 'POST', `/cases/${caseId}/link-child`, { version: created.version, childId: child.id });
  await call(karin, 'POST', `/cases/${caseId}/consents`, {
    purposeCategory: 'samordning_tsi_team',
    purposeText: 'Samordna stödet i TSI-teamet',
    unitIds: [unit(EH), unit(SOC)],
    categories: ['skolsituation', 'familj_och_hem', 'insatser'],
    validFrom: today,
    validUntil: isoDay(150),
    givers: child.guardians.map((g) => ({ giver: { kind: 'guardian', guardianId: g.id }, answer: 'given', method: 'written', documentedAt: today })),
    maturity: null,
  });

  // The team's meeting with the case on the agenda and the decision (Karin is responsible).
  const teams = (await call<{ items: { id: string; name: string }[] }>(sara, 'GET', '/teams/mine')).items;
  const teamId = teams.find((t) => t.name.startsWith('TSI-team F–6'))!.id;
  const series = await call<{ meetings: { id: string }[] }>(sara, 'POST', `/teams/${teamId}/meeting-series`, {
    startDate: MEETING_DATE,
    untilDate: MEETING_DATE,
    intervalWeeks: 1,
    weekday: 3,
    startTime: '13:00',
    endTime: '14:30',
  });
  const meetingId = series.meetings[0]!.id;
  const agenda = await call<{ items: { id: string; caseId: string | null }[] }>(sara, 'POST', `/meetings/${meetingId}/agenda`, {
    kind: 'case',
    caseId,
    invitedUnitIds: [unit(EH)],
  });
  const itemId = agenda.items.find((i) => i.caseId === caseId)!.id;
  const me = await call<{ id: string; actingUnit: { id: string } }>(karin, 'GET', '/me');
  await call(karin, 'POST', `/agenda-items/${itemId}/decisions`, {
    what: DECISION,
    ownerUserId: me.id,
    ownerUnitId: me.actingUnit.id,
    dueDate: '2027-12-01',
    supportTarget: 'vardnadshavare',
  });
});

describe('interventions and warm hand-overs', () => {
  it('runs the journey', async () => {
    const today = isoDay(0);
    const todayWords = longDate(today);

    // ---- 1. Karin proposes the intervention from the team's decision, picked from "Vem gör vad". ----
    await nav(karin, 'Mina ärenden');
    await karin.getByRole('heading', { level: 1, name: 'Mina ärenden' }).waitFor();
    await karin.getByRole('table', { name: 'Ärenden' }).getByRole('link', { name: PSEUDONYM, exact: true }).click();
    await karin.getByRole('tab', { name: 'Insatser' }).click();
    await karin.getByRole('heading', { level: 2, name: 'Insatser' }).waitFor();
    await karin.getByText('Det finns inga insatser i ärendet än.').waitFor();
    await karin.getByRole('region', { name: 'Vilka hjälper oss?' }).getByText('Ingen insats är mottagen eller pågår.').waitFor();
    await expectNoAxeViolations(karin, 'insatser (tom)');

    await karin.getByRole('button', { name: 'Föreslå en insats' }).click();
    const search = karin.getByRole('search', { name: 'Sök i Vem gör vad' });
    await search.getByLabel('Sök på ord').fill('föräldraskap');
    await search.getByRole('button', { name: 'Sök', exact: true }).click();
    await karin.getByText(/stöd passar sökningen\.$|^Inget stöd i Vem gör vad passar sökningen\.$/).waitFor();
    const pick = karin.getByRole('list', { name: 'Stöd i Vem gör vad' }).getByRole('button', { name: `Välj Föräldraskapsstöd – ABC, ${SOC}` });
    const form = karin.getByRole('form', { name: 'Ny insats' });
    let NAME = 'Föräldraskapsstöd – ABC';
    if ((await pick.count()) > 0) {
      await pick.click();
      await status(karin, `Du har valt ${NAME} hos ${SOC}.`);
      expect(await form.getByLabel('Vad heter insatsen?').inputValue()).toBe(NAME);
      expect(await form.getByLabel('Vem ger insatsen?').locator('option:checked').textContent()).toBe(SOC);
    } else {
      NAME = 'Föräldraskapsstöd';
      await form.getByLabel('Vad heter insatsen?').fill(NAME);
      await form.getByLabel('Vem ger insatsen?').selectOption({ label: SOC });
      await form.getByRole('group', { name: 'Områden i välbefinnandehjulet' }).getByLabel('Trygg', { exact: true }).check();
    }
    await form.getByLabel('Vilket slags stöd är det?').selectOption({ label: 'Föräldraskapsstöd' });
    await form.getByLabel('Från beslut på teammöte').selectOption({ label: `${longDate(MEETING_DATE)}: ${DECISION}` });
    await expectNoAxeViolations(karin, 'ny insats');
    await form.getByRole('button', { name: 'Föreslå insatsen' }).click();
    await status(karin, `Insatsen ${NAME} är föreslagen.`);
    const list = karin.getByRole('list', { name: 'Ärendets insatser' });
    const abc = item(list, NAME);
    await abc.getByText('Föreslagen', { exact: true }).waitFor();
    await abc.getByText('Ett beslut på teammötet').waitFor();

    // ---- 2. The hand-over: only what the consent covers for the receiving unit. ----
    const handover = abc.getByRole('form', { name: `Överlämning av ${NAME}` });
    const message = handover.getByLabel(`Meddelande till ${SOC}`);
    await expect.poll(() => message.evaluate((el) => el === document.activeElement)).toBe(true);
    await message.fill(MESSAGE);
    const categories = handover.getByRole('group', { name: 'Uppgifter som följer med' });
    await categories.getByLabel('Hälsa', { exact: true }).check();
    await handover.getByRole('button', { name: 'Begär överlämning', exact: true }).click();
    await handover.getByText(`Samtycket omfattar inte hälsa för ${SOC}. Ta bort det ur överlämningen.`).waitFor();
    await expectNoAxeViolations(karin, 'överlämning som samtycket inte omfattar');
    await categories.getByLabel('Hälsa', { exact: true }).uncheck();
    await categories.getByLabel('Skolsituation', { exact: true }).check();
    await categories.getByLabel('Familj och hem', { exact: true }).check();
    await handover.getByRole('button', { name: 'Begär överlämning', exact: true }).click();
    await status(karin, `Överlämningen av ${NAME} till ${SOC} är begärd.`);
    await abc.getByText('Överlämning begärd', { exact: true }).waitFor();
    const listed = await call<{ items: { id: string; caseId: string; handover: { answerBy: string } }[] }>(
      karin,
      'GET',
      `/cases/${caseId}/interventions`,
    );
    const answerBy = listed.items[0]!.handover.answerBy;
    await abc.getByText(longDate(answerBy), { exact: true }).waitFor();
    await abc.getByText(MESSAGE).waitFor();
    await expectNoAxeViolations(karin, 'insatser: överlämning begärd');

    // ---- 3. Omar (Socialtjänsten – öppenvården) answers on "Överlämningar till oss". ----
    const omar = await session('soc.oppen');
    await nav(omar, 'Överlämningar till oss');
    await omar.getByRole('heading', { level: 1, name: 'Överlämningar till oss' }).waitFor();
    expect(await omar.title()).toBe('Överlämningar till oss – Samsyn');
    const waiting = omar.getByRole('list', { name: 'Väntar på svar' });
    const incoming = item(waiting, NAME).filter({ hasText: PSEUDONYM });
    await incoming.waitFor();
    await incoming.getByText(`${PSEUDONYM}, Vilja Insatsdotter`).waitFor();
    await incoming.getByText(EH, { exact: true }).waitFor();
    await incoming.getByText(longDate(answerBy), { exact: true }).waitFor();
    await incoming.getByText(MESSAGE).waitFor();
    await incoming.getByText('Skolsituation', { exact: false }).first().waitFor();
    await expectNoAxeViolations(omar, 'överlämningar till oss');

    // Declining without a reason: the Swedish error at the field, and nothing changes.
    const subject = `${NAME} för ${PSEUDONYM}`;
    await incoming.getByRole('button', { name: `Avböj överlämningen av ${subject}` }).click();
    const decline = incoming.getByRole('form', { name: `Avböj överlämningen av ${subject}` });
    await decline.getByRole('button', { name: 'Avböj överlämningen', exact: true }).click();
    await decline.getByText('Skriv varför ni avböjer, så att avsändaren kan hitta rätt stöd.').waitFor();
    await expect.poll(() => decline.getByLabel('Varför avböjer ni?').getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(omar, 'avböj utan skäl');
    const stillRequested = await call<{ items: { id: string; status: string }[] }>(omar, 'GET', '/handovers/inbox');
    expect(stillRequested.items.find((i) => i.id === listed.items[0]!.id)?.status).toBe('requested');
    await decline.getByRole('button', { name: 'Avbryt' }).click();
    await incoming.getByText('Överlämning begärd', { exact: true }).waitFor();

    await incoming.getByRole('button', { name: `Ta emot överlämningen av ${subject}` }).click();
    await status(omar, `Ni har tagit emot ${NAME}. Starta insatsen när den börjar.`);
    const answered = item(omar.getByRole('list', { name: 'Besvarade överlämningar' }), NAME).filter({ hasText: PSEUDONYM });
    await answered.getByText('Mottagen', { exact: true }).waitFor();
    await answered.getByRole('button', { name: `Starta ${subject}` }).click();
    const start = answered.getByRole('form', { name: `Starta ${subject}` });
    expect(await start.getByLabel('Startdatum').inputValue()).toBe(today);
    await expectNoAxeViolations(omar, 'starta insatsen');
    await start.getByRole('button', { name: 'Starta insatsen' }).click();
    await status(omar, `Insatsen ${NAME} har startat.`);
    await answered.getByText('Pågår', { exact: true }).waitFor();
    await expectNoAxeViolations(omar, 'överlämningar: startad');

    // ---- 4. A parallel intervention of the same kind from Karin's own unit: a warning. ----
    await karin.reload();
    await karin.getByRole('tab', { name: 'Insatser' }).click();
    await karin.getByRole('button', { name: 'Föreslå en insats' }).click();
    await form.getByLabel('Vad heter insatsen?').fill(PARALLEL);
    await form.getByLabel('Vem ger insatsen?').selectOption({ label: EH });
    await form.getByLabel('Vilket slags stöd är det?').selectOption({ label: 'Föräldraskapsstöd' });
    await form.getByRole('button', { name: 'Föreslå insatsen' }).click();
    await status(karin, `Insatsen ${PARALLEL} är föreslagen.`);
    const own = item(list, PARALLEL);
    expect(await own.getByRole('button', { name: `Begär överlämning av ${PARALLEL}` }).count()).toBe(0);
    await own.getByRole('button', { name: `Starta ${PARALLEL}` }).click();
    await own
      .getByRole('form', { name: `Starta ${PARALLEL}` })
      .getByRole('button', { name: 'Starta insatsen' })
      .click();
    await status(karin, `Insatsen ${PARALLEL} har startat.`);
    const warning = karin.getByRole('list', { name: 'Varningar om ärendets insatser' }).getByRole('listitem');
    await warning.filter({ hasText: 'Parallella insatser för samma slags stöd (föräldraskapsstöd)' }).waitFor();
    expect(await warning.first().textContent()).toContain(`”${PARALLEL}” från ${EH}`);
    await expectNoAxeViolations(karin, 'insatser: parallella insatser');

    await nav(karin, 'Mina uppgifter');
    const mine = karin.getByRole('region', { name: 'Varningar om insatser' });
    const myWarning = mine.getByRole('listitem').filter({ hasText: PSEUDONYM });
    await myWarning.getByText(/Parallella insatser för samma slags stöd/).waitFor();
    await expectNoAxeViolations(karin, 'mina uppgifter med varning');
    await myWarning.getByRole('link', { name: `Öppna insatserna för ${PSEUDONYM}` }).click();
    await karin.getByRole('heading', { level: 2, name: 'Insatser' }).waitFor();
    expect(await karin.getByRole('tab', { name: 'Insatser' }).getAttribute('aria-selected')).toBe('true');

    await nav(sara, 'Samordning');
    await sara
      .getByRole('region', { name: 'Varningar om insatser' })
      .getByRole('listitem')
      .filter({ hasText: PSEUDONYM })
      .getByText(/Parallella insatser/)
      .waitFor();
    await expectNoAxeViolations(sara, 'samordning med varning');

    // ---- 5. Omar ends the intervention: the goal is reached. ----
    await omar.getByRole('link', { name: `Öppna insatserna i ärendet ${PSEUDONYM}` }).click();
    await omar.getByRole('heading', { level: 2, name: 'Insatser' }).waitFor();
    const running = item(omar.getByRole('list', { name: 'Ärendets insatser' }), NAME);
    await running.getByRole('button', { name: `Avsluta ${NAME}` }).click();
    const end = running.getByRole('form', { name: `Avsluta ${NAME}` });
    await end.getByLabel('Varför avslutas insatsen?').selectOption({ label: 'Målet är nått' });
    expect(await end.getByLabel('Slutdatum').inputValue()).toBe(today);
    await expectNoAxeViolations(omar, 'avsluta insatsen');
    await end.getByRole('button', { name: 'Avsluta insatsen' }).click();
    await status(omar, `Insatsen ${NAME} är avslutad: Målet är nått.`);
    await running.getByText('Avslutad', { exact: true }).waitFor();
    await running.getByText(`${todayWords}: Målet är nått.`).waitFor();
    await expectNoAxeViolations(omar, 'insatser: avslutad');

    // ---- 6. The figures and the chronology. ----
    await karin.reload();
    await karin.getByRole('heading', { level: 2, name: 'Insatser' }).waitFor();
    await item(list, NAME).getByText('Avslutad', { exact: true }).waitFor();
    expect(await karin.getByRole('list', { name: 'Varningar om ärendets insatser' }).count()).toBe(0);
    const figures = karin.getByRole('table', { name: 'Nyckeltal för ärendet' });
    const figure = (name: string) =>
      figures
        .getByRole('row')
        .filter({ has: karin.getByRole('rowheader', { name, exact: true }) })
        .getByRole('cell');
    expect(await figure('Dagar från signal till första mottagna överlämning').textContent()).toBe(`0 dagar (${todayWords})`);
    expect(await figure('Dagar från signal till första startade insats').textContent()).toBe(`0 dagar (${todayWords})`);
    await karin.getByRole('list', { name: 'Avslutsorsaker' }).getByText('Målet är nått: 1', { exact: true }).waitFor();
    const helpers = karin.getByRole('list', { name: 'Insatser som hjälper barnet' });
    await helpers.getByText(PARALLEL).waitFor();
    expect(await helpers.getByText(NAME).count()).toBe(0);
    await expectNoAxeViolations(karin, 'insatser: nyckeltal');

    await karin.getByRole('tab', { name: 'Kronologi' }).click();
    const events = karin.getByRole('list', { name: 'Händelser i ärendet' });
    await events.waitFor();
    for (const text of [
      `Insats föreslagen utifrån ett beslut på teammötet: ”${NAME}” hos ${SOC}.`,
      `Överlämning av ”${NAME}” begärd till ${SOC}. Svar senast ${answerBy}.`,
      `${SOC} tog emot överlämningen av ”${NAME}”.`,
      `”${NAME}” hos ${SOC} startade.`,
      `”${NAME}” hos ${SOC} avslutades: målet är nått.`,
    ])
      await events.getByText(text, { exact: true }).waitFor();
    for (const kind of ['Insats föreslagen', 'Överlämning begärd', 'Överlämning mottagen', 'Insats startad', 'Insats avslutad'])
      expect(await events.getByText(kind, { exact: true }).count(), kind).toBeGreaterThan(0);
    await expectNoAxeViolations(karin, 'kronologi med insatser');
  });
});
