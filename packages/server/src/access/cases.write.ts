import { sql, type SQL } from 'drizzle-orm';
import {
  ageOn,
  canWithdraw,
  evaluateConsent,
  lastDayOfPeriod,
  requiredGivers,
  findIdentifiers,
  INFORMATION_CATEGORY_LABELS,
  recordAnswer,
  validateConsentPeriod,
  validateConsentScope,
  withdrawConsent,
  type Consent,
  type ConsentGiver,
  type ConsentMethod,
  type GiverRef,
  type InformationCategory,
  type PurposeCategory,
} from '@samsyn/domain';
import { queryRows, type Tx } from '../db/driver.ts';
import { newId } from '../db/ids.ts';
import type { Actor, Purpose } from './actor.ts';
import { appendAudit } from './audit.ts';
import { loadUnits, loadVisibleCase, stateOf, evaluatedConsents, systemCaseExists, type UnitInfo } from './cases.read.ts';
import {
  CONSENT_COLUMNS,
  storeWindow,
  systemConsentBasis,
  tenantConsentPolicy,
  toDomainConsent,
  STATUS_LABEL_SV,
  type ConsentBasis,
  type ConsentRow,
  type StoredGiver,
} from './consent-ledger.ts';
import { AccessFailure, invalid } from './failure.ts';
import { mayWriteChildren, ruleCondition, ruleConditionForRow } from './rules.ts';

/** A bound-parameter array literal: array[$1, $2]::type[] (drizzle expands a JS array into a list). */
function pgArray(items: readonly string[], type: 'text' | 'uuid'): SQL {
  return sql`array[${sql.join(
    items.map((i) => sql`${i}`),
    sql`, `,
  )}]::${sql.raw(type)}[]`;
}

export interface SignalInput {
  childId: string | null;
  recipientUnitId: string;
  category: InformationCategory;
  noticed: string;
  signalKinds: string[];
  riskFactors: string | null;
  protectiveFactors: string | null;
  actionsTaken: string | null;
  urgency: string;
  reportOfConcern: string;
}

export interface CaseInput {
  pseudonym: string;
  ageBand: string;
  description: string;
  signalId: string | null;
}

export interface ConsentInput {
  purposeCategory: PurposeCategory;
  purposeText: string;
  unitIds: string[];
  categories: InformationCategory[];
  validFrom: string;
  validUntil: string;
  givers: { giver: GiverRef; answer: 'given' | 'refused' | 'not_asked'; method: ConsentMethod | null; documentedAt: string | null }[];
  maturity: { isMature: boolean; reasoning: string; assessedAt: string } | null;
}

export const CLOSING_REASONS = ['behov_tillgodosett', 'flyttat', 'samtycke_aterkallat', 'avbojt_stod', 'fyllt_18', 'annat'] as const;
export const CLOSING_REASON_SV: Record<(typeof CLOSING_REASONS)[number], string> = {
  behov_tillgodosett: 'behoven är tillgodosedda',
  flyttat: 'familjen har flyttat',
  samtycke_aterkallat: 'samtycket har återkallats',
  avbojt_stod: 'familjen har tackat nej till stöd',
  fyllt_18: 'den unga har fyllt 18 år eller lämnats över till vuxenverksamhet',
  annat: 'annat skäl',
};
export const CASE_ROLE_SV: Record<string, string> = {
  trygghetsperson: 'trygghetsperson',
  barnkoordinator: 'barnkoordinator',
  involverad: 'involverad',
};

const notFound = (purpose: Purpose, resourceType: string, id: string, exists: boolean) =>
  new AccessFailure('not_found', [], { action: 'write', resourceType, resourceId: id, purpose, outcome: exists ? 'denied' : 'not_found' });

/**
 * Refuses de-identified text that identifies the child (issue 3 §3): before consent the team
 * may only discuss the child without anything that identifies them (TSI-boken 001:414–452).
 */
function assertDeidentified(field: string, text: string, knownNames: string[]): void {
  const findings = findIdentifiers(text, { knownNames });
  if (findings.length > 0) {
    throw new AccessFailure(
      'validation',
      findings.slice(0, 5).map((f) => ({ field, message: f.message, messageEn: f.messageEn })),
    );
  }
}

export function casesWriter(tx: Tx, actor: Actor, purpose: Purpose, today: string) {
  const rule = (t: string) => ruleCondition(t, actor, purpose, today);
  const v = actor.actingUnitId;

  function requireIndividual(): void {
    if (!mayWriteChildren(actor)) throw new AccessFailure('not_found');
  }

  async function event(e: {
    caseId: string;
    kind: string;
    category: InformationCategory | null;
    anonymousPhase: boolean;
    text: string;
    owningUnitId?: string;
    occurredOn?: string;
    details?: Record<string, unknown>;
    correctsId?: string | null;
    correctionReason?: string | null;
    system?: boolean;
  }): Promise<string> {
    const id = newId();
    await tx.execute(sql`insert into case_events (id, tenant_id, case_id, owning_unit_id, author_user_id, kind, category, anonymous_phase, occurred_on, text, details, corrects_id, correction_reason)
      values (${id}, ${actor.tenantId}, ${e.caseId}, ${e.owningUnitId ?? v}, ${e.system ? null : actor.userId}, ${e.kind}, ${e.category}, ${e.anonymousPhase},
        ${e.occurredOn ?? today}::date, ${e.text}, ${JSON.stringify(e.details ?? {})}::jsonb, ${e.correctsId ?? null}, ${e.correctionReason ?? null})`);
    return id;
  }

  /** The case, if the actor may see it; only the owning unit may change it. */
  async function ownedCase(id: string, version?: number) {
    requireIndividual();
    const row = await loadVisibleCase(tx, actor, purpose, today, id);
    if (!row || row.owning_unit_id !== v) throw notFound(purpose, 'case', id, await systemCaseExists(tx, id, 'audit'));
    if (version !== undefined && Number(row.version) !== version) throw new AccessFailure('conflict');
    return row;
  }

  async function bump(id: string): Promise<void> {
    await tx.execute(sql`update cases set version = version + 1, updated_at = now() where id = ${id}`);
  }

  async function knownNamesOf(childId: string | null): Promise<string[]> {
    if (!childId) return [];
    // System read: the names are only used to refuse identifying text, never returned.
    const rows = await queryRows<{ name: string }>(
      tx,
      sql`select given_name || ' ' || family_name as name from children where id = ${childId}
        union all select name from guardians where child_id = ${childId}`,
    );
    return rows.map((r) => r.name);
  }

  function activeUnit(units: Map<string, UnitInfo>, id: string, field: string): UnitInfo {
    const u = units.get(id);
    if (!u || !u.active) throw invalid(field, 'Verksamheten finns inte eller är inte aktiv.', 'The unit does not exist or is not active.');
    return u;
  }

  async function consentRow(caseId: string, consentId: string, version: number): Promise<ConsentRow> {
    const [row] = await queryRows<ConsentRow>(
      tx,
      sql`select ${CONSENT_COLUMNS} from (select * from consents where consents.id = ${consentId} and consents.case_id = ${caseId} and ${rule('consents')}) k`,
    );
    if (!row) throw notFound(purpose, 'consent', consentId, false);
    if (Number(row.version) !== version) throw new AccessFailure('conflict');
    return row;
  }

  async function saveLedger(row: ConsentRow, consent: Consent, basis: ConsentBasis): Promise<void> {
    await tx.execute(
      sql`update consents set givers = ${JSON.stringify(consent.givers)}::jsonb, version = version + 1, updated_at = now() where id = ${row.id}`,
    );
    row.givers = consent.givers as StoredGiver[];
    await storeWindow(tx, row, consent, basis, today, await tenantConsentPolicy(tx));
  }

  async function userName(): Promise<string> {
    const [u] = await queryRows<{ display_name: string }>(tx, sql`select display_name from users where id = ${actor.userId}`);
    return u?.display_name ?? '';
  }

  function validGiver(g: GiverRef, basis: ConsentBasis, age: number | null): ConsentGiver {
    if (g.kind === 'guardian') {
      const found = basis.guardians.find((x) => x.guardianId === g.guardianId);
      if (!found) throw invalid('givers', 'Vårdnadshavaren finns inte i barnets uppgifter.', 'The guardian is not recorded for this child.');
      return { kind: 'guardian', guardianId: g.guardianId, hasCustody: found.hasCustody };
    }
    if (g.kind === 'young_adult' && (age === null || age < 18))
      throw invalid(
        'givers',
        'Personen är inte 18 år. Vårdnadshavare och barnet lämnar samtycke.',
        'The person is not 18. Guardians and the child consent.',
      );
    if (g.kind === 'child' && age !== null && age >= 18)
      throw invalid(
        'givers',
        'Personen har fyllt 18 år och samtycker själv som ung vuxen.',
        'The person is 18 or over and consents as a young adult.',
      );
    return { kind: g.kind };
  }

  const methodSv: Record<ConsentMethod, string> = { written: 'skriftligt', oral: 'muntligt', digital: 'digitalt' };

  return {
    async createSignal(input: SignalInput): Promise<string> {
      requireIndividual();
      const units = await loadUnits(tx);
      const recipient = activeUnit(units, input.recipientUnitId, 'recipientUnitId');
      const own = units.get(v)!;
      if (input.childId) {
        const [child] = await queryRows(
          tx,
          sql`select 1 from children where children.id = ${input.childId} and children.owning_unit_id = ${v} and ${ruleConditionForRow('children', actor, purpose, today)}`,
        );
        if (!child) throw invalid('childId', 'Barnet finns inte i din verksamhet.', 'The child is not a record of your unit.');
        if (recipient.principal_id !== own.principal_id)
          throw invalid(
            'recipientUnitId',
            'En signal som namnger ett barn kan bara skickas inom samma huvudman. Skicka den utan barnets namn, eller be om samtycke först.',
            'A signal naming a child can only go to a unit of the same principal. Send it without the name, or ask for consent first.',
          );
      } else {
        assertDeidentified('noticed', input.noticed, []);
      }
      const [named] = input.childId
        ? await queryRows<{ name: string }>(tx, sql`select given_name || ' ' || family_name as name from children where id = ${input.childId}`)
        : [];
      const id = newId();
      await tx.execute(sql`insert into signals (id, tenant_id, owning_unit_id, recipient_unit_id, raised_by, child_id, child_name, category, noticed, signal_kinds,
          risk_factors, protective_factors, actions_taken, urgency, report_of_concern)
        values (${id}, ${actor.tenantId}, ${v}, ${recipient.id}, ${actor.userId}, ${input.childId}, ${named?.name ?? null}, ${input.category}, ${input.noticed},
          ${pgArray(input.signalKinds, 'text')},
          ${input.riskFactors}, ${input.protectiveFactors}, ${input.actionsTaken}, ${input.urgency}, ${input.reportOfConcern})`);
      await appendAudit(tx, actor, {
        action: 'create',
        resourceType: 'signal',
        resourceId: id,
        subjectChildId: input.childId,
        purpose,
        outcome: 'allowed',
      });
      return id;
    },

    async createCase(input: CaseInput): Promise<string> {
      requireIndividual();
      let signalChild: string | null = null;
      if (input.signalId) {
        const [s] = await queryRows<{ child_id: string | null; case_id: string | null }>(
          tx,
          sql`select signals.child_id, signals.case_id from signals where signals.id = ${input.signalId} and ${rule('signals')}
            and (signals.recipient_unit_id = ${v} or signals.owning_unit_id = ${v})`,
        );
        if (!s) throw invalid('signalId', 'Signalen finns inte bland din verksamhets signaler.', 'The signal is not among your unit’s signals.');
        if (s.case_id) throw invalid('signalId', 'Signalen hör redan till ett ärende.', 'The signal already belongs to a case.');
        signalChild = s.child_id;
      }
      const names = await knownNamesOf(signalChild);
      assertDeidentified('pseudonym', input.pseudonym, names);
      assertDeidentified('description', input.description, names);
      const id = newId();
      await tx.execute(sql`insert into cases (id, tenant_id, owning_unit_id, pseudonym, age_band, description, created_by)
        values (${id}, ${actor.tenantId}, ${v}, ${input.pseudonym}, ${input.ageBand}, ${input.description}, ${actor.userId})`);
      if (input.signalId) {
        await tx.execute(sql`update signals set case_id = ${id} where id = ${input.signalId}`);
        await event({
          caseId: id,
          kind: 'signal',
          category: null,
          anonymousPhase: true,
          text: 'En signal om oro kopplades till ärendet.',
          details: { signalId: input.signalId },
        });
      }
      await event({ caseId: id, kind: 'consultation_opened', category: null, anonymousPhase: true, text: 'Avidentifierad konsultation öppnades.' });
      await appendAudit(tx, actor, { action: 'create', resourceType: 'case', resourceId: id, purpose, outcome: 'allowed' });
      return id;
    },

    async updateCase(id: string, version: number, changes: Partial<Pick<CaseInput, 'pseudonym' | 'ageBand' | 'description'>>): Promise<void> {
      const row = await ownedCase(id, version);
      const names = await knownNamesOf(row.child_id);
      if (changes.pseudonym !== undefined) assertDeidentified('pseudonym', changes.pseudonym, names);
      if (changes.description !== undefined) assertDeidentified('description', changes.description, names);
      await tx.execute(sql`update cases set pseudonym = coalesce(${changes.pseudonym ?? null}, pseudonym), age_band = coalesce(${changes.ageBand ?? null}, age_band),
        description = coalesce(${changes.description ?? null}, description) where id = ${id}`);
      await bump(id);
      await appendAudit(tx, actor, {
        action: 'update',
        resourceType: 'case',
        resourceId: id,
        subjectChildId: row.child_id,
        purpose,
        outcome: 'allowed',
        details: { fields: Object.keys(changes) },
      });
    },

    async linkChild(id: string, version: number, childId: string): Promise<void> {
      const row = await ownedCase(id, version);
      if (row.closed_at) throw invalid('childId', 'Ärendet är avslutat. Öppna det igen först.', 'The case is closed. Reopen it first.');
      if (row.child_id) throw invalid('childId', 'Ärendet är redan kopplat till ett barn.', 'The case is already linked to a child.');
      const [child] = await queryRows(
        tx,
        sql`select 1 from children where children.id = ${childId} and children.owning_unit_id = ${v} and ${ruleConditionForRow('children', actor, purpose, today)}`,
      );
      if (!child)
        throw invalid(
          'childId',
          'Barnet finns inte i din verksamhets register. Lägg först till barnet.',
          'The child is not a record of your unit. Add the child first.',
        );
      await tx.execute(sql`update cases set child_id = ${childId}, linked_at = now() where id = ${id}`);
      await bump(id);
      await event({
        caseId: id,
        kind: 'child_linked',
        category: null,
        anonymousPhase: false,
        text: 'Ärendet kopplades till ett identifierat barn. Det som skrevs före kopplingen är markerat som avidentifierat.',
      });
      await appendAudit(tx, actor, {
        action: 'link_child',
        resourceType: 'case',
        resourceId: id,
        subjectChildId: childId,
        purpose,
        outcome: 'allowed',
      });
    },

    async assignRole(id: string, input: { userId: string; unitId: string; role: string }): Promise<void> {
      const row = await ownedCase(id);
      if (row.closed_at) throw invalid('role', 'Ärendet är avslutat.', 'The case is closed.');
      const [m] = await queryRows<{ name: string; unit_name: string }>(
        tx,
        sql`select u.display_name as name, un.name as unit_name from memberships m join users u on u.id = m.user_id join units un on un.id = m.unit_id
          where m.user_id = ${input.userId} and m.unit_id = ${input.unitId} and m.role in ('samordnare', 'professional') and u.active and un.active limit 1`,
      );
      if (!m) throw invalid('userId', 'Personen arbetar inte i den verksamheten.', 'The person does not work in that unit.');
      if (input.role !== 'involverad')
        await tx.execute(sql`update case_roles set ended_at = now() where case_id = ${id} and role = ${input.role} and ended_at is null`);
      const [dup] = await queryRows(
        tx,
        sql`select 1 from case_roles where case_id = ${id} and user_id = ${input.userId} and unit_id = ${input.unitId} and role = ${input.role} and ended_at is null`,
      );
      if (dup) throw invalid('role', 'Personen har redan den rollen i ärendet.', 'The person already has that role in the case.');
      const roleId = newId();
      await tx.execute(
        sql`insert into case_roles (id, tenant_id, case_id, user_id, unit_id, role, assigned_by) values (${roleId}, ${actor.tenantId}, ${id}, ${input.userId}, ${input.unitId}, ${input.role}, ${actor.userId})`,
      );
      await bump(id);
      // Who is involved is itself telling, so the entry belongs to the role's unit and follows consent (category insatser).
      await event({
        caseId: id,
        kind: 'role_changed',
        category: 'insatser',
        owningUnitId: input.unitId,
        anonymousPhase: !row.child_id,
        text: `${m.name} (${m.unit_name}) blev ${CASE_ROLE_SV[input.role]}.`,
      });
      await appendAudit(tx, actor, {
        action: 'assign_role',
        resourceType: 'case',
        resourceId: id,
        subjectChildId: row.child_id,
        purpose,
        outcome: 'allowed',
        details: { role: input.role, userId: input.userId },
      });
    },

    async endRole(id: string, roleId: string): Promise<void> {
      const row = await ownedCase(id);
      const [r] = await queryRows<{ name: string; unit_id: string; unit_name: string; role: string }>(
        tx,
        sql`update case_roles set ended_at = now() from users u, units un where case_roles.id = ${roleId} and case_roles.case_id = ${id} and case_roles.ended_at is null
          and u.id = case_roles.user_id and un.id = case_roles.unit_id returning u.display_name as name, case_roles.unit_id, un.name as unit_name, case_roles.role`,
      );
      if (!r) throw notFound(purpose, 'case_role', roleId, false);
      await bump(id);
      await event({
        caseId: id,
        kind: 'role_changed',
        category: 'insatser',
        owningUnitId: r.unit_id,
        anonymousPhase: !row.child_id,
        text: `${r.name} (${r.unit_name}) är inte längre ${CASE_ROLE_SV[r.role]}.`,
      });
      await appendAudit(tx, actor, {
        action: 'end_role',
        resourceType: 'case',
        resourceId: id,
        subjectChildId: row.child_id,
        purpose,
        outcome: 'allowed',
      });
    },

    async close(id: string, version: number, reason: (typeof CLOSING_REASONS)[number], text: string | null): Promise<void> {
      const row = await ownedCase(id, version);
      if (row.closed_at) throw invalid('reason', 'Ärendet är redan avslutat.', 'The case is already closed.');
      if (reason === 'annat' && !text?.trim()) throw invalid('text', 'Beskriv varför ärendet avslutas.', 'Describe why the case is closed.');
      await tx.execute(sql`update cases set closed_at = now(), closing_reason = ${reason}, closing_text = ${text} where id = ${id}`);
      await bump(id);
      await event({
        caseId: id,
        kind: 'closed',
        category: null,
        anonymousPhase: !row.child_id,
        text: `Ärendet avslutades: ${CLOSING_REASON_SV[reason]}.`,
      });
      await appendAudit(tx, actor, {
        action: 'close',
        resourceType: 'case',
        resourceId: id,
        subjectChildId: row.child_id,
        purpose,
        outcome: 'allowed',
        details: { reason },
      });
    },

    async reopen(id: string, version: number): Promise<void> {
      const row = await ownedCase(id, version);
      if (!row.closed_at) throw invalid('version', 'Ärendet är inte avslutat.', 'The case is not closed.');
      await tx.execute(sql`update cases set closed_at = null, closing_reason = null, closing_text = null where id = ${id}`);
      await bump(id);
      await event({ caseId: id, kind: 'reopened', category: null, anonymousPhase: !row.child_id, text: 'Ärendet öppnades igen.' });
      await appendAudit(tx, actor, {
        action: 'reopen',
        resourceType: 'case',
        resourceId: id,
        subjectChildId: row.child_id,
        purpose,
        outcome: 'allowed',
      });
    },

    /** A hand-written chronology entry, owned by the acting unit. */
    async addEvent(
      id: string,
      input: { category: InformationCategory; occurredOn: string; text: string; correctsId?: string; reason?: string },
    ): Promise<string> {
      requireIndividual();
      const row = await loadVisibleCase(tx, actor, purpose, today, id);
      if (!row) throw notFound(purpose, 'case', id, await systemCaseExists(tx, id, 'audit'));
      if (row.closed_at)
        throw invalid('text', 'Ärendet är avslutat. Öppna det igen för att lägga till händelser.', 'The case is closed. Reopen it to add entries.');
      if (input.occurredOn > today) throw invalid('occurredOn', 'Datumet ligger i framtiden.', 'The date is in the future.');
      const anonymous = !row.child_id;
      if (anonymous) assertDeidentified('text', input.text, []);
      let category = input.category;
      if (input.correctsId) {
        const [orig] = await queryRows<{ id: string; owning_unit_id: string; category: InformationCategory | null; kind: string }>(
          tx,
          sql`select case_events.id, case_events.owning_unit_id, case_events.category, case_events.kind from case_events
            where case_events.id = ${input.correctsId} and case_events.case_id = ${id} and ${rule('case_events')}`,
        );
        if (!orig) throw notFound(purpose, 'case_event', input.correctsId, false);
        if (orig.owning_unit_id !== v || orig.kind !== 'manual')
          throw invalid('correctsId', 'Du kan bara rätta händelser som din verksamhet har skrivit.', 'You can only correct entries your unit wrote.');
        const [already] = await queryRows(tx, sql`select 1 from case_events where corrects_id = ${input.correctsId}`);
        if (already)
          throw invalid(
            'correctsId',
            'Händelsen är redan rättad. Rätta den senaste versionen.',
            'The entry is already corrected. Correct the latest version.',
          );
        category = orig.category ?? category;
      }
      const eventId = await event({
        caseId: id,
        kind: 'manual',
        category,
        anonymousPhase: anonymous,
        occurredOn: input.occurredOn,
        text: input.text,
        correctsId: input.correctsId ?? null,
        correctionReason: input.reason ?? null,
      });
      await tx.execute(sql`update cases set updated_at = now() where id = ${id}`);
      await appendAudit(tx, actor, {
        action: input.correctsId ? 'correct_event' : 'add_event',
        resourceType: 'case_event',
        resourceId: eventId,
        subjectChildId: row.child_id,
        purpose,
        outcome: 'allowed',
      });
      return eventId;
    },

    async recordConsent(id: string, input: ConsentInput): Promise<string> {
      const row = await ownedCase(id);
      if (row.closed_at) throw invalid('givers', 'Ärendet är avslutat.', 'The case is closed.');
      if (!row.child_id)
        throw invalid('givers', 'Koppla ärendet till ett barn innan du registrerar samtycke.', 'Link the case to a child before recording consent.');
      const basis = (await systemConsentBasis(tx, row.child_id, 'consent rules'))!;
      const policy = await tenantConsentPolicy(tx);
      const units = await loadUnits(tx);
      const activeUnitIds = [...units.values()].filter((u) => u.active).map((u) => u.id);
      const scope = {
        unitIds: [...new Set(input.unitIds)],
        categories: [...new Set(input.categories)],
        purposeCategory: input.purposeCategory,
        purposeText: input.purposeText,
      };
      const errors = [...validateConsentScope(scope, activeUnitIds), ...validateConsentPeriod(input.validFrom, input.validUntil, policy, today)];
      if (!scope.unitIds.includes(v))
        errors.push({
          field: 'unitIds',
          message: 'Din egen verksamhet måste ingå i samtycket.',
          messageEn: 'Your own unit must be part of the consent.',
        });
      if (errors.length > 0) throw new AccessFailure('validation', errors);
      if (input.maturity && !input.maturity.reasoning.trim())
        throw invalid('maturity.reasoning', 'Skriv hur du har bedömt barnets mognad.', 'Describe how the maturity was assessed.');
      if (input.maturity && input.maturity.assessedAt > today)
        throw invalid('maturity.assessedAt', 'Datumet ligger i framtiden.', 'The date is in the future.');
      const by = await userName();
      let consent: Consent = {
        id: newId(),
        childBirthDate: basis.birthDate,
        givers: [],
        scope,
        validFrom: input.validFrom,
        validUntil: input.validUntil,
        maturity: input.maturity ? ({ ...input.maturity, assessedBy: actor.userId, assessedByName: by } as Consent['maturity']) : null,
      };
      const age = ageOn(basis.birthDate, today);
      for (const g of input.givers) {
        if (g.documentedAt && g.documentedAt > today)
          throw invalid('givers', 'Datumet för svaret ligger i framtiden.', 'The answer date is in the future.');
        const giver = validGiver(g.giver, basis, age);
        const res = recordAnswer(consent, giver, {
          answer: g.answer,
          method: g.answer === 'not_asked' ? null : g.method,
          documentedBy: g.answer === 'not_asked' ? null : actor.userId,
          documentedAt: g.answer === 'not_asked' ? null : (g.documentedAt ?? today),
        });
        if (!res.ok) throw new AccessFailure('validation', res.errors);
        consent = res.consent;
      }
      const givers: StoredGiver[] = consent.givers.map((g) => ({ ...g, documentedByName: g.documentedBy ? by : null }));
      await tx.execute(sql`insert into consents (id, tenant_id, case_id, child_id, recorded_by_unit_id, purpose_category, purpose_text, unit_ids, categories, valid_from, valid_until, givers, maturity, created_by)
        values (${consent.id}, ${actor.tenantId}, ${id}, ${row.child_id}, ${v}, ${scope.purposeCategory}, ${scope.purposeText},
          ${pgArray(scope.unitIds, 'uuid')}, ${pgArray(scope.categories, 'text')},
          ${input.validFrom}::date, ${input.validUntil}::date, ${JSON.stringify(givers)}::jsonb, ${consent.maturity ? JSON.stringify(consent.maturity) : null}::jsonb, ${actor.userId})`);
      const [stored] = await queryRows<ConsentRow>(tx, sql`select ${CONSENT_COLUMNS} from consents k where k.id = ${consent.id}`);
      await storeWindow(tx, stored!, toDomainConsent(stored!, basis), basis, today, policy);
      const evaluation = evaluateConsent(toDomainConsent(stored!, basis), basis.guardians, today, policy);
      await bump(id);
      const unitList = scope.unitIds.map((u) => units.get(u)?.name ?? u).join(', ');
      const categoryList = scope.categories.map((c) => INFORMATION_CATEGORY_LABELS[c].sv.toLowerCase()).join(', ');
      await event({
        caseId: id,
        kind: 'consent_recorded',
        category: null,
        anonymousPhase: false,
        text: `Samtycke registrerat (${STATUS_LABEL_SV[evaluation.status]?.toLowerCase()}): ${unitList}; ${categoryList}; ${input.validFrom}–${input.validUntil}.`,
        details: { consentId: consent.id, status: evaluation.status },
      });
      await appendAudit(tx, actor, {
        action: 'record_consent',
        resourceType: 'consent',
        resourceId: consent.id,
        subjectChildId: row.child_id,
        consentId: consent.id,
        purpose,
        outcome: 'allowed',
        details: { status: evaluation.status },
      });
      return consent.id;
    },

    async answer(
      id: string,
      consentId: string,
      input: { version: number; giver: GiverRef; answer: 'given' | 'refused' | 'not_asked'; method: ConsentMethod; documentedAt: string },
    ): Promise<void> {
      const row = await ownedCase(id);
      const k = await consentRow(id, consentId, input.version);
      const basis = (await systemConsentBasis(tx, row.child_id!, 'consent rules'))!;
      if (input.documentedAt > today) throw invalid('documentedAt', 'Datumet ligger i framtiden.', 'The date is in the future.');
      const giver = validGiver(input.giver, basis, ageOn(basis.birthDate, today));
      const res = recordAnswer(toDomainConsent(k, basis), giver, {
        answer: input.answer,
        method: input.method,
        documentedBy: actor.userId,
        documentedAt: input.documentedAt,
      });
      if (!res.ok) throw new AccessFailure('validation', res.errors);
      const by = await userName();
      const consent = {
        ...res.consent,
        givers: res.consent.givers.map((g) => ({
          ...g,
          documentedByName: (g as StoredGiver).documentedByName ?? (g.documentedBy === actor.userId ? by : null),
        })),
      };
      await saveLedger(k, consent, basis);
      const evaluation = evaluateConsent(consent, basis.guardians, today, await tenantConsentPolicy(tx));
      await bump(id);
      await event({
        caseId: id,
        kind: input.answer === 'refused' ? 'consent_refused' : 'consent_answer',
        category: null,
        anonymousPhase: false,
        text: `${input.giver.kind === 'guardian' ? 'En vårdnadshavare' : input.giver.kind === 'child' ? 'Barnet' : 'Den unga personen'} ${input.answer === 'given' ? 'samtyckte' : input.answer === 'refused' ? 'sa nej' : 'har inte tillfrågats'} (${methodSv[input.method]}). Samtycket: ${STATUS_LABEL_SV[evaluation.status]?.toLowerCase()}.`,
        details: { consentId, status: evaluation.status },
      });
      await appendAudit(tx, actor, {
        action: 'consent_answer',
        resourceType: 'consent',
        resourceId: consentId,
        subjectChildId: row.child_id,
        consentId,
        purpose,
        outcome: 'allowed',
        details: { answer: input.answer, status: evaluation.status },
      });
    },

    /**
     * Withdrawal: immediate (the stored window is cleared in this transaction, so the very next
     * request sees less), and every unit that had access gets a notice to acknowledge.
     */
    async withdraw(
      id: string,
      consentId: string,
      input: { version: number; giver: GiverRef; method: ConsentMethod; documentedAt: string },
    ): Promise<void> {
      const row = await ownedCase(id);
      const k = await consentRow(id, consentId, input.version);
      const basis = (await systemConsentBasis(tx, row.child_id!, 'consent rules'))!;
      if (input.documentedAt > today) throw invalid('documentedAt', 'Datumet ligger i framtiden.', 'The date is in the future.');
      const domain = toDomainConsent(k, basis);
      const check = canWithdraw(domain, input.giver);
      if (!check.allowed) throw new AccessFailure('validation', check.errors);
      const res = withdrawConsent(domain, input.giver, { method: input.method, documentedBy: actor.userId, documentedAt: input.documentedAt });
      if (!res.ok) throw new AccessFailure('validation', res.errors);
      const by = await userName();
      const consent = {
        ...res.consent,
        givers: res.consent.givers.map((g) => (g.answer === 'withdrawn' && g.documentedBy === actor.userId ? { ...g, documentedByName: by } : g)),
      };
      const hadAccess = k.activated_at !== null;
      await saveLedger(k, consent, basis);
      if (hadAccess) {
        for (const unitId of k.unit_ids.filter((u) => u !== v)) {
          await tx.execute(sql`insert into consent_notices (id, tenant_id, consent_id, case_id, unit_id, kind) values (${newId()}, ${actor.tenantId}, ${consentId}, ${id}, ${unitId}, 'withdrawn')
            on conflict (consent_id, unit_id, kind) do nothing`);
        }
      }
      await bump(id);
      await event({
        caseId: id,
        kind: 'consent_withdrawn',
        category: null,
        anonymousPhase: false,
        text: `${input.giver.kind === 'guardian' ? 'En vårdnadshavare' : input.giver.kind === 'child' ? 'Barnet' : 'Den unga personen'} återkallade samtycket (${methodSv[input.method]}). Det gäller inte längre, från och med nu.`,
        details: { consentId },
      });
      await appendAudit(tx, actor, {
        action: 'withdraw_consent',
        resourceType: 'consent',
        resourceId: consentId,
        subjectChildId: row.child_id,
        consentId,
        purpose,
        outcome: 'allowed',
      });
    },

    /** The signed form of a written consent. Only the owning unit stores and reads it. */
    async attach(id: string, consentId: string, file: { name: string; type: string; data: Buffer }): Promise<void> {
      const row = await ownedCase(id);
      const [k] = await queryRows<{ id: string }>(
        tx,
        sql`update consents set attachment_name = ${file.name}, attachment_type = ${file.type}, attachment_data = ${file.data}, updated_at = now()
          where consents.id = ${consentId} and consents.case_id = ${id} and ${rule('consents')} returning consents.id`,
      );
      if (!k) throw notFound(purpose, 'consent', consentId, false);
      await event({
        caseId: id,
        kind: 'consent_attachment',
        category: null,
        anonymousPhase: false,
        text: 'Ett underskrivet samtycke bifogades.',
        details: { consentId },
      });
      await appendAudit(tx, actor, {
        action: 'attach',
        resourceType: 'consent',
        resourceId: consentId,
        subjectChildId: row.child_id,
        consentId,
        purpose,
        outcome: 'allowed',
        details: { type: file.type, size: file.data.length },
      });
    },

    async attachment(id: string, consentId: string): Promise<{ name: string; type: string; data: Buffer }> {
      const row = await ownedCase(id);
      const [k] = await queryRows<{ attachment_name: string | null; attachment_type: string | null; attachment_data: Buffer | Uint8Array | null }>(
        tx,
        sql`select consents.attachment_name, consents.attachment_type, consents.attachment_data from consents
          where consents.id = ${consentId} and consents.case_id = ${id} and ${rule('consents')}`,
      );
      if (!k?.attachment_data) throw notFound(purpose, 'consent_attachment', consentId, false);
      await appendAudit(tx, actor, {
        action: 'read',
        resourceType: 'consent_attachment',
        resourceId: consentId,
        subjectChildId: row.child_id,
        consentId,
        purpose,
        outcome: 'allowed',
      });
      return { name: k.attachment_name ?? 'samtycke', type: k.attachment_type ?? 'application/octet-stream', data: Buffer.from(k.attachment_data) };
    },

    async acknowledge(noticeId: string): Promise<void> {
      requireIndividual();
      const [n] = await queryRows<{ case_id: string }>(
        tx,
        sql`update consent_notices set acknowledged_by = ${actor.userId}, acknowledged_at = now()
          where consent_notices.id = ${noticeId} and consent_notices.unit_id = ${v} and consent_notices.acknowledged_at is null returning consent_notices.case_id`,
      );
      if (!n) throw notFound(purpose, 'consent_notice', noticeId, false);
      await appendAudit(tx, actor, { action: 'acknowledge', resourceType: 'consent_notice', resourceId: noticeId, purpose, outcome: 'allowed' });
    },

    /** What the consent form starts from: the period the tenant allows and who must answer today. */
    async consentDefaults(id: string) {
      const row = await ownedCase(id);
      if (!row.child_id) throw invalid('childId', 'Koppla ärendet till ett barn först.', 'Link the case to a child first.');
      const basis = (await systemConsentBasis(tx, row.child_id, 'consent rules'))!;
      const policy = await tenantConsentPolicy(tx);
      const req = requiredGivers(basis.birthDate, basis.guardians, null, today, policy);
      const names = new Map(
        (
          await queryRows<{ id: string; name: string }>(
            tx,
            sql`select guardians.id, guardians.name from guardians where guardians.child_id = ${row.child_id} and ${rule('guardians')}`,
          )
        ).map((g) => [g.id, g.name]),
      );
      const givers: GiverRef[] = [
        ...req.givers.map((g) => (g.kind === 'guardian' ? { kind: 'guardian' as const, guardianId: g.guardianId } : { kind: g.kind })),
      ];
      if (req.age !== null && req.age >= policy.maturityAssessmentFromAge && req.age < 18 && !givers.some((g) => g.kind === 'child'))
        givers.push({ kind: 'child' });
      const guardianIds = givers.flatMap((g) => (g.kind === 'guardian' ? [g.guardianId] : []));
      return {
        validFrom: today,
        validUntil: lastDayOfPeriod(today, policy.defaultValidityMonths),
        maxValidUntil: lastDayOfPeriod(today, policy.maxValidityMonths),
        requiredGivers: givers.map((g) => ({
          giver: g,
          label:
            g.kind === 'guardian'
              ? names.has(g.guardianId)
                ? `${names.get(g.guardianId)} (vårdnadshavare)`
                : `Vårdnadshavare ${guardianIds.indexOf(g.guardianId) + 1}`
              : g.kind === 'child'
                ? 'Barnet'
                : 'Den unga personen',
        })),
        maturityRequired: req.age !== null && req.age >= policy.maturityAssessmentFromAge && req.age < 18,
        maturityNoteSv:
          req.age !== null && req.age >= policy.maturityAssessmentFromAge && req.age < 18
            ? `Barnet är ${req.age} år. Bedöm och dokumentera barnets mognad. Från ${policy.childConsentPresumedFromAge} år behövs normalt barnets eget samtycke.`
            : null,
      };
    },

    async assignable(id: string) {
      await ownedCase(id);
      const rows = await queryRows<{ user_id: string; name: string; unit_id: string; unit_name: string }>(
        tx,
        sql`select distinct u.id as user_id, u.display_name as name, un.id as unit_id, un.name as unit_name from memberships m
          join users u on u.id = m.user_id join units un on un.id = m.unit_id
          where m.role in ('samordnare', 'professional') and u.active and un.active order by un.name, u.display_name`,
      );
      return rows.map((r) => ({ userId: r.user_id, name: r.name, unitId: r.unit_id, unitName: r.unit_name }));
    },

    state: stateOf,
    evaluatedConsents: (id: string) =>
      loadVisibleCase(tx, actor, purpose, today, id).then((r) => (r ? evaluatedConsents(tx, actor, purpose, today, r) : [])),
  };
}
