import { sql } from 'drizzle-orm';
import {
  evaluateConsent,
  isSameGiver,
  recordAnswer,
  requiredGivers,
  withdrawConsent,
  withdrawForUnit,
  type ConsentGiver,
  type GiverRef,
} from '@samsyn/domain';
import { queryRows, textArray, type Db, type Tx } from '../db/driver.ts';
import { newId } from '../db/ids.ts';
import { appendAudit } from './audit.ts';
import {
  CONSENT_COLUMNS,
  GIVER_PLAIN,
  giversOf,
  maturityOf,
  STATUS_LABEL_SV,
  storeWindow,
  systemConsentBasis,
  tenantConsentPolicy,
  toDomainConsent,
  type ConsentBasis,
  type ConsentRow,
  type StoredGiver,
} from './consent-ledger.ts';
import { AccessFailure } from './failure.ts';
import { PortalAccessDenied, portalGiverOf, withPortalChild, type PortalLink, type PortalPerson } from './portal.ts';

/** A unit taken out of a consent, as stored in consents.unit_withdrawals. */
export interface UnitWithdrawal {
  unitId: string;
  on: string;
  by: 'guardian' | 'child' | 'young_adult';
  via: 'portal';
}

/** The required giver line for this person today, or null when their answer is not asked for. */
export function requiredLine(basis: ConsentBasis, row: ConsentRow, who: GiverRef, today: string, policy: Parameters<typeof requiredGivers>[4]) {
  const maturity = maturityOf(row);
  const required = requiredGivers(basis.birthDate, basis.guardians, maturity, today, policy);
  return required.givers.find((g) => isSameGiver(g, who)) ?? null;
}

async function audit(tx: Tx, l: PortalLink, consentId: string, action: 'consent_answer' | 'withdraw_consent', details: Record<string, unknown>) {
  await appendAudit(
    tx,
    { tenantId: l.tenantId },
    {
      action,
      resourceType: 'consent',
      resourceId: consentId,
      subjectChildId: l.childId,
      consentId,
      outcome: 'allowed',
      details: { portal: true, relation: l.relation, ...details },
    },
  );
}

async function caseEvent(tx: Tx, l: PortalLink, caseId: string, kind: string, text: string, details: Record<string, unknown>) {
  const [owner] = await queryRows<{ owning_unit_id: string }>(tx, sql`select owning_unit_id from cases where id = ${caseId}`);
  await tx.execute(sql`update cases set version = version + 1, updated_at = now() where id = ${caseId}`);
  await tx.execute(sql`insert into case_events (id, tenant_id, case_id, owning_unit_id, author_user_id, kind, category, anonymous_phase, occurred_on, text, details)
    values (${newId()}, ${l.tenantId}, ${caseId}, ${owner!.owning_unit_id}, null, ${kind}, null, false, current_date, ${text}, ${JSON.stringify({ ...details, portal: true })}::jsonb)`);
  return owner!.owning_unit_id;
}

/**
 * The portal's consent actions (issue 7 §3): withdrawing one's own consent, answering a consent
 * request that waits for this person, and withdrawing a consent for one unit only. Both go through
 * the portal choke point (withPortalChild) and the same domain rules staff use, and are written
 * exactly like a staff-recorded change: ledger, stored window, chronology, audit — in one transaction.
 */
export function portalConsentRepository(db: Db, person: PortalPerson, today: string) {
  async function load(tx: Tx, l: PortalLink, consentId: string) {
    const [row] = await queryRows<ConsentRow>(
      tx,
      sql`select ${CONSENT_COLUMNS} from (select * from consents where consents.id = ${consentId} and consents.child_id = ${l.childId}) k`,
    );
    if (!row) throw new PortalAccessDenied('not_linked');
    const basis = await systemConsentBasis(tx, l.childId, 'portal consent answer');
    if (!basis) throw new PortalAccessDenied('not_linked');
    return { row, basis };
  }

  return {
    /**
     * Withdraws the person's own consent (issue 7 §3): at once, exactly as when staff record it —
     * the stored window is recomputed in this transaction, every unit that had access gets a notice,
     * and the chronology says it happened in the portal. Only a consent this person gave can be
     * withdrawn: a guardian's own answer, or the child's or young adult's own.
     */
    withdraw(childHandle: string, consentId: string) {
      return withPortalChild(db, person, today, childHandle, 'portal_withdraw_consent', async (tx, l, c) => {
        const { row, basis } = await load(tx, l, consentId);
        const who = portalGiverOf(l, c.birth_date, today);
        const res = withdrawConsent(toDomainConsent(row, basis), who, { method: 'digital', documentedBy: 'familjeportalen', documentedAt: today });
        if (!res.ok) throw new AccessFailure('validation', res.errors);
        const givers = res.consent.givers.map((g) =>
          g.answer === 'withdrawn' && g.documentedBy === 'familjeportalen' ? { ...g, documentedByName: 'I familjeportalen' } : g,
        );
        await tx.execute(
          sql`update consents set givers = ${JSON.stringify(givers)}::jsonb, version = version + 1, updated_at = now() where id = ${row.id}`,
        );
        await storeWindow(tx, row, res.consent, basis, today, await tenantConsentPolicy(tx));
        if (row.activated_at !== null)
          for (const unitId of textArray(row.unit_ids))
            await tx.execute(sql`insert into consent_notices (id, tenant_id, consent_id, case_id, unit_id, kind)
              values (${newId()}, ${l.tenantId}, ${row.id}, ${row.case_id}, ${unitId}, 'withdrawn') on conflict (consent_id, unit_id, kind) do nothing`);
        await caseEvent(
          tx,
          l,
          row.case_id,
          'consent_withdrawn',
          `${GIVER_PLAIN[who.kind].sv} återkallade samtycket i familjeportalen. Det gäller inte längre, från och med nu.`,
          { consentId: row.id },
        );
        await audit(tx, l, row.id, 'withdraw_consent', {});
      });
    },

    /**
     * Answers a consent request: "ja" or "nej". Only a person whose answer the consent needs
     * today may answer; a "yes" already given is changed only by withdrawing, and a withdrawn
     * consent is never revived (the domain's recordAnswer). The consent becomes active in this
     * transaction when this was the last answer missing.
     */
    answer(childHandle: string, consentId: string, answer: 'given' | 'refused') {
      return withPortalChild(db, person, today, childHandle, 'portal_answer_consent', async (tx, l, c) => {
        const { row, basis } = await load(tx, l, consentId);
        const policy = await tenantConsentPolicy(tx);
        const who = portalGiverOf(l, c.birth_date, today);
        const line = requiredLine(basis, row, who, today, policy);
        if (!line)
          throw new AccessFailure('validation', [
            {
              field: 'answer',
              message: 'Ditt svar behövs inte för det här samtycket.',
              messageEn: 'Your answer is not needed for this consent.',
            },
          ]);
        const before = giversOf(row).find((g) => isSameGiver(g, who));
        if (before?.answer === 'given')
          throw new AccessFailure('validation', [
            {
              field: 'answer',
              message: 'Du har redan sagt ja. Vill du ändra dig? Återkalla då samtycket.',
              messageEn: 'You already said yes. To change your mind, withdraw the consent.',
            },
          ]);
        if (row.valid_until < today)
          throw new AccessFailure('validation', [
            { field: 'answer', message: 'Samtycket gällde bara till och med ' + row.valid_until + '.', messageEn: 'The consent has expired.' },
          ]);
        const res = recordAnswer(toDomainConsent(row, basis), line as ConsentGiver, {
          answer,
          method: 'digital',
          documentedBy: 'familjeportalen',
          documentedAt: today,
        });
        if (!res.ok) throw new AccessFailure('validation', res.errors);
        const saved = res.consent.givers.map((g) =>
          g.documentedBy === 'familjeportalen' && !(g as StoredGiver).documentedByName ? { ...g, documentedByName: 'I familjeportalen' } : g,
        );
        await tx.execute(
          sql`update consents set givers = ${JSON.stringify(saved)}::jsonb, version = version + 1, updated_at = now() where id = ${row.id}`,
        );
        const consent = { ...res.consent, givers: saved };
        await storeWindow(tx, row, consent, basis, today, policy);
        const status = evaluateConsent(consent, basis.guardians, today, policy).status;
        await caseEvent(
          tx,
          l,
          row.case_id,
          answer === 'refused' ? 'consent_refused' : 'consent_answer',
          `${GIVER_PLAIN[who.kind].sv} ${answer === 'given' ? 'samtyckte' : 'sa nej'} i familjeportalen. Samtycket: ${STATUS_LABEL_SV[status]?.toLowerCase() ?? status}.`,
          { consentId: row.id, status },
        );
        await audit(tx, l, row.id, 'consent_answer', { answer, status });
      });
    },

    /**
     * Withdraws the person's own consent for one unit (e.g. BUP): the unit leaves the consent's
     * units at once (and consent_units with it, by trigger), so its very next request no longer
     * reaches what the consent covered; the rest of the consent still holds. The unit (if it had
     * access) gets a notice, the chronology says what happened, and the ledger keeps the record.
     */
    withdrawUnit(childHandle: string, consentId: string, unitId: string) {
      return withPortalChild(db, person, today, childHandle, 'portal_withdraw_consent_unit', async (tx, l, c) => {
        const { row, basis } = await load(tx, l, consentId);
        const [owner] = await queryRows<{ owning_unit_id: string }>(tx, sql`select owning_unit_id from cases where id = ${row.case_id}`);
        const stored = toDomainConsent(row, basis);
        const domain = { ...stored, scope: { ...stored.scope, unitIds: textArray(row.unit_ids) } };
        const who = portalGiverOf(l, c.birth_date, today);
        const res = withdrawForUnit(domain, who, unitId, owner!.owning_unit_id);
        if (!res.ok) throw new AccessFailure('validation', res.errors);
        const withdrawal: UnitWithdrawal = { unitId, on: today, by: who.kind, via: 'portal' };
        await tx.execute(sql`update consents set unit_ids = array[${sql.join(
          res.consent.scope.unitIds.map((u) => sql`${u}`),
          sql`, `,
        )}]::uuid[], unit_withdrawals = unit_withdrawals || ${JSON.stringify([withdrawal])}::jsonb,
          version = version + 1, updated_at = now() where id = ${row.id}`);
        if (row.activated_at !== null)
          await tx.execute(sql`insert into consent_notices (id, tenant_id, consent_id, case_id, unit_id, kind)
            values (${newId()}, ${l.tenantId}, ${row.id}, ${row.case_id}, ${unitId}, 'withdrawn') on conflict (consent_id, unit_id, kind) do nothing`);
        const [unit] = await queryRows<{ name: string }>(tx, sql`select name from units where id = ${unitId}`);
        await caseEvent(
          tx,
          l,
          row.case_id,
          'consent_withdrawn',
          `${GIVER_PLAIN[who.kind].sv} återkallade samtycket för ${unit?.name ?? 'en verksamhet'} i familjeportalen. Den verksamheten omfattas inte längre, från och med nu. Resten av samtycket gäller.`,
          { consentId: row.id, unitId },
        );
        await audit(tx, l, row.id, 'withdraw_consent', { unitId });
      });
    },
  };
}
