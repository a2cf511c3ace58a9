import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, fictitiousIdentityNumber, toSwedishDate } from '@samsyn/domain';
import { portalSignIn } from './portal-helpers.ts';
import { startTestServer, testConfig, type Session, type TestServer } from './harness.ts';
import { caller, yearsAgo, type Call } from './cases-helpers.ts';
import { pdfText } from './pdf-text.ts';
import { createPortalAccount } from '../src/modules/portal/session.ts';

/**
 * Issue 7: "Min plan" in the family portal (the adopted plan only, never a draft), the plan as PDF
 * for the child and the guardian, and "Blev du lyssnad på?" after a meeting — stored without any
 * link to the child and shown to staff only as counts of 5 or more.
 */
interface Portal {
  cookie: string;
  csrf: string;
  child: string;
}

describe('family portal: the plan and feedback after the meeting', () => {
  let server: TestServer;
  let call: Call;
  let kurator: Session;
  let samordnare: Session;
  let caseC: string;
  let guardian: Portal;
  let child: Portal;
  let other: Portal;
  const today = toSwedishDate(new Date());

  const portalLogin = (username: string, password?: string): Promise<Portal> => portalSignIn(server, username, password);
  const get = async (p: Portal, path: string, child = p.child) => {
    const res = await server.app.inject({ method: 'GET', url: `/api/v1/portal/children/${child}${path}`, headers: { cookie: p.cookie } });
    return { status: res.statusCode, body: String(res.headers['content-type'] ?? '').includes('json') ? res.json() : null, res };
  };
  const answer = async (p: Portal, payload: unknown, child = p.child) => {
    const res = await server.app.inject({
      method: 'POST',
      url: `/api/v1/portal/children/${child}/feedback`,
      headers: { cookie: p.cookie, 'x-csrf-token': p.csrf, 'content-type': 'application/json' },
      payload: JSON.stringify(payload),
    });
    return { status: res.statusCode, body: res.body ? res.json() : null };
  };
  const stored = async () => {
    const a = await server.database.ownerQuery(`select count(*)::int as n from portal_feedback`);
    const b = await server.database.ownerQuery(`select count(*)::int as n from portal_feedback_given`);
    return { answers: Number(a.rows[0]!.n), given: Number(b.rows[0]!.n) };
  };

  beforeAll(async () => {
    // With the demo's meetings: two weeks ago a team meeting had Elev C on the agenda, the family there.
    server = await startTestServer({ config: testConfig({ SEED_DEMO: 'true', DEMO_MEETINGS: 'true' }) });
    call = caller(server);
    kurator = await server.login('kurator.bjork');
    samordnare = await server.login('samordnare.f6');
    const cases = (await call(kurator, 'GET', '/api/v1/cases')).body.items as { id: string; pseudonym: string }[];
    caseC = cases.find((c) => c.pseudonym === 'Elev C')!.id;
    guardian = await portalLogin('portal.vardnadshavare');
    child = await portalLogin('portal.barn');
    // Another family: a child with no case, and a portal account for its guardian.
    const guardianNumber = fictitiousIdentityNumber('1975-05-05', 71);
    const created = await call(kurator, 'POST', '/api/v1/children', {
      givenName: 'Barn71',
      familyName: 'Portalsson',
      identityNumber: fictitiousIdentityNumber(yearsAgo(new Date(), 10), 71),
      protectedIdentity: false,
      guardians: [{ name: 'Vera Portalsson71', custody: 'vardnadshavare', identityNumber: guardianNumber }],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    await createPortalAccount(server.database.db, {
      username: 'portal.annan71',
      password: 'Ett-langt-losenord-1',
      identityHash: server.deps.crypto.keyedHash(guardianNumber),
      displayName: 'Vera Portalsson71',
    });
    other = await portalLogin('portal.annan71', 'Ett-langt-losenord-1');
  }, 60_000);
  afterAll(() => server?.stop());

  describe('the plan', () => {
    let planId: string;

    it('shows no plan (and no PDF) before one is adopted, not even a draft', async () => {
      expect((await get(guardian, '/plan')).body).toEqual({ plan: null });
      expect((await get(guardian, '/plan.pdf')).status).toBe(404);
      const created = await call(kurator, 'POST', `/api/v1/cases/${caseC}/plans`, { kind: 'barnets_plan' });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      planId = created.body.id;
      const draft = created.body.versions[0];
      const saved = await call(kurator, 'PUT', `/api/v1/plans/${planId}/versions/1`, {
        version: draft.version,
        planDate: today,
        content: {
          ...draft.content,
          childView: { strengths: 'Jag är bra på att rita.', challenges: 'Morgnarna är svåra.' },
          guardiansView: { strengths: 'Hen är nyfiken.', challenges: '' },
          areas: [
            {
              areaKey: 'trygg',
              childWords: 'Jag vill ha en vuxen att gå till på rasten.',
              guardiansWillDo: 'Vi följer med till skolan på måndagar.',
              actions: [
                {
                  what: 'Träffa eleven varje måndag morgon',
                  ownerUnitId: kurator.me.actingUnit.id,
                  ownerUserId: kurator.me.id,
                  start: today,
                  end: addDays(today, 90),
                },
                { what: 'Ringa hem varje fredag', ownerUnitId: kurator.me.actingUnit.id, ownerUserId: null, start: null, end: null },
              ],
              goals: [{ text: 'Eleven känner sig trygg på rasterna', followUpDate: addDays(today, 60) }],
            },
          ],
        },
      });
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
      expect((await get(guardian, '/plan')).body).toEqual({ plan: null });
      expect((await get(child, '/plan.pdf')).status).toBe(404);
      const adopted = await call(kurator, 'POST', `/api/v1/plans/${planId}/versions/1/adopt`, { version: saved.body.version });
      expect(adopted.status, JSON.stringify(adopted.body)).toBe(200);
    });

    it('shows the adopted plan to the guardian and the child, the child’s words first, and never a later draft', async () => {
      // A new draft with other words: the portal keeps showing the adopted version.
      const v2 = await call(kurator, 'POST', `/api/v1/plans/${planId}/versions`);
      expect(v2.status).toBe(201);
      const changed = { ...v2.body.content, childView: { strengths: 'UTKAST SOM INTE ÄR BESTÄMT', challenges: '' } };
      expect(
        (await call(kurator, 'PUT', `/api/v1/plans/${planId}/versions/2`, { version: v2.body.version, planDate: today, content: changed })).status,
      ).toBe(200);

      for (const p of [guardian, child]) {
        const res = await get(p, '/plan');
        expect(res.status).toBe(200);
        const plan = res.body.plan;
        expect(plan).toMatchObject({
          kind: 'barnets_plan',
          kindLabel: 'Barnets plan',
          adoptedOn: today,
          childView: {
            strengths: 'Jag är bra på att rita.',
            challenges: 'Morgnarna är svåra.',
            areas: [{ area: 'Trygg', words: 'Jag vill ha en vuxen att gå till på rasten.' }],
          },
          guardianView: { strengths: 'Hen är nyfiken.', atHome: [{ area: 'Trygg', words: 'Vi följer med till skolan på måndagar.' }] },
          goals: [{ text: 'Eleven känner sig trygg på rasterna', area: 'Trygg', followUpOn: addDays(today, 60) }],
          followUpOn: addDays(today, 60),
        });
        // Karin Berg shows under "Vilka hjälper oss?" (trygghetsperson): her name may show; otherwise the unit only.
        expect(plan.actions).toEqual([
          {
            what: 'Träffa eleven varje måndag morgon',
            area: 'Trygg',
            who: 'Karin Berg, Elevhälsan Björkskolan',
            role: 'Trygghetsperson',
            when: { from: today, to: addDays(today, 90) },
          },
          { what: 'Ringa hem varje fredag', area: 'Trygg', who: 'Elevhälsan Björkskolan', role: null, when: { from: null, to: null } },
        ]);
        expect(JSON.stringify(plan)).not.toContain('UTKAST');
        expect(JSON.stringify(plan)).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
      }
    });

    it('gives the guardian and the child the family’s PDF, audited as an export', async () => {
      for (const p of [guardian, child]) {
        const { status, res } = await get(p, '/plan.pdf');
        expect(status).toBe(200);
        expect(res.headers['content-type']).toBe('application/pdf');
        expect(res.headers['content-disposition']).toBe('attachment; filename="var-plan.pdf"');
        expect(res.headers['cache-control']).toBe('no-store');
        const text = await pdfText(res.rawPayload);
        expect(text).toContain('Jag är bra på att rita.');
        expect(text).toContain('Jag vill ha en vuxen att gå till på rasten.');
        expect(text).toContain('träffa eleven varje måndag morgon');
        expect(text.indexOf('Jag är bra på att rita.')).toBeLessThan(text.indexOf('träffa eleven varje måndag morgon'));
        expect(text).not.toContain('UTKAST');
        expect(text).not.toContain('Sekretess');
      }
      const audit = await server.database.ownerQuery(
        `select action, resource_type, details from audit_log where resource_type in ('portal_plan_pdf', 'plan') and action in ('portal_read', 'export') and details->>'portal' = 'true'`,
      );
      const kinds = audit.rows.map((r) => `${String(r.action)}:${String(r.resource_type)}`);
      expect(kinds.filter((k) => k === 'export:plan')).toHaveLength(2);
      // Every portal read is audited, the two that found no plan (404) too.
      expect(kinds.filter((k) => k === 'portal_read:portal_plan_pdf')).toHaveLength(4);
    });

    it('is not found for another family, whoever’s handle they try', async () => {
      expect((await get(other, '/plan', guardian.child)).status).toBe(404);
      expect((await get(other, '/plan.pdf', guardian.child)).status).toBe(404);
      expect((await get(other, '/feedback', guardian.child)).status).toBe(404);
      expect((await answer(other, { listened: 1, understood: 1 }, guardian.child)).status).toBe(404);
      // Their own child has no case: no plan.
      expect((await get(other, '/plan')).body).toEqual({ plan: null });
      expect((await get(other, '/plan.pdf')).status).toBe(404);
    });
  });

  describe('"Blev du lyssnad på?"', () => {
    let meetingDate: string;

    it('asks about the meeting held two weeks ago; bad input is refused and nothing is stored', async () => {
      const ask = (await get(guardian, '/feedback')).body.ask;
      expect(ask).toEqual({ meetingDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
      meetingDate = ask.meetingDate;
      expect(meetingDate < today && meetingDate >= addDays(today, -30)).toBe(true);
      expect((await get(child, '/feedback')).body.ask).toEqual({ meetingDate });

      for (const body of [
        { listened: 4, understood: 1 },
        { listened: 0, understood: 1 },
        { listened: '1', understood: 1 },
        { listened: 1.5, understood: 1 },
        { listened: 1 },
        { understood: 2 },
        {},
        { listened: 1, understood: 1, childId: 'x' },
        { listened: 1, understood: 1, meetingId: '00000000-0000-4000-8000-000000000000' },
      ]) {
        const res = await answer(guardian, body);
        expect(res.status, JSON.stringify(body)).toBe(400);
        expect(res.body.errors.length).toBeGreaterThan(0);
      }
      expect(await stored()).toEqual({ answers: 0, given: 0 });
      // Without the CSRF token: refused.
      const noToken = await server.app.inject({
        method: 'POST',
        url: `/api/v1/portal/children/${guardian.child}/feedback`,
        headers: { cookie: guardian.cookie },
        payload: { listened: 1, understood: 1 },
      });
      expect(noToken.statusCode).toBe(403);
      expect(await stored()).toEqual({ answers: 0, given: 0 });
    });

    it('stores the answer without any link to the child, case, meeting or person, and asks once per meeting', async () => {
      expect((await answer(guardian, { listened: 1, understood: 2 })).status).toBe(204);
      const columns = await server.database.ownerQuery(
        `select column_name from information_schema.columns where table_schema = 'public' and table_name = 'portal_feedback' order by column_name`,
      );
      expect(columns.rows.map((r) => String(r.column_name))).toEqual(['id', 'listened', 'period', 'relation', 'team_id', 'tenant_id', 'understood']);
      const rows = await server.database.ownerQuery(`select * from portal_feedback`);
      expect(rows.rows).toHaveLength(1);
      const row = rows.rows[0]!;
      expect(row).toMatchObject({ relation: 'guardian', listened: 1, understood: 2 });
      const period = row.period instanceof Date ? toSwedishDate(row.period) : String(row.period).slice(0, 10);
      expect(period).toBe(`${meetingDate.slice(0, 7)}-01`);
      // A random (v4) id, not a time-ordered one.
      expect(String(row.id)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-/);
      // That the guardian answered is kept apart, with no answer; the two tables share no column but the tenant.
      const given = await server.database.ownerQuery(`select * from portal_feedback_given`);
      expect(given.rows).toHaveLength(1);
      expect(Object.keys(given.rows[0]!).sort()).toEqual(['identity_hash', 'meeting_id', 'tenant_id']);
      // The app role cannot read the answers row by row.
      await expect(server.database.db.execute(sql.raw(`select * from portal_feedback`))).rejects.toThrow();

      // Asked once: no question any more, and a second answer is refused with a plain message.
      expect((await get(guardian, '/feedback')).body).toEqual({ ask: null });
      const again = await answer(guardian, { listened: 3, understood: 3 });
      expect(again.status).toBe(409);
      expect(again.body.detail).toBe('Du har redan svarat om det här mötet. Tack för ditt svar!');
      expect(await stored()).toEqual({ answers: 1, given: 1 });

      // The child answers for themselves.
      expect((await get(child, '/feedback')).body.ask).toEqual({ meetingDate });
      expect((await answer(child, { listened: 1, understood: 1 })).status).toBe(204);
      expect((await get(child, '/feedback')).body).toEqual({ ask: null });
      expect(await stored()).toEqual({ answers: 2, given: 2 });
    });

    it('refuses an answer when there is no meeting to answer about', async () => {
      expect((await get(other, '/feedback')).body).toEqual({ ask: null });
      const res = await answer(other, { listened: 1, understood: 1 });
      expect(res.status).toBe(400);
      expect(res.body.errors[0].message).toBe('Det finns inget möte att svara om just nu.');
      expect(await stored()).toEqual({ answers: 2, given: 2 });
    });

    it('shows staff the answers per month only where a count is 5 or more', async () => {
      const teams = (await call(samordnare, 'GET', '/api/v1/teams/statistics-access')).body.items as { id: string; name: string }[];
      const team = teams.find((t) => t.name.startsWith('TSI-team F–6'))!;
      const term = `${Number(meetingDate.slice(5, 7)) <= 6 ? 'VT' : 'HT'}${meetingDate.slice(0, 4)}`;
      const period = `${meetingDate.slice(0, 7)}-01`;
      const month = async () => {
        const res = await call(samordnare, 'GET', `/api/v1/teams/${team.id}/statistics?term=${term}`);
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        return res.body.familyFeedback.find((m: { period: string }) => m.period === period);
      };
      const hidden = { value: null, display: '<5' };
      // Two more answers for the same team and month (as other families would give): four in all.
      const add = (listened: number, understood: number) =>
        server.database.ownerQuery(
          `insert into portal_feedback (tenant_id, team_id, period, relation, listened, understood) values ($1, $2, $3::date, 'guardian', $4, $5)`,
          [samordnare.me.tenant.id, team.id, period, listened, understood],
        );
      await add(1, 1);
      await add(1, 1);
      const four = await month();
      expect(four).toEqual({
        period,
        listened: { yes: hidden, partly: hidden, no: hidden },
        understood: { yes: hidden, partly: hidden, no: hidden },
      });
      await add(1, 1);
      const five = await month();
      expect(five.listened).toEqual({ yes: { value: 5, display: '5' }, partly: hidden, no: hidden });
      // Understood: 4 yes and 1 partly – still under 5 each.
      expect(five.understood).toEqual({ yes: hidden, partly: hidden, no: hidden });
      await add(3, 1);
      expect((await month()).understood.yes).toEqual({ value: 5, display: '5' });
      // A chef of a unit outside the team sees nothing of it.
      const rektor = await server.login('rektor.bjork');
      expect((await call(rektor, 'GET', `/api/v1/teams/${team.id}/statistics?term=${term}`)).status).toBe(404);
    });
  });
});
