import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sealAll } from '../src/access/audit-chain.ts';
import { bootstrap } from '../src/bootstrap.ts';
import { loadConfig } from '../src/config.ts';
import { createTestDatabase } from './harness.ts';

const root = resolve(import.meta.dirname, '../../..');

function npmRun(script: string, env: Record<string, string>) {
  return spawnSync('npm', ['run', '--silent', script], { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 120_000 });
}

/**
 * `npm run audit:verify` as an operator runs it: after a real server run on the
 * configured database (PGlite in DATA_DIR, or DATABASE_URL), then after tampering.
 */
describe('npm run audit:verify', () => {
  it('passes after a real run and names the row a test tampers with', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'samsyn-cli-'));
    const testDb = await createTestDatabase();
    const env: Record<string, string> = {
      DATA_DIR: dataDir,
      NODE_ENV: 'development',
      LOG_LEVEL: 'silent',
      ...(testDb.url ? { DATABASE_URL: testDb.url } : {}),
    };
    try {
      const config = loadConfig(env);
      const running = await bootstrap(config, { webDist: null, sealIntervalMs: 60_000 });
      const login = await running.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'kurator.bjork', password: 'Samsyn-demo-2026' },
      });
      const cookie = String(login.headers['set-cookie']).split(';')[0]!;
      const list = await running.app.inject({ method: 'GET', url: '/api/v1/children', headers: { cookie } });
      const id = list.json().items[0].id as string;
      await running.app.inject({ method: 'GET', url: `/api/v1/children/${id}`, headers: { cookie } });
      await sealAll(running.deps.database.db);
      await running.stop();

      const anchorFile = join(dataDir, 'anchors.json');
      const ok = spawnSync('npm', ['run', '--silent', 'audit:verify', '--', '--write-anchors', anchorFile], {
        cwd: root,
        env: { ...process.env, ...env },
        encoding: 'utf8',
        timeout: 120_000,
      });
      expect(ok.stdout).toMatch(/OK tenant/);
      expect(ok.status).toBe(0);
      const anchors = JSON.parse(readFileSync(anchorFile, 'utf8')) as { tenantId: string; linkNo: number }[];
      expect(anchors).toHaveLength(2);

      const again = await bootstrap(loadConfig(env), { webDist: null, sealIntervalMs: 60_000 });
      const victim = await again.deps.database.ownerQuery(
        `select c.link_no, a.id from audit_log a join audit_chain c on c.audit_id = a.id where a.action = 'read' and a.resource_type = 'child' order by a.id desc limit 1`,
      );
      await again.deps.database.ownerQuery(`update audit_log set purpose = 'nyfikenhet' where id = $1`, [victim.rows[0]!.id]);
      await again.stop();

      const broken = npmRun('audit:verify', env);
      expect(broken.status).toBe(1);
      expect(broken.stdout).toContain(
        `first broken link #${String(victim.rows[0]!.link_no)} (audit_log.id ${String(victim.rows[0]!.id)}, row_changed)`,
      );
    } finally {
      await testDb.drop();
    }
  });
});
