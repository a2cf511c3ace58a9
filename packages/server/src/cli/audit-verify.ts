import { sealAll, verifyChains } from '../access/audit-chain.ts';
import { openConfiguredDatabase } from '../bootstrap.ts';
import { ConfigError, loadConfig } from '../config.ts';
import type { DatabaseHandle } from '../db/driver.ts';

/**
 * `npm run audit:verify`: seals pending audit rows, then recomputes every tenant's
 * hash chain and names the first broken link. Exit 0 = intact, 1 = broken.
 * With the embedded database, stop the server first (PGlite allows one process).
 */
export async function runAuditVerify(database: DatabaseHandle, log: (line: string) => void): Promise<boolean> {
  const sealed = await sealAll(database.db);
  if (sealed > 0) log(`Förseglade ${sealed} nya loggrader / sealed ${sealed} new rows`);
  const results = await verifyChains(database.db);
  let ok = true;
  for (const r of results) {
    if (r.firstBreak) {
      ok = false;
      log(
        `BRUTEN KEDJA / BROKEN CHAIN tenant ${r.tenantId}: första brutna länk / first broken link #${r.firstBreak.linkNo} (audit_log.id ${r.firstBreak.auditId}, ${r.firstBreak.reason})`,
      );
    } else {
      log(`OK tenant ${r.tenantId}: ${r.links} länkar / links intact${r.unsealed ? `, ${r.unsealed} ännu ej förseglade / not yet sealed` : ''}`);
    }
  }
  return ok;
}

const isMain = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/').split('/').slice(-2).join('/'));
if (isMain) {
  try {
    const config = loadConfig();
    const database = await openConfiguredDatabase(config);
    const ok = await runAuditVerify(database, (l) => console.log(l));
    await database.close();
    process.exit(ok ? 0 : 1);
  } catch (err) {
    console.error(err instanceof ConfigError ? err.message : err);
    process.exit(2);
  }
}
