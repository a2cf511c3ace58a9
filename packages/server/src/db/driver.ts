import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { SQL } from 'drizzle-orm';
import type { NodePgQueryResultHKT } from 'drizzle-orm/node-postgres';
import { PgDialect, type PgDatabase } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { runMigrations } from './migrate.ts';

/**
 * Both drivers (PGlite and node-postgres) return { rows } from execute(); we type
 * the handle with node-postgres' result shape so raw SQL results have rows.
 */
export type Db = PgDatabase<NodePgQueryResultHKT>;
/** A transaction handle: the same query API as Db, bound to one connection. */
export type Tx = Db;

/** A text[] column as an array: PGlite returns arrays, node-postgres may return the literal {a,b}. */
export const textArray = (v: string[] | string | null): string[] =>
  v === null ? [] : Array.isArray(v) ? v : v.replace(/[{}"]/g, '').split(',').filter(Boolean);
export type Executor = Db | Tx;

/**
 * Runs fn in one transaction whose RLS context is the tenant. Registered per driver:
 * node-postgres sends BEGIN and the tenant setting in one round trip.
 */
export type TenantTxRunner = <T>(tenantId: string, fn: (tx: Tx) => Promise<T>) => Promise<T>;
const tenantRunners = new WeakMap<object, TenantTxRunner>();

export function tenantRunnerFor(db: Db): TenantTxRunner | undefined {
  return tenantRunners.get(db);
}

/** Connections behind a pg tenant transaction, for named prepared statements. */
const txClients = new WeakMap<object, pg.PoolClient>();
/** The pool behind a pg Db, for named prepared statements outside transactions. */
const dbPools = new WeakMap<object, pg.Pool>();
const dialect = new PgDialect();
const statementNames = new Map<string, string>();

function statementName(text: string): string {
  let name = statementNames.get(text);
  if (!name) {
    name = 's_' + createHash('sha1').update(text).digest('hex').slice(0, 20);
    if (statementNames.size < 1000) statementNames.set(text, name);
  }
  return name;
}

/**
 * Runs a hot-path query as a named prepared statement on PostgreSQL, so the server
 * parses it once per connection (the name is a hash of the SQL text, so different
 * access-rule shapes get different statements). On PGlite it simply executes.
 */
export async function queryPrepared<T>(db: Executor, query: SQL): Promise<T[]> {
  const client: pg.PoolClient | pg.Pool | undefined = txClients.get(db) ?? dbPools.get(db);
  if (!client) return (await db.execute(query)).rows as T[];
  const { sql: text, params } = dialect.sqlToQuery(query);
  const res = await client.query({ name: statementName(text), text, values: params as unknown[] });
  return res.rows as T[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Raw SQL for what the query builder cannot say; both drivers return { rows }. */
export async function queryRows<T>(db: Executor, query: SQL): Promise<T[]> {
  const res = (await db.execute(query)) as unknown as { rows: T[] };
  return res.rows;
}

export interface OwnerQuery {
  (text: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

export interface DatabaseHandle {
  kind: 'pglite' | 'postgres';
  /** Runs as the application role samsyn_app: no table ownership, RLS applies. */
  db: Db;
  /** Runs with the owner's privileges. For migrations, the CLI and tests only. */
  ownerQuery: OwnerQuery;
  close(): Promise<void>;
}

export interface OpenOptions {
  databaseUrl: string | null;
  /** Directory for PGlite; null means in-memory (tests). */
  pgliteDir: string | null;
  poolSize?: number;
}

const APP_ROLE = 'samsyn_app';

export async function openDatabase(opts: OpenOptions): Promise<DatabaseHandle> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl, opts.poolSize ?? 10) : openPglite(opts.pgliteDir);
}

async function openPglite(dir: string | null): Promise<DatabaseHandle> {
  if (dir) mkdirSync(dir, { recursive: true });
  const client = dir ? new PGlite(join(dir, 'pglite')) : new PGlite();
  await client.waitReady;
  await runMigrations({
    exec: async (text) => {
      await client.exec(text);
    },
    query: async (text) => (await client.query<Record<string, unknown>>(text)).rows,
  });
  // PGlite has one connection: switch it to the application role for good. The
  // owner path below switches back only for the duration of one statement batch.
  await client.exec(`SET ROLE ${APP_ROLE}`);
  const ownerQuery: OwnerQuery = async (text, params) => {
    return client.transaction(async (tx) => {
      await tx.exec('RESET ROLE');
      // On an error the transaction rolls back, and with it RESET ROLE: the original error is thrown as it is.
      const res = await tx.query<Record<string, unknown>>(text, params);
      await tx.exec(`SET ROLE ${APP_ROLE}`);
      return { rows: res.rows };
    });
  };
  return {
    kind: 'pglite',
    db: drizzlePglite(client) as unknown as Db,
    ownerQuery,
    close: () => client.close(),
  };
}

async function openPostgres(url: string, poolSize: number): Promise<DatabaseHandle> {
  const owner = new pg.Client({ connectionString: url });
  await owner.connect();
  await runMigrations({
    exec: async (text) => {
      await owner.query(text);
    },
    query: async (text) => (await owner.query(text)).rows as Record<string, unknown>[],
  });
  // The connecting login must be able to SET ROLE to the application role.
  await owner.query(`GRANT ${APP_ROLE} TO current_user`).catch((err: unknown) => {
    // Already granted, or the login is a superuser: both fine. Anything else is fatal.
    if (!(err instanceof Error) || !/already|member/.test(err.message)) throw err;
  });
  // The role is set in the connection's startup packet, so no statement on a pooled
  // connection ever runs as the owner.
  const pool = new pg.Pool({ connectionString: url, max: poolSize, options: `-c role=${APP_ROLE}` });
  const ownerQuery: OwnerQuery = async (text, params) => {
    const res = await owner.query(text, params as unknown[]);
    return { rows: res.rows as Record<string, unknown>[] };
  };
  const db = drizzlePg(pool) as unknown as Db;
  dbPools.set(db, pool);
  const perClient = new WeakMap<pg.PoolClient, Db>();
  tenantRunners.set(db, async (tenantId, fn) => {
    // The tenant id is inlined so BEGIN and set_config travel as one simple-protocol
    // message; it is checked to be a UUID first, so nothing else can be injected.
    if (!UUID.test(tenantId)) throw new Error('tenant id is not a UUID');
    const client = await pool.connect();
    let broken: unknown = undefined;
    try {
      await client.query(`BEGIN; SELECT set_config('app.tenant_id', '${tenantId}', true)`);
      let tx = perClient.get(client);
      if (!tx) {
        tx = drizzlePg(client) as unknown as Db;
        perClient.set(client, tx);
        txClients.set(tx, client);
      }
      try {
        const result = await fn(tx);
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch((rbErr: unknown) => {
          // A connection that cannot roll back is discarded rather than reused.
          broken = rbErr;
        });
        throw err;
      }
    } finally {
      client.release(broken instanceof Error ? broken : undefined);
    }
  });
  return {
    kind: 'postgres',
    db,
    ownerQuery,
    close: async () => {
      await pool.end();
      await owner.end();
    },
  };
}
