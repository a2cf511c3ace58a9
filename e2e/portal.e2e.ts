import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { baseUrl, DEMO_PASSWORD, expectNoAxeViolations, browserPages, logIn, tabTo } from './support.ts';

/**
 * Issue 7, first slice: the family portal on a phone (375×667). Staff (samordnare.f6) read the
 * case Elev C; the child's guardian signs in, opens the child with the keyboard and sees who
 * helps, the consent in plain Swedish and "Vem har läst om oss?" with that read; logs out. The
 * child signs in and lands on their own page ("Vilka hjälper mig?"). A wrong password, a failed
 * e-ID return and "inget ärende" are shown in Swedish. Issue 7 §2–§3: the child sees the next
 * meeting and saves "Det här vill jag säga" (samordnare.f6 reads it on the agenda item); the
 * guardian withdraws a consent after a confirmation — one recorded here for the purpose, so that
 * Elev C's demo consent, which other journeys use, stays in force. axe 0 on every portal page.
 */
const PHONE = { width: 375, height: 667 };
const { newPage } = browserPages();

interface PortalMe {
  displayName: string;
  children: { id: string; givenName: string; relation: string }[];
}
interface ReadLog {
  staffNamesShown: boolean;
  items: { date: string; what: string; unit: string; role: string; name: string | null }[];
}

/** Signs a portal account in through the API only (in its own context), for counting. */
async function portalApi(username: string) {
  const page = await newPage();
  const login = await page.request.post(`${baseUrl()}/api/v1/portal/login`, { data: { username, password: DEMO_PASSWORD } });
  expect(login.status()).toBe(200);
  const me = (await (await page.request.get(`${baseUrl()}/api/v1/portal/me`)).json()) as PortalMe;
  const readLog = async (child: string) =>
    (await (await page.request.get(`${baseUrl()}/api/v1/portal/children/${child}/read-log`)).json()) as ReadLog;
  return { me, readLog };
}

/** A staff session (its own context) and a JSON call with its CSRF token, as the web app makes it. */
async function staffApi(username: string) {
  const page = await newPage();
  await logIn(page, username);
  const me = (await (await page.request.get(`${baseUrl()}/api/v1/me`)).json()) as { csrfToken: string };
  return async <T>(method: 'GET' | 'POST', path: string, data?: unknown): Promise<T> => {
    const res = await page.request.fetch(`${baseUrl()}/api/v1${path}`, { method, data, headers: { 'X-CSRF-Token': me.csrfToken } });
    if (!res.ok()) throw new Error(`${method} ${path}: ${res.status()} ${await res.text()}`);
    return (await res.json()) as T;
  };
}

/** An ISO date in words as the portal shows it, e.g. "23 november 2026". */
const inWords = (iso: string) => new Intl.DateTimeFormat('sv-SE', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));

/** Today in words as the portal shows it, e.g. "23 november 2026" (Swedish time). */
function todayInWords(): string {
  const iso = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());
  return new Intl.DateTimeFormat('sv-SE', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
}

async function expectFitsThePhone(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
}

async function expectTouchTarget(page: Page, locator: ReturnType<Page['getByRole']>, label: string): Promise<void> {
  const box = await locator.boundingBox();
  expect(box, label).not.toBeNull();
  expect(box!.height, `${label} height`).toBeGreaterThanOrEqual(44);
}

describe('Familjeportalen (on a phone)', () => {
  it('the guardian sees who helps, the consent and the staff read; everything by keyboard; logs out', async () => {
    // ---- (a) Staff open the case Elev C, so the child's read log gets a new entry. ----
    const counter = await portalApi('portal.vardnadshavare');
    const [child] = counter.me.children;
    expect(child).toMatchObject({ relation: 'guardian' });
    const before = (await counter.readLog(child!.id)).items.length;

    const staff = await newPage();
    await logIn(staff, 'samordnare.f6');
    await staff.goto(`${baseUrl()}/arenden`);
    await staff.getByRole('table', { name: 'Ärenden' }).getByRole('link', { name: 'Elev C' }).first().click();
    await staff.getByRole('heading', { level: 1, name: 'Elev C' }).waitFor();
    const after = await counter.readLog(child!.id);
    expect(after.items.length).toBeGreaterThan(before);
    expect(after.items[0]).toMatchObject({ unit: 'Elevhälsan Björkskolan', role: 'Samordnare', name: null });

    // ---- (b) The guardian finds the portal from the staff log-in page. ----
    const page = await newPage(PHONE);
    await page.goto(`${baseUrl()}/logga-in`);
    await page.getByRole('link', { name: 'För barn och familjer: logga in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();
    expect(page.url()).toBe(`${baseUrl()}/portal/logga-in`);
    await page.getByRole('banner').getByText('Samsyn – för barn och familjer').waitFor();
    await page.getByRole('heading', { level: 2, name: 'Demokonton – bara för demon' }).waitFor();
    await page.getByText('De här kontona finns bara i demon.', { exact: false }).waitFor();
    // No e-ID broker is configured in the E2E server: no e-ID button.
    expect(await page.getByRole('link', { name: 'Logga in med e-legitimation' }).count()).toBe(0);
    await expectTouchTarget(page, page.getByLabel('Användarnamn'), 'Användarnamn');
    await expectTouchTarget(page, page.getByLabel('Lösenord'), 'Lösenord');
    await expectTouchTarget(page, page.getByRole('button', { name: 'Logga in' }), 'Logga in');
    await expectFitsThePhone(page);
    await expectNoAxeViolations(page, 'portalen: logga in');

    await page.getByLabel('Användarnamn').fill('portal.vardnadshavare');
    await page.getByLabel('Lösenord').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.getByRole('heading', { level: 1, name: `Hej ${counter.me.displayName}!` }).waitFor();
    expect(page.url()).toBe(`${baseUrl()}/portal`);
    const card = page.getByRole('article', { name: child!.givenName });
    await card.getByText(`Se vem som hjälper ${child!.givenName}.`, { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Logga ut' }).waitFor();
    await expectFitsThePhone(page);
    await expectNoAxeViolations(page, 'portalen: start för vårdnadshavaren');

    // ---- (c) By keyboard: Tab to the child's link and press Enter. ----
    await tabTo(page, `the link ${child!.givenName}`, (el) => el.tag === 'a' && el.text === child!.givenName);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: child!.givenName }).waitFor();
    expect(page.url()).toBe(`${baseUrl()}/portal/barn/${child!.id}`);

    const helpers = page.getByRole('region', { name: 'Vilka hjälper oss?' });
    const karin = helpers.getByRole('listitem').filter({ hasText: 'Karin Berg' });
    await karin.getByText('Trygghetsperson').waitFor();
    await karin.getByText('Elevhälsan Björkskolan').waitFor();
    await karin.getByRole('link', { name: 'kurator.bjork@exempelby.example' }).waitFor();

    const consents = page.getByRole('region', { name: 'Samtycken' });
    const consent = consents.getByRole('article').first();
    await consent.getByText('Vilka får prata med varandra?').waitFor();
    await consent.getByText('BUP Region Exempel', { exact: true }).waitFor();
    await consent.getByText('Om vad?').waitFor();
    await consent.getByText('hälsa', { exact: true }).waitFor();
    await consent.getByText('Ditt svar: Ja').waitFor();
    await consents.getByText('Vill du ändra något annat i samtycket? Kontakta den som hjälper er.').waitFor();
    // The guardian gave this consent: it can be withdrawn here (done on a consent of its own below).
    await consent.getByRole('button', { name: 'Återkalla mitt samtycke' }).waitFor();

    const readLog = page.getByRole('region', { name: 'Vem har läst om oss?' });
    await readLog.getByText('Vi visar inte personalens namn.', { exact: false }).waitFor();
    const newest = readLog.getByRole('listitem').first();
    await newest.getByText(new RegExp(`^${todayInWords()}: `)).waitFor();
    await newest.getByText('Elevhälsan Björkskolan').waitFor();
    await newest.getByText('Samordnare').waitFor();
    expect(await readLog.getByText('Sara Lind').count()).toBe(0);
    await expectFitsThePhone(page);
    await expectNoAxeViolations(page, 'portalen: barnets sida');

    // When the child turns 18 the server refuses the guardian (403, simulated here: the demo child
    // is younger): the page shows the server's reason and none of the child's information.
    const ADULT = 'Barnet har fyllt 18 år. Nu bestämmer hen själv över sina uppgifter.';
    await page.route('**/api/v1/portal/children/**', (route) =>
      route.fulfill({ status: 403, contentType: 'application/problem+json', json: { title: 'Åtkomst nekad', status: 403, detail: ADULT } }),
    );
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Du kan inte se det här längre' }).waitFor();
    await page.getByText(ADULT).waitFor();
    expect(await page.getByRole('region', { name: 'Vilka hjälper oss?' }).count()).toBe(0);
    expect(await page.getByText('Karin Berg').count()).toBe(0);
    await expectNoAxeViolations(page, 'portalen: barnet har fyllt 18');
    await page.unroute('**/api/v1/portal/children/**');

    // ---- (d) Log out: back at the log-in, and the session is gone. ----
    await page.getByRole('button', { name: 'Logga ut' }).click();
    await page.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();
    await page.getByRole('status').getByText('Du är utloggad.').waitFor();
    expect(page.url()).toBe(`${baseUrl()}/portal/logga-in`);
    expect((await page.request.get(`${baseUrl()}/api/v1/portal/me`)).status()).toBe(401);
    await page.goto(`${baseUrl()}/portal/barn/${child!.id}`);
    await page.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();
    expect(page.url()).toBe(`${baseUrl()}/portal/logga-in`);
  });

  it('the child signs in by keyboard and lands on their own page: "Vilka hjälper mig?"', async () => {
    const page = await newPage(PHONE);
    await page.goto(`${baseUrl()}/portal/logga-in`);
    await page.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();
    await tabTo(page, 'Användarnamn', (el) => el.tag === 'input' && el.label === 'Användarnamn');
    await page.keyboard.type('portal.barn');
    await page.keyboard.press('Tab');
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');

    const helpers = page.getByRole('region', { name: 'Vilka hjälper mig?' });
    await helpers.waitFor();
    await page.getByRole('heading', { level: 1, name: /^Hej .+!$/ }).waitFor();
    expect(page.url()).toMatch(/\/portal\/barn\/[0-9a-f.-]+$/);
    await helpers.getByText('Karin Berg').waitFor();
    await page.getByRole('region', { name: 'Samtycken' }).getByText('Vill du ändra något annat i samtycket? Kontakta den som hjälper dig.').waitFor();
    await page.getByRole('region', { name: 'Vem har läst om mig?' }).getByText('Elevhälsan Björkskolan').first().waitFor();
    // A long read log (the real rows repeated to 25): 20 at first, "Visa fler" shows the rest
    // and moves focus to the first new row.
    await page.route('**/api/v1/portal/children/*/read-log', async (route) => {
      const response = await route.fetch();
      const real = (await response.json()) as ReadLog;
      expect(real.items.length).toBeGreaterThan(0);
      const items = Array.from({ length: 25 }, (_, i) => real.items[i % real.items.length]!);
      await route.fulfill({ response, json: { ...real, items } });
    });
    await page.reload();
    const readLog = page.getByRole('region', { name: 'Vem har läst om mig?' });
    await readLog.getByRole('button', { name: 'Visa fler' }).waitFor();
    expect(await readLog.getByRole('listitem').count()).toBe(20);
    await readLog.getByRole('button', { name: 'Visa fler' }).click();
    await readLog.getByRole('status').getByText('Du ser 25 av 25.').waitFor();
    expect(await readLog.getByRole('listitem').count()).toBe(25);
    expect(await readLog.getByRole('button', { name: 'Visa fler' }).count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('LI');
    expect(
      await readLog
        .getByRole('listitem')
        .nth(20)
        .evaluate((el) => el === document.activeElement),
    ).toBe(true);
    await page.unroute('**/api/v1/portal/children/*/read-log');

    // Only linked to themselves: no "Tillbaka till start" and no list of children.
    expect(await page.getByRole('link', { name: 'Tillbaka till start' }).count()).toBe(0);
    await expectFitsThePhone(page);
    await expectNoAxeViolations(page, 'portalen: barnets egen sida');

    await page.getByRole('button', { name: 'Logga ut' }).click();
    await page.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();
  });

  it('shows a wrong password, a failed e-ID return and "inget ärende" in Swedish; English is available', async () => {
    const page = await newPage(PHONE);

    // A wrong password: the server's Swedish message, and no session.
    await page.goto(`${baseUrl()}/portal/logga-in`);
    await page.getByLabel('Användarnamn').fill('portal.vardnadshavare');
    await page.getByLabel('Lösenord').fill('fel-losenord');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.locator('.ds-alert').getByText('Fel användarnamn eller lösenord').waitFor();
    expect(page.url()).toBe(`${baseUrl()}/portal/logga-in`);
    expect((await page.request.get(`${baseUrl()}/api/v1/portal/me`)).status()).toBe(401);
    await expectNoAxeViolations(page, 'portalen: fel lösenord');

    // Empty fields are caught in the page, in Swedish.
    await page.getByLabel('Användarnamn').fill('');
    await page.getByLabel('Lösenord').fill('');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.getByText('Skriv ditt användarnamn.').waitFor();
    await page.getByText('Skriv ditt lösenord.').waitFor();

    // Back from a failed e-ID sign-in.
    await page.goto(`${baseUrl()}/portal/logga-in?fel=oidc`);
    await page.getByRole('alert').getByText('Inloggningen kunde inte slutföras. Försök igen.').waitFor();
    await expectNoAxeViolations(page, 'portalen: e-legitimationen misslyckades');

    // The e-ID button only when the server offers it (the E2E server has no broker: simulated here),
    // as a plain link that the browser follows; a failing options request counts as "no e-ID".
    await page.route('**/api/v1/portal/sign-in-options', (route) => route.fulfill({ json: { oidc: true } }));
    await page.goto(`${baseUrl()}/portal/logga-in`);
    const eid = page.getByRole('link', { name: 'Logga in med e-legitimation' });
    expect(await eid.getAttribute('href')).toBe('/api/v1/portal/oidc/start');
    await expectTouchTarget(page, eid, 'Logga in med e-legitimation');
    await expectNoAxeViolations(page, 'portalen: logga in med e-legitimation');
    await page.unroute('**/api/v1/portal/sign-in-options');
    await page.route('**/api/v1/portal/sign-in-options', (route) => route.fulfill({ status: 500, body: '' }));
    await page.goto(`${baseUrl()}/portal/logga-in`);
    await page.getByRole('button', { name: 'Logga in' }).waitFor();
    expect(await page.getByRole('link', { name: 'Logga in med e-legitimation' }).count()).toBe(0);
    await page.unroute('**/api/v1/portal/sign-in-options');

    // Without a session the portal's pages go to the portal's log-in, not the staff one.
    await page.goto(`${baseUrl()}/portal`);
    await page.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();
    expect(page.url()).toBe(`${baseUrl()}/portal/logga-in`);

    // "Vi hittar inget ärende": whom to contact, and nothing else.
    await page.goto(`${baseUrl()}/portal/inget-arende`);
    await page.getByRole('heading', { level: 1, name: 'Vi hittar inget ärende' }).waitFor();
    const contact = page.getByRole('link', { name: 'Vart vänder jag mig? – stöd för barn och familjer' });
    expect(await contact.getAttribute('href')).toBe('/vart-vander-jag-mig');
    await expectFitsThePhone(page);
    await expectNoAxeViolations(page, 'portalen: inget ärende');

    // English is available; Swedish is the default.
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('sv');
    await page.getByRole('group', { name: 'Språk' }).getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'We cannot find a case' }).waitFor();
    await page.getByRole('banner').getByText('Samsyn – for children and families').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await expectNoAxeViolations(page, 'portalen: inget ärende (English)');
  });
  it('the child says what they want before the next meeting; the guardian withdraws a consent they gave', async () => {
    // ---- (a) The child sees the next meeting and their earlier words (from the demo). ----
    const page = await newPage(PHONE);
    await page.goto(`${baseUrl()}/portal/logga-in`);
    await page.getByLabel('Användarnamn').fill('portal.barn');
    await page.getByLabel('Lösenord').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Logga in' }).click();
    const next = page.getByRole('region', { name: 'Nästa möte' });
    await next.waitFor();
    // "Nästa möte" comes first on the page.
    expect(await page.getByRole('heading', { level: 2 }).first().textContent()).toBe('Nästa möte');
    const portalChild = page.url().split('/').pop()!;
    const api = (await (await page.request.get(`${baseUrl()}/api/v1/portal/children/${portalChild}/next-meeting`)).json()) as {
      meeting: { date: string; startTime: string } | null;
    };
    expect(api.meeting).not.toBeNull();
    const { date, startTime } = api.meeting!;
    await next.getByText(inWords(date), { exact: true }).waitFor();
    await next.getByText(`Klockan ${startTime}`, { exact: true }).waitFor();
    await next.getByText('Du är inbjuden till mötet.').waitFor();
    const words = next.getByLabel('Det här vill jag säga');
    expect(await words.inputValue()).toBe('Måndagarna med kuratorn hjälper. Jag vill fortsätta med dem.');
    await expectTouchTarget(page, next.getByRole('button', { name: 'Spara' }), 'Spara');
    await expectFitsThePhone(page);
    await expectNoAxeViolations(page, 'portalen: nästa möte');

    // Too long: a Swedish message at the field, nothing is sent.
    await words.fill('a'.repeat(2001));
    // The counter's text is drawn from data-label (and announced while typing).
    await expect.poll(() => next.locator('[data-field="counter"]').getAttribute('data-label')).toBe('1 tecken för mycket');
    await next.getByRole('button', { name: 'Spara' }).click();
    await next.getByText('Texten är för lång. Skriv högst 2000 tecken.').waitFor();
    expect(await words.getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page, 'portalen: för lång text');

    // ---- (b) New words, saved: a status message, and the text stays. ----
    const NEW_WORDS = 'Jag vill ha lugnare raster. Måndagarna med kuratorn hjälper fortfarande.';
    await words.fill(NEW_WORDS);
    await next.getByRole('button', { name: 'Spara' }).click();
    await next.getByRole('status').getByText('Det är sparat. De som är med på mötet kan läsa det.').waitFor();
    expect(await words.inputValue()).toBe(NEW_WORDS);
    await expectNoAxeViolations(page, 'portalen: orden är sparade');

    // Someone saved meanwhile (409, simulated): the child's text stays, the saved text is shown beside it.
    const SAVED_BY_OTHER = 'Eleven vill prata om rasterna.';
    await page.route('**/api/v1/portal/children/*/my-words', (route) =>
      route.fulfill({
        status: 409,
        contentType: 'application/problem+json',
        json: {
          title: 'Texten har ändrats',
          status: 409,
          current: { date, startTime, location: null, invited: true, familyStatus: 'invited', myWords: SAVED_BY_OTHER, version: 99 },
        },
      }),
    );
    await words.fill(`${NEW_WORDS} Och mer tid.`);
    await next.getByRole('button', { name: 'Spara' }).click();
    const conflict = next.locator('.ds-alert');
    await conflict.getByRole('heading', { name: 'Någon annan sparade nyss' }).waitFor();
    await conflict.getByText('Din text är inte sparad än. Den finns kvar i rutan.', { exact: false }).waitFor();
    await conflict.getByText(SAVED_BY_OTHER).waitFor();
    expect(await words.inputValue()).toBe(`${NEW_WORDS} Och mer tid.`);
    await expectNoAxeViolations(page, 'portalen: någon annan sparade');
    await page.unroute('**/api/v1/portal/children/*/my-words');

    // ---- (c) Staff see the child's words on the meeting's agenda item about Elev C. ----
    const samordnare = await staffApi('samordnare.f6');
    const teams = await samordnare<{ items: { id: string; name: string }[] }>('GET', '/teams/mine');
    const team = teams.items.find((t) => t.name.startsWith('TSI-team F–6'))!;
    const meetings = await samordnare<{ meetings: { id: string; date: string }[] }>('GET', `/teams/${team.id}/meetings?from=${date}&to=${date}`);
    let found: string | null = null;
    for (const m of meetings.meetings) {
      const agenda = await samordnare<{ items: { id: string; kind: string; title: string }[] }>('GET', `/meetings/${m.id}/agenda`);
      const item = agenda.items.find((i) => i.kind === 'case' && i.title === 'Elev C');
      if (!item) continue;
      const voices = await samordnare<{ items: { agendaItemId: string; childWords: string | null }[] }>('GET', `/meetings/${m.id}/voices`);
      found = voices.items.find((v) => v.agendaItemId === item.id)?.childWords ?? null;
    }
    expect(found).toBe(NEW_WORDS);

    // ---- (d) A consent of its own (so other journeys keep Elev C's consent): fritid, Elevhälsan and Navet. ----
    const kurator = await staffApi('kurator.bjork');
    const cases = await kurator<{ items: { id: string; pseudonym: string }[] }>('GET', `/cases?q=${encodeURIComponent('Elev C')}`);
    const caseId = cases.items.find((c) => c.pseudonym === 'Elev C')!.id;
    const theCase = await kurator<{ child: { visible: boolean; id?: string } }>('GET', `/cases/${caseId}`);
    expect(theCase.child.visible).toBe(true);
    const kid = await kurator<{ guardians: { id: string }[] }>('GET', `/children/${theCase.child.id}`);
    const units = Object.fromEntries((await kurator<{ items: { id: string; name: string }[] }>('GET', '/units')).items.map((u) => [u.name, u.id]));
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());
    await kurator('POST', `/cases/${caseId}/consents`, {
      purposeCategory: 'samordning_tsi_team',
      purposeText: 'Samordna stödet på fritiden',
      unitIds: [units['Elevhälsan Björkskolan'], units['Fritidsgården Navet']],
      categories: ['fritid'],
      validFrom: today,
      validUntil: `${Number(today.slice(0, 4)) + 1}${today.slice(4, 8)}01`,
      givers: kid.guardians.map((g) => ({ giver: { kind: 'guardian', guardianId: g.id }, answer: 'given', method: 'written', documentedAt: today })),
      maturity: null,
    });

    // ---- (e) The guardian withdraws that consent, after a plain confirmation. ----
    const guardian = await newPage(PHONE);
    await guardian.goto(`${baseUrl()}/portal/logga-in`);
    await guardian.getByLabel('Användarnamn').fill('portal.vardnadshavare');
    await guardian.getByLabel('Lösenord').fill(DEMO_PASSWORD);
    await guardian.getByRole('button', { name: 'Logga in' }).click();
    await guardian.getByRole('heading', { level: 1, name: /^Hej / }).waitFor();
    await guardian.getByRole('article').first().getByRole('link').click();
    const guardianNext = guardian.getByRole('region', { name: 'Nästa möte' });
    await guardianNext.getByText('Ni är inbjudna till mötet.').waitFor();
    await guardianNext.getByLabel('Det här vill vi säga').waitFor();

    const consents = guardian.getByRole('region', { name: 'Samtycken' });
    const fritid = consents.getByRole('article').filter({ hasText: 'Fritidsgården Navet' });
    await fritid.getByText('Gäller', { exact: true }).waitFor();
    // Cancel first: nothing changes and focus returns to the button.
    await fritid.getByRole('button', { name: 'Återkalla mitt samtycke' }).click();
    const confirm = fritid.getByRole('group', { name: 'Vill du återkalla ditt samtycke?' });
    await confirm.getByText('Det händer direkt.', { exact: false }).waitFor();
    await confirm.getByText('Du kan inte ångra det här i portalen.').waitFor();
    await confirm.getByText('Du kan ge ett nytt samtycke senare.', { exact: false }).waitFor();
    await expectFitsThePhone(guardian);
    await expectNoAxeViolations(guardian, 'portalen: återkalla samtycket?');
    await confirm.getByRole('button', { name: 'Avbryt' }).click();
    await expect
      .poll(() => fritid.getByRole('button', { name: 'Återkalla mitt samtycke' }).evaluate((el) => el === document.activeElement))
      .toBe(true);

    await fritid.getByRole('button', { name: 'Återkalla mitt samtycke' }).click();
    await confirm.getByRole('button', { name: 'Ja, återkalla' }).click();
    await consents.getByRole('status').getByText('Ditt samtycke är återkallat.', { exact: false }).waitFor();
    await fritid.getByText('Taget tillbaka', { exact: true }).waitFor();
    await fritid.getByText('Ditt svar: Du har tagit tillbaka ditt ja').waitFor();
    expect(await fritid.getByRole('button').count()).toBe(0);
    // The consent the other journeys rely on is untouched.
    const other = consents.getByRole('article').filter({ hasText: 'BUP Region Exempel' });
    await other.getByRole('button', { name: 'Återkalla mitt samtycke' }).waitFor();
    await expectNoAxeViolations(guardian, 'portalen: samtycket är återkallat');
  });
});
