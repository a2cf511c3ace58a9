import { sql } from 'drizzle-orm';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCESS_RULES, PERSONAL_DATA_TABLES } from '../src/access/rules.ts';
import { startTestServer, type TestServer } from './harness.ts';

/**
 * Every table in the database is either organisational (listed here on purpose)
 * or personal data with a registered access rule. A new table that is neither
 * fails this test: deny by default extends to tables nobody thought about.
 */
const ORGANISATIONAL_TABLES = [
  'tenants',
  'principals',
  'units',
  'users',
  'memberships',
  'teams',
  'team_members',
  'meeting_series',
  'meetings',
  'meeting_attendance',
  // A user's own notifications (titles without child data; only the recipient reads them) and their e-mail outbox.
  'notifications',
  'email_outbox',
  // The tenant's wellbeing wheel (areas and scale per version): no personal data.
  'wheel_versions',
  // The "vem gör vad" directory: what units offer, with function contacts only.
  'support_offers',
  'sessions',
  // The family portal's demo accounts and sessions (issue 7): no tenant, only a keyed hash of the
  // person's personnummer; the app role reaches them only through SECURITY DEFINER functions.
  'portal_accounts',
  'portal_sessions',
  // "Blev du lyssnad på?" (issue 7): anonymous answers with team, month and relation only (the app
  // role may only insert; it reads counts through a function), and apart from them only THAT a
  // person (keyed hash) answered about a meeting, so they are asked once.
  'portal_feedback',
  'portal_feedback_given',
  'audit_log',
  'audit_chain',
  'schema_migrations',
];

let s: TestServer;

/** Drizzle wraps driver errors; the database's own message is in the cause. */
async function failureText(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    const e = err as { message: string; cause?: { message?: string } };
    return `${e.message} ${e.cause?.message ?? ''}`;
  }
  return 'did not fail';
}
beforeAll(async () => {
  s = await startTestServer({ seed: false });
});
afterAll(async () => {
  await s?.stop();
});

describe('access rule registry', () => {
  it('has a rule for every personal-data table', () => {
    for (const t of PERSONAL_DATA_TABLES) expect(ACCESS_RULES[t], `no access rule for ${t}`).toBeDefined();
  });

  it('classifies every table in the database as organisational or personal data', async () => {
    const res = await s.database.ownerQuery(
      `select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
    );
    const tables = res.rows.map((r) => String(r.table_name));
    expect(tables.length).toBeGreaterThan(10);
    const unclassified = tables.filter((t) => !ORGANISATIONAL_TABLES.includes(t) && !(PERSONAL_DATA_TABLES as readonly string[]).includes(t));
    expect(unclassified, 'tables without a classification / access rule').toEqual([]);
  });

  it('has row-level security enabled on every tenant-scoped table', async () => {
    const res = await s.database.ownerQuery(
      `select c.relname, c.relrowsecurity from pg_class c join information_schema.columns col on col.table_name = c.relname and col.column_name = 'tenant_id' where c.relkind = 'r' and col.table_schema = 'public'`,
    );
    expect(res.rows.length).toBeGreaterThan(8);
    for (const r of res.rows) expect(r.relrowsecurity, `RLS off on ${String(r.relname)}`).toBe(true);
  });

  it('runs the app as a role that owns nothing and cannot change the audit log', async () => {
    const who = await s.database.db.execute(sql.raw(`select current_user as u`));
    expect((who.rows[0] as { u: string }).u).toBe('samsyn_app');
    const owners = await s.database.ownerQuery(`select count(*)::int as n from pg_tables where schemaname = 'public' and tableowner = 'samsyn_app'`);
    expect(owners.rows[0]!.n).toBe(0);
    const grants = await s.database.ownerQuery(
      `select privilege_type from information_schema.role_table_grants where grantee = 'samsyn_app' and table_name in ('audit_log', 'audit_chain')`,
    );
    const privileges = new Set(grants.rows.map((r) => String(r.privilege_type)));
    expect(privileges.has('INSERT')).toBe(true);
    expect(privileges.has('UPDATE')).toBe(false);
    expect(privileges.has('DELETE')).toBe(false);
    expect(await failureText(s.database.db.execute(sql.raw(`update audit_log set action = 'x'`)))).toMatch(/permission denied/);
    expect(await failureText(s.database.db.execute(sql.raw(`delete from audit_log`)))).toMatch(/permission denied/);
  });

  it('shows no tenant-scoped rows outside a tenant transaction (RLS deny by default)', async () => {
    const seeded = await startTestServer();
    try {
      const res = await seeded.database.db.execute(sql.raw(`select count(*)::int as n from children`));
      expect((res.rows[0] as { n: number }).n).toBe(0);
      const owner = await seeded.database.ownerQuery(`select count(*)::int as n from children`);
      expect(owner.rows[0]!.n).toBeGreaterThanOrEqual(40);
    } finally {
      await seeded.stop();
    }
  });
});

describe('lint-enforced boundary', () => {
  it('refuses an import of the personal-data tables outside src/access/', async () => {
    const eslint = new ESLint();
    const code = `import { children } from '../../db/personal.schema.ts';\nexport const x = children;\n`;
    const [outside] = await eslint.lintText(code, { filePath: 'packages/server/src/modules/children/sneaky.ts' });
    expect(outside!.messages.some((m) => m.ruleId === 'no-restricted-imports')).toBe(true);
    const [inside] = await eslint.lintText(code.replace('../../db', '../db'), { filePath: 'packages/server/src/access/ok.ts' });
    expect(inside!.messages.filter((m) => m.ruleId === 'no-restricted-imports')).toEqual([]);
  });
});
