import { sql } from 'drizzle-orm';
import { addDays, toSwedishDate, validateConsentPolicy, type ConsentPolicy, type FieldError } from '@samsyn/domain';
import { queryRows, type Db, type Tx } from '../db/driver.ts';
import { appendAudit } from './audit.ts';
import { CONSENT_COLUMNS, storeWindow, tenantConsentPolicy, toDomainConsent, type ConsentRow } from './consent-ledger.ts';
import { withTenantTx } from './tenant-tx.ts';

/**
 * The daily job (issue 3 §5): re-evaluates every consent that was active or could still
 * become active, so stored windows follow birthdays (guardians' consent lapses at 18) and
 * changed custody. Reads re-check at read time too; this keeps lists right between reads.
 * Returns how many consents changed.
 */
export async function refreshConsentWindows(db: Db, now: Date): Promise<number> {
  const today = toSwedishDate(now);
  const tenants = await queryRows<{ tenant_id: string }>(db, sql`select tenant_id from audit_tenants()`);
  let changed = 0;
  for (const { tenant_id } of tenants) {
    changed += await withTenantTx(db, tenant_id, async (tx) => {
      const n = await refreshTenantConsents(tx, today);
      if (n > 0)
        await appendAudit(
          tx,
          { tenantId: tenant_id },
          { action: 'system_consent_refresh', resourceType: 'consent', outcome: 'allowed', details: { changed: n, on: today } },
        );
      return n;
    });
  }
  return changed;
}

/** Re-evaluates the consents of the tenant in this transaction; returns how many windows changed. */
export async function refreshTenantConsents(tx: Tx, today: string): Promise<number> {
  const policy = await tenantConsentPolicy(tx);
  // One query for the consents and their children's birth dates and custodial guardians.
  const rows = await queryRows<ConsentRow & { birth_date: string; guardians: { guardianId: string; hasCustody: boolean }[] | string }>(
    tx,
    sql`select ${CONSENT_COLUMNS}, c.birth_date::text as birth_date,
        (select coalesce(json_agg(json_build_object('guardianId', g.id, 'hasCustody', g.custody in ('vardnadshavare', 'sarskilt_forordnad'))), '[]'::json)
           from guardians g where g.child_id = c.id) as guardians
      from consents k join children c on c.id = k.child_id
      where k.valid_until >= ${addDays(today, -1)}::date or k.active_until is not null`,
  );
  let n = 0;
  for (const row of rows) {
    const basis = { birthDate: row.birth_date, guardians: typeof row.guardians === 'string' ? JSON.parse(row.guardians) : row.guardians };
    const before = `${row.active_from}|${row.active_until}`;
    await storeWindow(tx, row, toDomainConsent(row, basis), basis, today, policy);
    if (`${row.active_from}|${row.active_until}` !== before) n++;
  }
  return n;
}

/**
 * The tenant's consent policy (maximum and default validity, maturity ages, backdating),
 * validated by the domain rule. A change re-evaluates every consent of the tenant at once.
 */
export async function adminSetConsentPolicy(
  tx: Tx,
  actor: { tenantId: string; userId: string; actingUnitId: string },
  policy: ConsentPolicy,
  today: string,
): Promise<FieldError[] | { changedConsents: number }> {
  const errors = validateConsentPolicy(policy);
  if (errors.length > 0) return errors;
  await tx.execute(
    sql`update tenants set settings = jsonb_set(settings, '{consentPolicy}', ${JSON.stringify(policy)}::jsonb) where id = current_tenant()`,
  );
  const changedConsents = await refreshTenantConsents(tx, today);
  await appendAudit(tx, actor, { action: 'update', resourceType: 'consent_policy', outcome: 'allowed', details: { policy, changedConsents } });
  return { changedConsents };
}
