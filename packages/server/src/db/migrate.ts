import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

export interface MigrationConnection {
  /** Runs one or more statements without parameters. */
  exec(text: string): Promise<void>;
  /** Runs one statement and returns its rows. */
  query(text: string): Promise<Record<string, unknown>[]>;
}

/** Names of the committed SQL migrations, in the order they apply. */
export function listMigrations(): string[] {
  return readdirSync(MIGRATIONS_DIR)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort();
}

/**
 * Applies committed SQL migrations as the owner, each in its own transaction together
 * with its record, under an advisory lock so instances starting at once do not race.
 */
export async function runMigrations(conn: MigrationConnection): Promise<string[]> {
  await conn.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
  await conn.exec(`SELECT pg_advisory_lock(727272)`);
  const applied: string[] = [];
  try {
    const done = new Set((await conn.query(`SELECT name FROM schema_migrations`)).map((r) => String(r.name)));
    for (const name of listMigrations()) {
      if (done.has(name)) continue;
      const sqlText = readFileSync(join(MIGRATIONS_DIR, name), 'utf8');
      const quoted = name.replace(/'/g, "''");
      await conn.exec(`BEGIN;\n${sqlText}\n;INSERT INTO schema_migrations (name) VALUES ('${quoted}');\nCOMMIT;`);
      applied.push(name);
    }
  } catch (err) {
    // Best effort: the original error is what matters, so a failed ROLLBACK is logged, not thrown.
    await conn.exec('ROLLBACK').catch((rbErr: unknown) => console.error('ROLLBACK failed', rbErr));
    throw err;
  } finally {
    await conn.exec(`SELECT pg_advisory_unlock(727272)`);
  }
  return applied;
}
