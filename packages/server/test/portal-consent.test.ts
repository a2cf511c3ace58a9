import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { portalSignIn } from './portal-helpers.ts';
import { startTestServer, testConfig, type Session, type TestServer } from './harness.ts';
import { caller, type Call } from './cases-helpers.ts';
import { pdfText } from './pdf-text.ts';

/**
 * Issue 7 §3: in the family portal a guardian (or the mature child) answers a consent request
 * that waits for them, and withdraws a consent for one unit only (e.g. BUP) — at once, for the
 * unit's very next request, with the rest of the consent still in force. The demo family is
 * "Elev E" (a 13-year-old assessed mature, TSI team 7–9) with `portal.foralder` and `portal.ung`.
 */
interface Portal {
  cookie: string;
  csrf: string;
  child: string;
}

describe('family portal: consent answers and withdrawal for one unit', () => {
  let server: TestServer;
  let call: Call;
  let sam79: Session;
  let bup: Session;
  let socFalt: Session;
  let elevE: string;

  const portalLogin = (username: string, password?: string): Promise<Portal> => portalSignIn(server, username, password);
  const get = async (p: Portal, url: string) => {
    const res = await server.app.inject({ method: 'GET', url, headers: { cookie: p.cookie } });
    return { status: res.statusCode, body: res.json() };
  };
  const post = async (p: Portal, url: string, payload: unknown) => {
    const res = await server.app.inject({ method: 'POST', url, headers: { cookie: p.cookie, 'x-csrf-token': p.csrf }, payload: payload as object });
    return { status: res.statusCode, body: res.json() };
  };
  const consentsOf = async (p: Portal, child = p.child) => (await get(p, `/api/v1/portal/children/${child}/consents`)).body as PortalConsent[];
  interface PortalConsent {
    id: string;
    units: string[];
    unitChoices: { id: string; name: string; canWithdraw: boolean }[];
    withdrawnUnits: { name: string; on: string; by: string }[];
    status: string;
    statusTextEn: string;
    aboutEn: string[];
    myAnswer: string | null;
    canAnswer: boolean;
    purpose: string;
  }
  const dbConsent = async (id: string) =>
    (
      await server.database.ownerQuery(
        `select unit_ids::text as unit_ids, givers::text as givers, version, (select count(*)::int from consent_units cu where cu.consent_id = k.id) as cu
         from consents k where id = $1`,
        [id],
      )
    ).rows[0] as { unit_ids: string; givers: string; version: number; cu: number };

  beforeAll(async () => {
    server = await startTestServer({ config: testConfig({ SEED_DEMO: 'true', DEMO_MEETINGS: 'true' }) });
    call = caller(server);
    sam79 = await server.login('samordnare.79');
    bup = await server.login('bup');
    socFalt = await server.login('soc.falt');
    const cases = (await call(sam79, 'GET', '/api/v1/cases')).body.items as { id: string; pseudonym: string }[];
    elevE = cases.find((c) => c.pseudonym === 'Elev E')!.id;
  }, 60_000);
  afterAll(() => server?.stop());

  it('shows the guardian a pending request they can answer, and records "ja" as their own answer', async () => {
    const g = await portalLogin('portal.foralder');
    const consents = await consentsOf(g);
    expect(consents).toHaveLength(2);
    const pending = consents.find((c) => c.status === 'pending')!;
    const active = consents.find((c) => c.status === 'active')!;
    expect(pending).toMatchObject({ canAnswer: true, myAnswer: 'not_asked' });
    expect(active).toMatchObject({ canAnswer: false, myAnswer: 'given' });
    // Server-made texts come in English too.
    expect(active.statusTextEn).toMatch(/^In force until \d{4}-\d{2}-\d{2}\.$/);
    expect(active.aboutEn).toContain('health');

    const res = await post(g, `/api/v1/portal/children/${g.child}/consents/${pending.id}/answer`, { answer: 'given' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const after = (res.body as PortalConsent[]).find((c) => c.id === pending.id)!;
    // The other guardian and the child have not answered: still pending, but no longer waiting for this person.
    expect(after).toMatchObject({ status: 'pending', myAnswer: 'given', canAnswer: false });
    const stored = JSON.parse((await dbConsent(pending.id)).givers) as { kind: string; answer: string; method: string; documentedByName?: string }[];
    expect(stored.filter((x) => x.answer === 'given')).toEqual([
      expect.objectContaining({ kind: 'guardian', method: 'digital', documentedByName: 'I familjeportalen' }),
    ]);
    // The samordnare sees the answer in the chronology.
    const events = (await call(sam79, 'GET', `/api/v1/cases/${elevE}/events`)).body.items as { text: string }[];
    expect(events.map((e) => e.text)).toContain('En vårdnadshavare samtyckte i familjeportalen. Samtycket: inväntar svar.');
  });

  it('refuses a second "ja", an answer on a consent that does not wait for it, and changes nothing', async () => {
    const g = await portalLogin('portal.foralder');
    const consents = await consentsOf(g);
    for (const k of consents) {
      const before = await dbConsent(k.id);
      const res = await post(g, `/api/v1/portal/children/${g.child}/consents/${k.id}/answer`, { answer: 'given' });
      expect(res.status).toBe(400);
      expect(res.body.errors[0].message).toBe('Du har redan sagt ja. Vill du ändra dig? Återkalla då samtycket.');
      expect(await dbConsent(k.id)).toEqual(before);
    }
    const bad = await post(g, `/api/v1/portal/children/${g.child}/consents/${consents[0]!.id}/answer`, { answer: 'withdrawn' });
    expect(bad.status).toBe(400);
  });

  it('lets the mature 13-year-old answer for herself: the last answer missing makes it active', async () => {
    const child = await portalLogin('portal.ung');
    const pending = (await consentsOf(child)).find((c) => c.status === 'pending')!;
    expect(pending.canAnswer).toBe(true);
    const res = await post(child, `/api/v1/portal/children/${child.child}/consents/${pending.id}/answer`, { answer: 'refused' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect((res.body as PortalConsent[]).find((c) => c.id === pending.id)).toMatchObject({ myAnswer: 'refused', canAnswer: true, status: 'pending' });
    // She may change her mind from "nej" to "ja".
    const yes = await post(child, `/api/v1/portal/children/${child.child}/consents/${pending.id}/answer`, { answer: 'given' });
    expect((yes.body as PortalConsent[]).find((c) => c.id === pending.id)).toMatchObject({ myAnswer: 'given', canAnswer: false });
  });

  it('withdraws the consent for BUP only: BUP loses access on its next request, the rest still holds', async () => {
    const g = await portalLogin('portal.foralder');
    const active = (await consentsOf(g)).find((c) => c.status === 'active')!;
    const bupChoice = active.unitChoices.find((u) => u.name.includes('BUP'))!;
    expect(bupChoice.canWithdraw).toBe(true);
    expect(active.unitChoices.find((u) => u.name.startsWith('Elevhälsan'))?.canWithdraw).toBe(false);

    expect((await call(bup, 'GET', `/api/v1/cases/${elevE}`)).body.access.level).toBe('consent');
    const res = await post(g, `/api/v1/portal/children/${g.child}/consents/${active.id}/withdraw-unit`, { unitId: bupChoice.id });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const after = (res.body as PortalConsent[]).find((c) => c.id === active.id)!;
    expect(after.status).toBe('active');
    expect(after.units.some((u) => u.includes('BUP'))).toBe(false);
    expect(after.withdrawnUnits).toEqual([expect.objectContaining({ name: bupChoice.name, by: 'En vårdnadshavare' })]);

    // BUP's very next request: no longer covered by the consent.
    const bupView = await call(bup, 'GET', `/api/v1/cases/${elevE}`);
    expect(bupView.status === 404 || bupView.body.access.level !== 'consent').toBe(true);
    // Social services' field unit still is.
    expect((await call(socFalt, 'GET', `/api/v1/cases/${elevE}`)).body.access.level).toBe('consent');
    // The samordnare's view: BUP not among the units, and the withdrawal on record.
    const staff = (await call(sam79, 'GET', `/api/v1/cases/${elevE}`)).body;
    const k = staff.consents.find((x: { id: string }) => x.id === active.id);
    expect(k.units.map((u: { name: string }) => u.name)).not.toContain(bupChoice.name);
    expect(k.unitWithdrawals).toEqual([expect.objectContaining({ unit: { id: bupChoice.id, name: bupChoice.name }, byLabel: 'En vårdnadshavare' })]);
    expect((await dbConsent(active.id)).cu).toBe(3);
    // BUP has a notice to acknowledge.
    const notices = await server.database.ownerQuery(`select unit_id from consent_notices where consent_id = $1`, [active.id]);
    expect(notices.rows.map((r) => (r as { unit_id: string }).unit_id)).toContain(bupChoice.id);
  });

  it('refuses the unit that has the case, a unit not in the consent, and leaving one unit — and changes nothing', async () => {
    const g = await portalLogin('portal.foralder');
    const consents = await consentsOf(g);
    const active = consents.find((c) => c.status === 'active')!;
    const pending = consents.find((c) => c.id !== active.id)!;
    const owner = active.unitChoices.find((u) => !u.canWithdraw)!;
    const before = await dbConsent(active.id);
    const cases: [string, string, RegExp][] = [
      [active.id, owner.id, /har ärendet/],
      [active.id, '00000000-0000-4000-8000-000000000000', /finns inte med/],
      [pending.id, pending.unitChoices.find((u) => u.canWithdraw)!.id, /bara en verksamhet kvar/],
    ];
    for (const [consentId, unitId, message] of cases) {
      const res = await post(g, `/api/v1/portal/children/${g.child}/consents/${consentId}/withdraw-unit`, { unitId });
      expect(res.status).toBe(400);
      expect(res.body.errors[0].message).toMatch(message);
    }
    expect(await dbConsent(active.id)).toEqual(before);
    for (const payload of [{}, { unitId: 'bup' }, { unitId: owner.id, extra: 1 }]) {
      expect((await post(g, `/api/v1/portal/children/${g.child}/consents/${active.id}/withdraw-unit`, payload)).status).toBe(400);
    }
    expect(await dbConsent(active.id)).toEqual(before);
  });

  it("does not let another family's guardian answer or withdraw (404), nor a request without the portal's CSRF token", async () => {
    const own = await portalLogin('portal.foralder');
    const other = await portalLogin('portal.vardnadshavare');
    const active = (await consentsOf(own)).find((c) => c.status === 'active')!;
    const unit = active.unitChoices.find((u) => u.canWithdraw)!;
    const before = await dbConsent(active.id);
    expect((await post(other, `/api/v1/portal/children/${own.child}/consents/${active.id}/withdraw-unit`, { unitId: unit.id })).status).toBe(404);
    expect((await post(other, `/api/v1/portal/children/${other.child}/consents/${active.id}/withdraw-unit`, { unitId: unit.id })).status).toBe(404);
    expect((await post(other, `/api/v1/portal/children/${own.child}/consents/${active.id}/answer`, { answer: 'refused' })).status).toBe(404);
    const noCsrf = await server.app.inject({
      method: 'POST',
      url: `/api/v1/portal/children/${own.child}/consents/${active.id}/withdraw-unit`,
      headers: { cookie: own.cookie },
      payload: { unitId: unit.id },
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(await dbConsent(active.id)).toEqual(before);
  });

  it('"Vem har läst om oss?" lists the samordnare\'s access; staff names only once the admin turns them on', async () => {
    const g = await portalLogin('portal.foralder');
    const admin = await server.login('admin');
    expect((await call(admin, 'GET', '/api/v1/admin/portal-settings')).body).toEqual({ showStaffNames: false });
    await call(sam79, 'GET', `/api/v1/cases/${elevE}`);
    const log = (await get(g, `/api/v1/portal/children/${g.child}/read-log`)).body;
    expect(log.staffNamesShown).toBe(false);
    const samRow = log.items.find((i: { unit: string; role: string }) => i.unit.startsWith('Elevhälsan Lind') && i.role === 'Samordnare');
    expect(samRow).toMatchObject({
      name: null,
      purpose: 'Samordna stödet till barnet',
      purposeEn: "Coordinating the child's support",
      roleEn: 'Coordinator',
    });
    expect(samRow.consentEn).toBe("The unit holds the child's information itself. No consent is needed.");
    expect(JSON.stringify(log)).not.toContain('Samir Holm');

    // Only an administrator may change it (404 for others), bad input changes nothing, the change is audited.
    expect((await call(sam79, 'PUT', '/api/v1/admin/portal-settings', { showStaffNames: true })).status).toBe(404);
    for (const body of [{}, { showStaffNames: 'ja' }, { showStaffNames: true, extra: 1 }])
      expect((await call(admin, 'PUT', '/api/v1/admin/portal-settings', body)).status).toBe(400);
    expect((await call(admin, 'GET', '/api/v1/admin/portal-settings')).body).toEqual({ showStaffNames: false });
    const on = await call(admin, 'PUT', '/api/v1/admin/portal-settings', { showStaffNames: true });
    expect(on.body).toEqual({ showStaffNames: true });
    const named = (await get(g, `/api/v1/portal/children/${g.child}/read-log`)).body;
    expect(named.staffNamesShown).toBe(true);
    expect(named.items.map((i: { name: string | null }) => i.name)).toContain('Samir Holm');
    const audit = await server.database.ownerQuery(`select details::text as d from audit_log where resource_type = 'portal_settings'`, []);
    expect(audit.rows).toHaveLength(1);
    await call(admin, 'PUT', '/api/v1/admin/portal-settings', { showStaffNames: false });
  });

  it("the family's minutes PDF (which reaches the guardians) leaves out the words the child keeps private", async () => {
    const tilde = await portalLogin('portal.ung');
    const put = async (words: string, version: number, keep: boolean) =>
      server.app.inject({
        method: 'PUT',
        url: `/api/v1/portal/children/${tilde.child}/my-words`,
        headers: { cookie: tilde.cookie, 'x-csrf-token': tilde.csrf },
        payload: { words, version, private: keep },
      });
    const next = (await get(tilde, `/api/v1/portal/children/${tilde.child}/next-meeting`)).body.meeting;
    const WORDS = 'Jag vill inte att mamma och pappa läser det här.';
    const saved = await put(WORDS, next.version, true);
    expect(saved.statusCode, saved.body).toBe(200);
    const [item] = (
      await server.database.ownerQuery(
        `select ai.id from agenda_items ai join cases c on c.id = ai.case_id where c.pseudonym = 'Elev E' and ai.kind = 'case'`,
        [],
      )
    ).rows as { id: string }[];
    const pdf = async () => {
      const res = await server.app.inject({ method: 'GET', url: `/api/v1/agenda-items/${item!.id}/family-minutes.pdf`, headers: sam79.headers() });
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      return pdfText(res.rawPayload);
    };
    expect(await pdf()).not.toContain('läser det här');
    // Once she no longer keeps them private, the family's version has them.
    expect((await put(WORDS, saved.json().meeting.version, false)).statusCode).toBe(200);
    expect(await pdf()).toContain('läser det här');
  });
});
