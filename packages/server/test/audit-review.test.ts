import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type Session, type TestServer } from './harness.ts';

let s: TestServer;
let logg: Session;
let kurator: Session;
let childId: string;

beforeAll(async () => {
  s = await startTestServer();
  logg = await s.login('logg');
  kurator = await s.login('kurator.bjork');
  await s.login('testkoping.kurator');
  const list = await s.app.inject({ method: 'GET', url: '/api/v1/children', headers: kurator.headers() });
  childId = list.json().items[0].id;
  await s.app.inject({ method: 'GET', url: `/api/v1/children/${childId}`, headers: kurator.headers() });
  // A denied read by another unit, for the outcome filter.
  const bup = await s.login('bup');
  await s.app.inject({ method: 'GET', url: `/api/v1/children/${childId}`, headers: bup.headers() });
});
afterAll(async () => {
  await s?.stop();
});

const get = (url: string, sess: Session = logg) => s.app.inject({ method: 'GET', url, headers: sess.headers() });

describe('audit log review (logggranskare)', () => {
  it('shows who read whose data, for which unit, why and with what outcome', async () => {
    const res = await get(`/api/v1/audit-log?childId=${childId}`);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as {
      actorUsername: string;
      actingUnitName: string;
      action: string;
      purpose: string;
      outcome: string;
      subjectChildId: string;
    }[];
    expect(items.find((i) => i.actorUsername === 'kurator.bjork' && i.action === 'read')).toMatchObject({
      actingUnitName: 'Elevhälsan Björkskolan',
      purpose: 'samverkan',
      outcome: 'allowed',
      subjectChildId: childId,
    });
    expect(items.find((i) => i.actorUsername === 'bup')).toMatchObject({ outcome: 'denied' });
    // Ids only: no names or addresses of the child in the review.
    expect(res.body).not.toContain('Exempelsson');
  });

  it('filters by user and outcome, and pages with a cursor', async () => {
    const denied = (await get('/api/v1/audit-log?outcome=denied')).json().items as { outcome: string }[];
    expect(denied.length).toBeGreaterThan(0);
    expect(denied.every((i) => i.outcome === 'denied')).toBe(true);
    const mine = (await get('/api/v1/audit-log?username=KURATOR.BJORK')).json().items as { actorUsername: string }[];
    expect(mine.length).toBeGreaterThan(1);
    expect(mine.every((i) => i.actorUsername === 'kurator.bjork')).toBe(true);
    const first = (await get('/api/v1/audit-log?limit=2')).json();
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toBe(first.items[1].id);
    const second = (await get(`/api/v1/audit-log?limit=2&before=${first.nextCursor}`)).json();
    expect(second.items[0].id).toBeLessThan(first.items[1].id);
  });

  it('never shows another tenant’s entries', async () => {
    const all = (await get('/api/v1/audit-log?limit=200')).json().items as { actorUsername: string | null }[];
    expect(all.some((i) => i.actorUsername === 'testkoping.kurator')).toBe(false);
    const rows = await s.database.ownerQuery(
      `select count(*)::int as n from audit_log a join users u on u.id = a.actor_user_id where u.username = 'testkoping.kurator'`,
    );
    expect(rows.rows[0]!.n).toBeGreaterThan(0);
  });

  it('audits the review itself', async () => {
    await get('/api/v1/audit-log?outcome=failed');
    const rows = await s.database.ownerQuery(
      `select purpose, details from audit_log where actor_user_id = $1 and resource_type = 'audit_log' and action = 'list' order by id desc limit 1`,
      [logg.me.id],
    );
    expect(rows.rows[0]).toMatchObject({ purpose: 'logggranskning' });
    expect((rows.rows[0]!.details as { filter: { outcome: string } }).filter.outcome).toBe('failed');
  });

  it('is 404 for everyone else, and refuses bad filters with field errors', async () => {
    for (const who of ['admin', 'kurator.bjork', 'rektor.bjork']) {
      const sess = await s.login(who);
      expect((await get('/api/v1/audit-log', sess)).statusCode).toBe(404);
      expect((await get('/api/v1/audit-log/verification', sess)).statusCode).toBe(404);
    }
    const backwards = await get('/api/v1/audit-log?from=2026-05-02&to=2026-05-01');
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().errors[0].field).toBe('to');
    const badDate = await get('/api/v1/audit-log?from=2026-02-30');
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().errors[0].field).toBe('from');
    expect((await get('/api/v1/audit-log?limit=5000')).json().errors[0].field).toBe('limit');
  });

  it('verifies the chain, and reports the first broken link after tampering', async () => {
    const ok = (await get('/api/v1/audit-log/verification')).json();
    expect(ok).toMatchObject({ intact: true, firstBreak: null });
    expect(ok.links).toBeGreaterThan(5);
    const victim = await s.database.ownerQuery(
      `select c.link_no, c.audit_id from audit_chain c join audit_log a on a.id = c.audit_id join tenants t on t.id = a.tenant_id where t.name = 'Samverkan Exempellän' order by c.link_no limit 1 offset 3`,
    );
    await s.database.ownerQuery(`update audit_log set action = 'ändrad' where id = $1`, [victim.rows[0]!.audit_id]);
    const broken = (await get('/api/v1/audit-log/verification')).json();
    expect(broken.intact).toBe(false);
    expect(broken.firstBreak).toMatchObject({ linkNo: Number(victim.rows[0]!.link_no), reason: 'row_changed' });
  });
});
