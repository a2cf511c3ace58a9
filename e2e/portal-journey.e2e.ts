import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pdfText } from './pdf-text.ts';
import { baseUrl, DEMO_PASSWORD, expectNoAxeViolations, browserPages, logIn } from './support.ts';

/**
 * Issue 7's journey, on a phone (375×667), with the demo family "Elev E" (TSI team 7–9):
 *  1. Tilde, 13, assessed mature, signs in and writes what she wants to say before the meeting.
 *  2. She rates her wheel and marks one answer as not shown to her guardians.
 *  3. Her guardian signs in, does not see that answer, and withdraws the consent for BUP.
 *  4. The samordnare's next request shows Tilde's words on the agenda, and BUP no longer covered.
 *  5. The guardian's "Vem har läst om oss?" lists the samordnare's access — by name only after
 *     the admin turns on "visa personalens namn" (then back to the default).
 * axe 0 on every page; the guardian's steps by keyboard.
 */
const PHONE = { width: 375, height: 667 };
const WORDS = 'Jag vill börja skolan senare på måndagar. Jag sover dåligt på söndagar.';
const { newPage } = browserPages();

async function portalSignIn(page: Page, username: string): Promise<void> {
  await page.goto(`${baseUrl()}/portal/logga-in`);
  await page.getByLabel('Användarnamn').fill(username);
  await page.getByLabel('Lösenord').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Logga in' }).click();
}

/** A staff session (its own context) and a JSON call with its CSRF token, as the web app makes it. */
async function staffApi(username: string) {
  const page = await newPage();
  await logIn(page, username);
  const me = (await (await page.request.get(`${baseUrl()}/api/v1/me`)).json()) as { csrfToken: string; id: string; actingUnit: { id: string } };
  const call = async <T>(method: 'GET' | 'POST' | 'PUT', path: string, data?: unknown): Promise<T> => {
    const res = await page.request.fetch(`${baseUrl()}/api/v1${path}`, { method, data, headers: { 'X-CSRF-Token': me.csrfToken } });
    if (!res.ok()) throw new Error(`${method} ${path}: ${res.status()} ${await res.text()}`);
    return (await res.json()) as T;
  };
  return { call, me };
}

/** An ISO date some days after another. */
const inDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

async function expectFitsThePhone(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
}

describe('Familjeportalen: the issue 7 journey (Elev E)', () => {
  it('a 13-year-old speaks and rates her wheel, the guardian withdraws for BUP, the team sees it, the read log shows it', async () => {
    // ---- 1. Tilde signs in and writes what she wants to say before the meeting. ----
    const tilde = await newPage(PHONE);
    await portalSignIn(tilde, 'portal.ung');
    await tilde.getByRole('heading', { level: 1, name: 'Hej Tilde!' }).waitFor();
    const next = tilde.getByRole('region', { name: 'Nästa möte' });
    await next.getByText('Du är inbjuden till mötet.').waitFor();
    await next.getByLabel('Det här vill jag säga').fill(WORDS);
    await next.getByRole('button', { name: 'Spara' }).click();
    await next.getByRole('status').getByText('Det är sparat.', { exact: false }).waitFor();
    await expectFitsThePhone(tilde);
    await expectNoAxeViolations(tilde, 'portalen: Tildes ord');

    // ---- 2. She rates her wheel and keeps one answer from her guardians. ----
    await rateWheel(tilde);
    await expectFitsThePhone(tilde);
    await expectNoAxeViolations(tilde, 'portalen: mitt hjul');

    // ---- 3. The guardian signs in: no private answer; withdraws the consent for BUP, by keyboard. ----
    const guardian = await newPage(PHONE);
    await portalSignIn(guardian, 'portal.foralder');
    await guardian.getByRole('heading', { level: 1, name: /^Hej / }).waitFor();
    await guardian.getByRole('article').filter({ hasText: 'Tilde' }).getByRole('link').click();
    await guardian.getByRole('heading', { level: 1, name: 'Tilde' }).waitFor();
    await checkGuardianWheel(guardian);
    await expectNoAxeViolations(guardian, 'portalen: barnets hjul för vårdnadshavaren');

    const consents = guardian.getByRole('region', { name: 'Samtycken' });
    const main = consents.getByRole('article').filter({ hasText: 'BUP Region Exempel' });
    await main.getByText('Gäller', { exact: true }).waitFor();
    await main.getByRole('button', { name: 'Återkalla för en verksamhet' }).focus();
    await guardian.keyboard.press('Enter');
    const choose = main.getByRole('group', { name: 'Vilken verksamhet ska inte vara med?' });
    await choose.getByText('Resten av samtycket gäller.', { exact: false }).waitFor();
    // The unit that has the case is not offered.
    expect(await choose.getByRole('radio', { name: 'Elevhälsan Lindskolan' }).count()).toBe(0);
    await expectFitsThePhone(guardian);
    await expectNoAxeViolations(guardian, 'portalen: återkalla för en verksamhet');
    // Confirming without a choice: a Swedish message, nothing sent.
    await choose.getByRole('button', { name: 'Återkalla', exact: true }).click();
    await choose.getByText('Välj en verksamhet först.').waitFor();
    await choose.getByRole('radio', { name: 'BUP Region Exempel' }).focus();
    await guardian.keyboard.press('Space');
    expect(await choose.getByRole('radio', { name: 'BUP Region Exempel' }).isChecked()).toBe(true);
    await choose.getByRole('button', { name: 'Ja, återkalla för BUP Region Exempel' }).focus();
    await guardian.keyboard.press('Enter');
    await consents.getByRole('status').getByText('Samtycket gäller inte längre för BUP Region Exempel.').waitFor();
    await main.getByText('Gäller', { exact: true }).waitFor();
    const listed = main.getByRole('definition').filter({ hasText: 'Elevhälsan Lindskolan' });
    expect(await listed.textContent()).not.toContain('BUP');
    await main.getByText(/^BUP Region Exempel \(från /).waitFor();
    await expectNoAxeViolations(guardian, 'portalen: återkallat för BUP');

    // ---- 4. The samordnare's next request: Tilde's words on the agenda, BUP no longer covered. ----
    const samir = await newPage();
    await logIn(samir, 'samordnare.79');
    await samir.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Möten', exact: true }).click();
    await samir.getByRole('heading', { level: 1, name: 'Teamets möten' }).waitFor();
    await samir
      .getByRole('table', { name: 'Kommande möten' })
      .getByRole('link', { name: /^Dagordning / })
      .first()
      .click();
    await samir.getByRole('heading', { level: 1, name: /^Möte / }).waitFor();
    await samir.getByText(WORDS).waitFor();
    await expectNoAxeViolations(samir, 'mötet med Tildes ord');

    await samir.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Mina ärenden', exact: true }).click();
    await samir.getByRole('table', { name: 'Ärenden' }).getByRole('link', { name: 'Elev E' }).first().click();
    await samir.getByRole('heading', { level: 1, name: 'Elev E' }).waitFor();
    await samir.getByRole('tab', { name: 'Samtycke' }).click();
    const card = samir.locator('.consent-card').filter({ hasText: 'skolfrånvaro och sömn' });
    await card.getByText(/BUP Region Exempel: återkallat .* av En vårdnadshavare i familjeportalen\./).waitFor();
    const units = await card
      .locator('.definition-list__row')
      .filter({ has: samir.locator('dt', { hasText: /^Verksamheter$/ }) })
      .locator('dd')
      .textContent();
    expect(units).toContain('Elevhälsan Lindskolan');
    expect(units).not.toContain('BUP');
    await expectNoAxeViolations(samir, 'ärendet Elev E: samtycket utan BUP');

    // ---- 5. The guardian's "Vem har läst om oss?" lists the samordnare's access. ----
    await guardian.reload();
    const readLog = guardian.getByRole('region', { name: 'Vem har läst om oss?' });
    await readLog.getByText('Elevhälsan Lindskolan').first().waitFor();
    await readLog.getByText('Samordnare').first().waitFor();
    expect(await readLog.getByText('Samir Holm').count()).toBe(0);
    await expectNoAxeViolations(guardian, 'portalen: vem har läst om oss');

    // The organisation may choose to show staff names (default off): the admin turns it on, the family sees the name.
    const admin = await newPage();
    await logIn(admin, 'admin');
    await admin.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Samtyckesregler' }).click();
    const settings = admin.getByRole('region', { name: 'Familjeportalen' });
    const setting = settings.getByRole('group', { name: /^Visa personalens namn/ });
    expect(await setting.getByRole('radio', { name: 'Nej, visa bara verksamhet och roll (förval)' }).isChecked()).toBe(true);
    await setting.getByRole('radio', { name: 'Ja, visa även namnet på den som läste' }).check();
    await settings.getByRole('button', { name: 'Spara portalens inställningar' }).click();
    await settings.getByText('Portalens inställningar är sparade.').waitFor();
    await expectNoAxeViolations(admin, 'administration: familjeportalen');
    try {
      await guardian.reload();
      await guardian.getByRole('region', { name: 'Vem har läst om oss?' }).getByText('Samir Holm').first().waitFor();
    } finally {
      // Back to the default, so other journeys see the organisation as it was.
      await setting.getByRole('radio', { name: 'Nej, visa bara verksamhet och roll (förval)' }).check();
      await settings.getByRole('button', { name: 'Spara portalens inställningar' }).click();
      await settings.getByText('Portalens inställningar är sparade.').waitFor();
    }
  });

  it('the family answers a waiting consent, says how the meeting was, and reads and downloads the adopted plan', async () => {
    // ---- The guardian answers the consent request that waits for her (the youth clinic). ----
    const guardian = await newPage(PHONE);
    await portalSignIn(guardian, 'portal.foralder');
    await guardian.getByRole('article').filter({ hasText: 'Tilde' }).getByRole('link').click();
    const consents = guardian.getByRole('region', { name: 'Samtycken' });
    const umo = consents.getByRole('article').filter({ hasText: 'Ungdomsmottagningen Exempelby' });
    await umo.getByText('Väntar på svar', { exact: true }).waitFor();
    const ask = umo.getByRole('group', { name: 'Vill du säga ja?' });
    await ask.getByText('Du bestämmer själv.', { exact: false }).waitFor();
    await expectFitsThePhone(guardian);
    await expectNoAxeViolations(guardian, 'portalen: svara på ett samtycke');
    await ask.getByRole('button', { name: 'Ja, jag samtycker' }).click();
    await consents.getByRole('status').getByText('Tack. Ditt ja är sparat.').waitFor();
    // Tilde and the other guardian have not answered yet: still waiting, but not for her.
    await umo.getByText('Ditt svar: Ja').waitFor();
    expect(await umo.getByRole('group', { name: 'Vill du säga ja?' }).count()).toBe(0);

    // ---- Elev C's guardian says how the last meeting was: anonymous, once. ----
    const other = await newPage(PHONE);
    await portalSignIn(other, 'portal.vardnadshavare');
    await other.getByRole('article').first().getByRole('link').click();
    const feedback = other.getByRole('region', { name: 'Hur var mötet?' });
    await feedback.getByText('Svaret är anonymt. Vi sparar inte vem som svarade.').waitFor();
    await feedback.getByRole('button', { name: 'Skicka svaret' }).click();
    await feedback.getByText('Välj ett svar.').first().waitFor();
    await feedback.getByRole('group', { name: 'Blev du lyssnad på?' }).getByRole('radio', { name: 'Ja' }).check();
    await feedback.getByRole('group', { name: 'Förstod du vad som bestämdes?' }).getByRole('radio', { name: 'Lite' }).check();
    await expectNoAxeViolations(other, 'portalen: hur var mötet?');
    await feedback.getByRole('button', { name: 'Skicka svaret' }).click();
    await other.getByText('Tack för ditt svar!').waitFor();
    await other.reload();
    await other.getByRole('region', { name: 'Samtycken' }).waitFor();
    expect(await other.getByRole('region', { name: 'Hur var mötet?' }).count()).toBe(0);

    // ---- The samordnare adopts Tilde's plan; she reads it, her own words first, and downloads it. ----
    const samir = await staffApi('samordnare.79');
    const cases = await samir.call<{ items: { id: string; pseudonym: string }[] }>('GET', `/cases?q=${encodeURIComponent('Elev E')}`);
    const caseId = cases.items.find((c) => c.pseudonym === 'Elev E')!.id;
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());
    const plan = await samir.call<{ id: string; versions: { version: number; content: Record<string, unknown> }[] }>(
      'POST',
      `/cases/${caseId}/plans`,
      {
        kind: 'barnets_plan',
      },
    );
    const draft = plan.versions[0]!;
    const saved = await samir.call<{ version: number }>('PUT', `/plans/${plan.id}/versions/1`, {
      version: draft.version,
      planDate: today,
      content: {
        ...draft.content,
        childView: { strengths: 'Jag är bra på att spela gitarr.', challenges: 'Jag somnar sent på söndagar.' },
        areas: [
          {
            areaKey: 'ma_bra',
            childWords: 'Jag vill sova bättre.',
            guardiansWillDo: 'Vi lägger undan mobilerna klockan nio.',
            actions: [{ what: 'Samtal om sömn varannan vecka', ownerUnitId: samir.me.actingUnit.id, ownerUserId: null, start: today, end: null }],
            goals: [{ text: 'Tilde somnar före klockan elva', followUpDate: inDays(today, 60) }],
          },
        ],
      },
    });
    await samir.call('POST', `/plans/${plan.id}/versions/1/adopt`, { version: saved.version });

    const tilde = await newPage(PHONE);
    await portalSignIn(tilde, 'portal.ung');
    const mine = tilde.getByRole('region', { name: 'Min plan' });
    await mine.getByRole('heading', { level: 3, name: 'Det här sa jag' }).waitFor();
    await mine.getByText('Jag är bra på att spela gitarr.').waitFor();
    await mine.getByText('Samtal om sömn varannan vecka').waitFor();
    // What she said comes before the goals.
    const headings = await mine.getByRole('heading', { level: 3 }).allTextContents();
    expect(headings.indexOf('Det här sa jag')).toBeLessThan(headings.indexOf('Målen'));
    await expectFitsThePhone(tilde);
    await expectNoAxeViolations(tilde, 'portalen: min plan');
    const link = mine.getByRole('link', { name: 'Ladda ner planen (PDF)' });
    const pdf = await tilde.request.get(new URL((await link.getAttribute('href'))!, baseUrl()).toString());
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    expect(await pdfText(await pdf.body())).toContain('Jag är bra på att spela gitarr.');
  });
});

/** Step 2: Tilde rates three areas, keeps "Må bra" from her guardians, and sees her answer under "Dina tidigare svar". */
async function rateWheel(page: Page): Promise<void> {
  const wheel = page.getByRole('region', { name: 'Mitt hjul' });
  await wheel.getByRole('heading', { level: 3, name: 'Hur har du det nu?' }).waitFor();
  // Each area is a group named by its legend (and the area's description in the child's words).
  const area = (name: string) => wheel.getByRole('group', { name: new RegExp(`^${name} `) });
  // Nothing chosen: a message, nothing saved.
  await wheel.getByRole('button', { name: 'Spara mina svar' }).click();
  await wheel.getByText('Välj minst ett svar innan du sparar.').waitFor();
  await area('Trygg').getByRole('radio', { name: /^4 – / }).check();
  await area('Må bra').getByRole('radio', { name: /^2 – / }).check();
  await area('Aktiv').getByRole('radio', { name: /^5 – / }).check();
  await area('Må bra').getByRole('checkbox', { name: 'Visa inte för mina vårdnadshavare' }).check();
  await wheel.getByRole('button', { name: 'Spara mina svar' }).click();
  await wheel.getByRole('status').getByText('Dina svar är sparade.', { exact: false }).waitFor();
  const earlier = wheel.getByRole('list', { name: 'Dina tidigare svar' });
  const mine = earlier.getByRole('listitem').filter({ hasText: 'Ditt svar' }).first();
  await mine.getByText(/^Må bra: 2 – /).waitFor();
  await mine.getByText('Visas inte för dina vårdnadshavare').waitFor();
}

/** Step 3: the guardian sees Tilde's answer without "Må bra", and no hint that something is hidden. */
async function checkGuardianWheel(page: Page): Promise<void> {
  const wheel = page.getByRole('region', { name: 'Barnets hjul' });
  const earlier = wheel.getByRole('list', { name: 'Tidigare svar' });
  const hers = earlier.getByRole('listitem').filter({ hasText: 'Barnets svar' }).first();
  await hers.getByText(/^Trygg: 4 – /).waitFor();
  await hers.getByText(/^Aktiv: 5 – /).waitFor();
  expect(await hers.getByText(/Må bra/).count()).toBe(0);
  expect(await wheel.getByText('Visas inte för dina vårdnadshavare').count()).toBe(0);
  // The guardian cannot mark anything private.
  expect(await wheel.getByRole('checkbox', { name: 'Visa inte för mina vårdnadshavare' }).count()).toBe(0);
}
