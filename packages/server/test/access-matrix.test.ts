import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type Session, type TestServer } from './harness.ts';

/**
 * Access matrix for child records: role × acting unit × action, over the demo data.
 * A child's record is visible to samordnare and professionals acting for the owning
 * unit, and to units named together with the owner in a consent in force for a case
 * about the child (the demo seeds one such case; access-matrix-consent.test.ts covers
 * every consent state).
 */
let s: TestServer;
const sessions = new Map<string, Session>();
let childrenByUnit: Map<string, string[]>;
let allChildIds: string[];
let consentCovered: Map<string, string[]>;

const ACTORS = [
  { username: 'kurator.bjork', role: 'professional' },
  { username: 'samordnare.f6', role: 'samordnare' },
  { username: 'rektor.bjork', role: 'chef' },
  { username: 'admin', role: 'systemadministrator' },
  { username: 'logg', role: 'logggranskare' },
  { username: 'soc.oppen', role: 'professional' },
  { username: 'bup', role: 'professional' },
  { username: 'polis', role: 'professional' },
] as const;

beforeAll(async () => {
  s = await startTestServer();
  for (const a of ACTORS) sessions.set(a.username, await s.login(a.username));
  const rows = await s.database.ownerQuery(
    `select c.id, c.owning_unit_id from children c join tenants t on t.id = c.tenant_id where t.name = 'Samverkan Exempellän'`,
  );
  childrenByUnit = new Map();
  for (const r of rows.rows) {
    const list = childrenByUnit.get(String(r.owning_unit_id)) ?? [];
    list.push(String(r.id));
    childrenByUnit.set(String(r.owning_unit_id), list);
  }
  allChildIds = rows.rows.map((r) => String(r.id));
  const covered = await s.database.ownerQuery(
    `select distinct k2.unit_id, c.child_id from consents k join cases c on c.id = k.case_id join children ch on ch.id = c.child_id
       cross join lateral unnest(k.unit_ids) as k2(unit_id)
     where k.active_from <= current_date and current_date <= k.active_until and ch.owning_unit_id = any(k.unit_ids)`,
  );
  consentCovered = new Map();
  for (const r of covered.rows) {
    const list = consentCovered.get(String(r.unit_id)) ?? [];
    list.push(String(r.child_id));
    consentCovered.set(String(r.unit_id), list);
  }
});

/** Children a unit may see: its own records plus those covered by a consent in force. */
function visibleTo(unitId: string): string[] {
  return [...new Set([...(childrenByUnit.get(unitId) ?? []), ...(consentCovered.get(unitId) ?? [])])];
}
afterAll(async () => {
  await s?.stop();
});

describe('access matrix for children (demo data)', () => {
  for (const a of ACTORS) {
    const readsIndividual = a.role === 'professional' || a.role === 'samordnare';
    it(`${a.username} (${a.role}) lists exactly the children the acting unit may see ${readsIndividual ? '' : '(none: no individual data for this role)'}`, async () => {
      const sess = sessions.get(a.username)!;
      const res = await s.app.inject({ method: 'GET', url: '/api/v1/children', headers: sess.headers() });
      expect(res.statusCode).toBe(200);
      const ids = (res.json().items as { id: string }[]).map((c) => c.id).sort();
      const expected = readsIndividual ? visibleTo(sess.me.actingUnit.id).sort() : [];
      expect(ids).toEqual(expected);
    });

    it(`${a.username} (${a.role}) reads a single child only when the list rule allows it; otherwise 404`, async () => {
      const sess = sessions.get(a.username)!;
      const own = new Set(readsIndividual ? visibleTo(sess.me.actingUnit.id) : []);
      // Every child of the tenant: the same rule decides lists and single rows.
      for (const id of allChildIds) {
        const res = await s.app.inject({ method: 'GET', url: `/api/v1/children/${id}`, headers: sess.headers() });
        expect(res.statusCode, `${a.username} → ${id}`).toBe(own.has(id) ? 200 : 404);
      }
    });
  }

  it('answers denied and missing with the same 404 body; the audit log tells them apart', async () => {
    const sess = sessions.get('bup')!;
    const foreign = childrenByUnit.get(sessions.get('kurator.bjork')!.me.actingUnit.id)![0]!;
    const missing = '01890000-0000-7000-8000-0000000000aa';
    const denied = await s.app.inject({ method: 'GET', url: `/api/v1/children/${foreign}`, headers: sess.headers() });
    const notFound = await s.app.inject({ method: 'GET', url: `/api/v1/children/${missing}`, headers: sess.headers() });
    expect(denied.statusCode).toBe(404);
    expect(denied.body).toBe(notFound.body);
    const audit = await s.database.ownerQuery(
      `select resource_id, outcome, purpose, acting_unit_id from audit_log where actor_user_id = $1 and action = 'read' and resource_id in ($2, $3)`,
      [sess.me.id, foreign, missing],
    );
    const byId = Object.fromEntries(audit.rows.map((r) => [r.resource_id, r]));
    expect(byId[foreign]).toMatchObject({ outcome: 'denied', purpose: 'samverkan', acting_unit_id: sess.me.actingUnit.id });
    expect(byId[missing]).toMatchObject({ outcome: 'not_found' });
  });

  it('writes one audit row per read, with who, unit, whose data, purpose and outcome', async () => {
    const sess = sessions.get('kurator.bjork')!;
    const id = childrenByUnit.get(sess.me.actingUnit.id)![0]!;
    const before = await s.database.ownerQuery(`select count(*)::int as n from audit_log where subject_child_id = $1 and outcome = 'allowed'`, [id]);
    await s.app.inject({ method: 'GET', url: `/api/v1/children/${id}`, headers: sess.headers() });
    const rows = await s.database.ownerQuery(`select * from audit_log where subject_child_id = $1 and outcome = 'allowed' order by id`, [id]);
    expect(rows.rows.length).toBe(Number(before.rows[0]!.n) + 1);
    expect(rows.rows.at(-1)).toMatchObject({
      actor_user_id: sess.me.id,
      acting_unit_id: sess.me.actingUnit.id,
      action: 'read',
      purpose: 'samverkan',
    });
  });

  it('fails the request, and returns nothing, when the audit write fails', async () => {
    const sess = sessions.get('kurator.bjork')!;
    const id = childrenByUnit.get(sess.me.actingUnit.id)![0]!;
    await s.database.ownerQuery(`revoke insert on audit_log from samsyn_app`);
    try {
      const res = await s.app.inject({ method: 'GET', url: `/api/v1/children/${id}`, headers: sess.headers() });
      expect(res.statusCode).toBe(500);
      expect(res.body).not.toContain('Exempel');
      expect(res.json().title).toBe('Något gick fel hos oss');
    } finally {
      await s.database.ownerQuery(`grant insert on audit_log to samsyn_app`);
    }
  });

  it('hides address, school and guardian contact details of a child with protected identity, and marks the audit row', async () => {
    const prot = await s.database.ownerQuery(`select id, owning_unit_id from children where protected_identity limit 1`);
    const child = prot.rows[0]!;
    const owner = ACTORS.map((a) => sessions.get(a.username)!).find((x) => x.me.actingUnit.id === child.owning_unit_id);
    const sess = owner ?? null;
    if (!sess) {
      // Log in as someone in the owning unit via the demo's known layout.
      throw new Error('no demo actor in the owning unit of a protected child');
    }
    const res = await s.app.inject({ method: 'GET', url: `/api/v1/children/${String(child.id)}`, headers: sess.headers() });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.protectedIdentity).toBe(true);
    expect(body.address).toBeNull();
    expect(body.schoolUnitName).toBeNull();
    for (const g of body.guardians) {
      expect(g.phone).toBeNull();
      expect(g.email).toBeNull();
    }
    const audit = await s.database.ownerQuery(
      `select protected_identity from audit_log where subject_child_id = $1 and action = 'read' order by id desc limit 1`,
      [child.id],
    );
    expect(audit.rows[0]!.protected_identity).toBe(true);
  });
});

/**
 * Named professionals (child_named_professionals) and the audit log are personal data
 * too: role × acting unit × action, with the same deny-by-default answer (404).
 */
describe('access matrix for named professionals and the audit log', () => {
  for (const a of ACTORS) {
    const ownUnitStaff = a.role === 'professional' || a.role === 'samordnare';
    it(`${a.username} (${a.role}): named professionals of the own unit's child ${ownUnitStaff ? 'readable and settable' : '404'}; foreign unit's child 404`, async () => {
      const sess = sessions.get(a.username)!;
      const own = childrenByUnit.get(sess.me.actingUnit.id)?.[0];
      const foreign = allChildIds.find((id) => !(childrenByUnit.get(sess.me.actingUnit.id) ?? []).includes(id))!;
      if (own) {
        const list = await s.app.inject({ method: 'GET', url: `/api/v1/children/${own}/eligible-professionals`, headers: sess.headers() });
        expect(list.statusCode).toBe(ownUnitStaff ? 200 : 404);
        const set = await s.app.inject({
          method: 'PUT',
          url: `/api/v1/children/${own}/named-professionals`,
          headers: sess.headers(),
          payload: { userIds: [] },
        });
        expect(set.statusCode).toBe(ownUnitStaff ? 200 : 404);
      }
      const listForeign = await s.app.inject({ method: 'GET', url: `/api/v1/children/${foreign}/eligible-professionals`, headers: sess.headers() });
      expect(listForeign.statusCode).toBe(404);
      const setForeign = await s.app.inject({
        method: 'PUT',
        url: `/api/v1/children/${foreign}/named-professionals`,
        headers: sess.headers(),
        payload: { userIds: [] },
      });
      expect(setForeign.statusCode).toBe(404);
    });

    it(`${a.username} (${a.role}): audit log ${a.role === 'logggranskare' ? 'readable' : '404'}`, async () => {
      const sess = sessions.get(a.username)!;
      const res = await s.app.inject({ method: 'GET', url: '/api/v1/audit-log?limit=5', headers: sess.headers() });
      expect(res.statusCode).toBe(a.role === 'logggranskare' ? 200 : 404);
    });
  }
});
