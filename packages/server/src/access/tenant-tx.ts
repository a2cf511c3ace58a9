import { sql } from 'drizzle-orm';
import { tenantRunnerFor, type Db, type Tx } from '../db/driver.ts';

/**
 * Runs fn in a transaction whose row-level-security context is the given tenant.
 * Outside such a transaction the application role sees no tenant-scoped rows at all.
 */
export async function withTenantTx<T>(db: Db, tenantId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const runner = tenantRunnerFor(db);
  if (runner) return runner(tenantId, fn);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('app.tenant_id', ${tenantId}, true)`);
    return fn(tx);
  });
}
