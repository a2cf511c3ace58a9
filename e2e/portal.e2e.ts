import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, DEMO_PASSWORD, expectNoAxeViolations, launchBrowser, logIn, tabTo } from './support.ts';

/**
 * Issue 7, first slice: the family portal on a phone (375×667). Staff (samordnare.f6) read the
 * case Elev C; the child's guardian signs in, opens the child with the keyboard and sees who
 * helps, the consent in plain Swedish and "Vem har läst om oss?" with that read; logs out. The
 * child signs in and lands on their own page ("Vilka hjälper mig?"). A wrong password, a failed
 * e-ID return and "inget ärende" are shown in Swedish. axe 0 on every portal page.
 */
const PHONE = { width: 375, height: 667 };
let browser: Browser;
const contexts: BrowserContext[] = [];
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
});

async function newPage(viewport?: { width: number; height: number }): Promise<Page> {
  const ctx = await browser.newContext({ locale: 'sv-SE', ...(viewport ? { viewport, isMobile: true, hasTouch: true } : {}) });
  contexts.push(ctx);
  return ctx.newPage();
}

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
    await consents.getByText('Vill du ändra ditt samtycke? Kontakta den som hjälper er.').waitFor();
    // Withdrawing is not in this slice: no button pretends to do it.
    expect(await consents.getByRole('button').count()).toBe(0);

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
    await page.getByRole('region', { name: 'Samtycken' }).getByText('Vill du ändra ditt samtycke? Kontakta den som hjälper dig.').waitFor();
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
});
