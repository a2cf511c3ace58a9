import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/driver.ts';
import { withTenantTx } from './tenant-tx.ts';

/**
 * Tamper-evident audit log. Requests only INSERT audit rows (no hot lock, no
 * serialisation). A sealer, shortly after, links committed rows per tenant into
 * audit_chain: chain_hash = sha256(previous chain_hash | link_no | audit_id | row_hash),
 * where row_hash = audit_row_hash_v1(row): sha256 of a fixed, time-zone-independent
 * JSON array of the row's columns (migration 0003).
 * Changing, deleting or re-ordering a sealed row breaks every later link.
 */

const ROW_HASH_SQL = sql.raw(`audit_row_hash_v1(a)`);
const BATCH = 2000;
/** Rows that commit late (lower id than already sealed ones) are still found within this window. */
const STRAGGLER_WINDOW = 10000;

export function genesisHash(tenantId: string): string {
  return createHash('sha256').update(`samsyn-audit-genesis|${tenantId}`).digest('hex');
}

export function linkHash(prev: string, linkNo: number, auditId: number, rowHash: string): string {
  return createHash('sha256').update(`${prev}|${linkNo}|${auditId}|${rowHash}`).digest('hex');
}

async function tenantIds(db: Db, onlyPending = false): Promise<string[]> {
  const res = await db.execute(onlyPending ? sql`select tenant_id from audit_tenants_pending()` : sql`select tenant_id from audit_tenants()`);
  return (res.rows as { tenant_id: string }[]).map((r) => r.tenant_id);
}

/** Seals pending rows of one tenant. Safe to run from several instances at once. */
export async function sealTenant(db: Db, tenantId: string): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await withTenantTx(db, tenantId, (tx) => sealBatch(tx, tenantId));
    total += n;
    if (n < BATCH) return total;
  }
}

async function sealBatch(tx: Tx, tenantId: string): Promise<number> {
  // One sealer per tenant at a time; requests never wait on this lock.
  const locked = await tx.execute(sql`select pg_try_advisory_xact_lock(hashtext(${'audit-seal:' + tenantId})) as ok`);
  if (!(locked.rows[0] as { ok: boolean } | undefined)?.ok) return 0;
  const headRes = await tx.execute(
    sql`select link_no, chain_hash, (select coalesce(max(audit_id), 0) from audit_chain) as max_audit from audit_chain order by link_no desc limit 1`,
  );
  const head = headRes.rows[0] as { link_no: string | number; chain_hash: string; max_audit: string | number } | undefined;
  let linkNo = head ? Number(head.link_no) : 0;
  let prev = head ? head.chain_hash : genesisHash(tenantId);
  const floor = head ? Math.max(0, Number(head.max_audit) - STRAGGLER_WINDOW) : 0;
  const pending = await tx.execute(sql`
    select a.id, ${ROW_HASH_SQL} as row_hash from audit_log a
    where a.id > ${floor} and not exists (select 1 from audit_chain c where c.audit_id = a.id and c.audit_id > ${floor})
    order by a.id limit ${BATCH}`);
  const rows = pending.rows as { id: string | number; row_hash: string }[];
  if (rows.length === 0) return 0;
  const values = rows.map((r) => {
    linkNo += 1;
    prev = linkHash(prev, linkNo, Number(r.id), r.row_hash);
    return sql`(${tenantId}, ${linkNo}, ${Number(r.id)}, ${r.row_hash}, ${prev})`;
  });
  await tx.execute(sql`insert into audit_chain (tenant_id, link_no, audit_id, row_hash, chain_hash) values ${sql.join(values, sql`, `)}`);
  return rows.length;
}

export async function sealAll(db: Db): Promise<number> {
  let n = 0;
  for (const t of await tenantIds(db, true)) n += await sealTenant(db, t);
  return n;
}

export interface ChainBreak {
  linkNo: number;
  auditId: number;
  reason: 'row_changed' | 'row_missing' | 'link_changed' | 'gap';
}

export interface TenantVerification {
  tenantId: string;
  links: number;
  unsealed: number;
  firstBreak: ChainBreak | null;
  /** The last link: record it outside the database (an anchor) to detect a rewrite of the whole chain. */
  head: { linkNo: number; chainHash: string } | null;
}

/** The chain hash stored at one link of a tenant's chain, or null if there is no such link. */
export async function chainHashAt(db: Db, tenantId: string, linkNo: number): Promise<string | null> {
  return withTenantTx(db, tenantId, async (tx) => {
    const res = await tx.execute(sql`select chain_hash from audit_chain where link_no = ${linkNo}`);
    return (res.rows[0] as { chain_hash: string } | undefined)?.chain_hash ?? null;
  });
}

/** Recomputes every tenant's chain and names the first broken link. */
export async function verifyChains(db: Db): Promise<TenantVerification[]> {
  const out: TenantVerification[] = [];
  for (const tenantId of await tenantIds(db)) {
    out.push(await withTenantTx(db, tenantId, (tx) => verifyTenant(tx, tenantId)));
  }
  return out;
}

/** Recomputes one tenant's chain inside the caller's tenant transaction. */
export async function verifyTenant(tx: Tx, tenantId: string): Promise<TenantVerification> {
  let prev = genesisHash(tenantId);
  let expectedLink = 1;
  let links = 0;
  let firstBreak: ChainBreak | null = null;
  let after = 0;
  for (;;) {
    const res = await tx.execute(sql`
      select c.link_no, c.audit_id, c.row_hash, c.chain_hash,
             (select ${ROW_HASH_SQL} from audit_log a where a.id = c.audit_id) as actual_row_hash
      from audit_chain c where c.link_no > ${after} order by c.link_no limit 5000`);
    const rows = res.rows as {
      link_no: string | number;
      audit_id: string | number;
      row_hash: string;
      chain_hash: string;
      actual_row_hash: string | null;
    }[];
    if (rows.length === 0) break;
    for (const r of rows) {
      const linkNo = Number(r.link_no);
      const auditId = Number(r.audit_id);
      links += 1;
      if (!firstBreak) {
        if (linkNo !== expectedLink) firstBreak = { linkNo, auditId, reason: 'gap' };
        else if (r.actual_row_hash === null) firstBreak = { linkNo, auditId, reason: 'row_missing' };
        else if (r.actual_row_hash !== r.row_hash) firstBreak = { linkNo, auditId, reason: 'row_changed' };
        else if (linkHash(prev, linkNo, auditId, r.row_hash) !== r.chain_hash) firstBreak = { linkNo, auditId, reason: 'link_changed' };
      }
      prev = r.chain_hash;
      expectedLink = linkNo + 1;
      after = linkNo;
    }
  }
  const unsealedRes = await tx.execute(
    sql`select count(*)::int as n from audit_log a where not exists (select 1 from audit_chain c where c.audit_id = a.id)`,
  );
  const unsealed = Number((unsealedRes.rows[0] as { n: number } | undefined)?.n ?? 0);
  return { tenantId, links, unsealed, firstBreak, head: after > 0 ? { linkNo: after, chainHash: prev } : null };
}

/** Starts the background sealer; returns a stop function. */
export function startSealer(db: Db, intervalMs: number, onError: (err: unknown) => void): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = running.then(() => sealAll(db)).catch(onError);
  }, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
