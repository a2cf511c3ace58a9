import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealAll, verifyChains } from '../src/access/audit-chain.ts';
import { runAuditVerify } from '../src/cli/audit-verify.ts';
import { startTestServer, type TestServer } from './harness.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  await s?.stop();
});

async function someTraffic() {
  const sess = await s.login('kurator.bjork');
  const list = await s.app.inject({ method: 'GET', url: '/api/v1/children', headers: sess.headers() });
  for (const c of (list.json().items as { id: string }[]).slice(0, 3)) {
    await s.app.inject({ method: 'GET', url: `/api/v1/children/${c.id}`, headers: sess.headers() });
  }
}

describe('tamper-evident audit log', () => {
  it('seals real traffic and verifies intact chains', async () => {
    await someTraffic();
    const sealed = await sealAll(s.database.db);
    expect(sealed).toBeGreaterThan(5);
    const lines: string[] = [];
    expect((await runAuditVerify(s.database, (l) => lines.push(l))).ok).toBe(true);
    expect(lines.join('\n')).toMatch(/OK tenant/);
    // Sealing again adds nothing: every row is sealed exactly once.
    expect(await sealAll(s.database.db)).toBe(0);
  });

  it('hashes a row the same in every session time zone', async () => {
    const hashIn = async (tz: string) => {
      await s.database.ownerQuery(`set time zone '${tz}'`);
      const r = await s.database.ownerQuery(`select audit_row_hash_v1(a) as h, occurred_at::text as t from audit_log a order by id limit 1`);
      return r.rows[0] as { h: string; t: string };
    };
    const utc = await hashIn('UTC');
    const tokyo = await hashIn('Asia/Tokyo');
    await s.database.ownerQuery(`set time zone 'Europe/Stockholm'`);
    expect(tokyo.t).not.toBe(utc.t);
    expect(tokyo.h).toBe(utc.h);
  });

  it('names the first broken link when a sealed row is altered', async () => {
    await someTraffic();
    await sealAll(s.database.db);
    const victim = await s.database.ownerQuery(
      `select c.link_no, c.audit_id, c.tenant_id from audit_chain c join audit_log a on a.id = c.audit_id where a.action = 'read' order by c.link_no limit 1 offset 1`,
    );
    const v = victim.rows[0]!;
    // The owner can still UPDATE (the app role cannot): simulate an insider editing the log.
    await s.database.ownerQuery(`update audit_log set outcome = 'denied' where id = $1`, [v.audit_id]);
    const lines: string[] = [];
    expect((await runAuditVerify(s.database, (l) => lines.push(l))).ok).toBe(false);
    const report = lines.join('\n');
    expect(report).toContain(`första brutna länk / first broken link #${String(v.link_no)}`);
    expect(report).toContain(`audit_log.id ${String(v.audit_id)}, row_changed`);
    const results = await verifyChains(s.database.db);
    const broken = results.find((r) => r.tenantId === v.tenant_id)!;
    expect(broken.firstBreak).toMatchObject({ linkNo: Number(v.link_no), reason: 'row_changed' });
  });

  it('detects, with an anchor kept outside the database, an owner who rewrote the whole chain', async () => {
    const fresh = await startTestServer();
    try {
      const sess = await fresh.login('kurator.bjork');
      await fresh.app.inject({ method: 'GET', url: '/api/v1/children', headers: sess.headers() });
      const first = await runAuditVerify(fresh.database, () => undefined);
      expect(first.ok).toBe(true);
      const anchors = first.anchors;
      expect(anchors.length).toBe(2);
      // The insider edits a row, throws away the chain and lets the sealer build a new, valid one.
      const tenant = anchors.find((a) => a.linkNo > 3)!;
      await fresh.database.ownerQuery(`update audit_log set outcome = 'denied' where tenant_id = $1 and action = 'list'`, [tenant.tenantId]);
      await fresh.database.ownerQuery(`delete from audit_chain where tenant_id = $1`, [tenant.tenantId]);
      const plain = await runAuditVerify(fresh.database, () => undefined);
      expect(plain.ok).toBe(true); // the rewritten chain is self-consistent…
      const lines: string[] = [];
      const anchored = await runAuditVerify(fresh.database, (l) => lines.push(l), { anchors });
      expect(anchored.ok).toBe(false); // …but no longer holds the recorded head.
      expect(lines.join('\n')).toContain(`ANCHOR MISMATCH tenant ${tenant.tenantId}: länk / link #${tenant.linkNo}`);
    } finally {
      await fresh.stop();
    }
  });

  it('detects a deleted row', async () => {
    const row = await s.database.ownerQuery(`select c.audit_id, c.link_no from audit_chain c order by c.link_no desc limit 1`);
    await s.database.ownerQuery(`delete from audit_log where id = $1`, [row.rows[0]!.audit_id]);
    const results = await verifyChains(s.database.db);
    expect(results.some((r) => r.firstBreak !== null)).toBe(true);
  });
});
