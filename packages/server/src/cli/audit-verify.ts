import { readFileSync, writeFileSync } from 'node:fs';
import { chainHashAt, sealAll, verifyChains } from '../access/audit-chain.ts';
import { openConfiguredDatabase } from '../bootstrap.ts';
import { ConfigError, loadConfig } from '../config.ts';
import type { DatabaseHandle } from '../db/driver.ts';

/**
 * An anchor is a chain head recorded outside the database. Someone with owner rights
 * could rewrite the whole chain so that it verifies again; a chain that no longer
 * contains an earlier anchor's hash at that link shows that it was rewritten.
 */
export interface Anchor {
  tenantId: string;
  linkNo: number;
  chainHash: string;
  recordedAt: string;
}

export interface VerifyOptions {
  /** Anchors recorded earlier, to check against. */
  anchors?: Anchor[];
}

/**
 * `npm run audit:verify`: seals pending audit rows, recomputes every tenant's hash
 * chain, names the first broken link and checks earlier anchors. Returns the current
 * heads as new anchors. With the embedded database, stop the server first.
 */
export async function runAuditVerify(
  database: DatabaseHandle,
  log: (line: string) => void,
  opts: VerifyOptions = {},
): Promise<{ ok: boolean; anchors: Anchor[] }> {
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
  for (const a of opts.anchors ?? []) {
    const stored = await chainHashAt(database.db, a.tenantId, a.linkNo);
    if (stored !== a.chainHash) {
      ok = false;
      log(
        `ANKARE STÄMMER INTE / ANCHOR MISMATCH tenant ${a.tenantId}: länk / link #${a.linkNo} från / from ${a.recordedAt} ${stored === null ? 'saknas / is missing' : 'har ändrats / was rewritten'}`,
      );
    } else {
      log(`OK ankare / anchor tenant ${a.tenantId} #${a.linkNo}`);
    }
  }
  const now = new Date().toISOString();
  const anchors = results.flatMap((r) =>
    r.head ? [{ tenantId: r.tenantId, linkNo: r.head.linkNo, chainHash: r.head.chainHash, recordedAt: now }] : [],
  );
  return { ok, anchors };
}

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const isMain = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/').split('/').slice(-2).join('/'));
if (isMain) {
  try {
    const config = loadConfig();
    const anchorsIn = argValue('--anchors');
    const anchorsOut = argValue('--write-anchors');
    const anchors = anchorsIn ? (JSON.parse(readFileSync(anchorsIn, 'utf8')) as Anchor[]) : undefined;
    const database = await openConfiguredDatabase(config);
    const result = await runAuditVerify(database, (l) => console.log(l), { anchors });
    await database.close();
    if (anchorsOut && result.ok) {
      writeFileSync(anchorsOut, JSON.stringify(result.anchors, null, 2) + '\n');
      console.log(`Ankare sparade i / anchors written to ${anchorsOut}: förvara dem utanför databasen / keep them outside the database`);
    }
    process.exit(result.ok ? 0 : 1);
  } catch (err) {
    console.error(err instanceof ConfigError ? err.message : err);
    process.exit(2);
  }
}
