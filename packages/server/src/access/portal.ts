import { sql } from 'drizzle-orm';
import {
  INTERVENTION_STATUS_LABELS,
  isSameGiver,
  mayKeepPrivateFromGuardians,
  requiredGivers,
  type GiverRef,
  type InterventionStatus,
  type MaturityAssessment,
} from '@samsyn/domain';
import { queryRows, textArray, type Db, type Tx } from '../db/driver.ts';
import { appendAudit } from './audit.ts';
import { GIVER_PLAIN, parse, systemConsentBasis, tenantConsentPolicy } from './consent-ledger.ts';
import { AccessFailure } from './failure.ts';
import { withTenantTx } from './tenant-tx.ts';

/**
 * The family portal's choke point (issue 7). A portal person is not staff: they act for
 * themselves, about the children they are linked to. Every read here is:
 *  - limited to a child the person is linked to (portal_links: their own record, or a child for
 *    whom they are a custodial guardian), in that child's tenant, under row-level security;
 *  - refused to a guardian once the child has turned 18 (the young adult alone decides);
 *  - audited in the child's tenant as a portal access (no staff user; the relation is recorded).
 * See docs/decisions/0008-family-portal-identity.md.
 */
export interface PortalPerson {
  sessionId: string;
  identityHash: string;
  displayName: string;
  method: 'local' | 'oidc';
}

export interface PortalLink {
  tenantId: string;
  childId: string;
  relation: 'self' | 'guardian';
  guardianId: string | null;
}

export async function portalLinks(db: Db | Tx, identityHash: string): Promise<PortalLink[]> {
  const rows = await queryRows<{ tenant_id: string; child_id: string; relation: 'self' | 'guardian'; guardian_id: string | null }>(
    db,
    sql`select * from portal_links(${identityHash})`,
  );
  return rows.map((r) => ({ tenantId: r.tenant_id, childId: r.child_id, relation: r.relation, guardianId: r.guardian_id }));
}

/** Whole years between a birth date and today (both ISO dates). */
export function ageOn(birthDate: string, today: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

export interface PortalChild {
  /** An opaque handle for the child in this session's links: tenant and child id. */
  id: string;
  relation: 'self' | 'guardian';
  givenName: string;
  /** True when a guardian's access has ended because the child is 18 or older. */
  adult: boolean;
  hasCase: boolean;
}

const handle = (l: PortalLink) => `${l.tenantId}.${l.childId}`;

async function childRow(tx: Tx, childId: string) {
  const [c] = await queryRows<{ given_name: string; birth_date: string; protected_identity: boolean; owning_unit_id: string }>(
    tx,
    sql`select given_name, birth_date::text as birth_date, protected_identity, owning_unit_id from children where id = ${childId}`,
  );
  return c ?? null;
}

type Bilingual = { sv: string; en: string };
const PURPOSE_LABELS: Record<string, Bilingual> = {
  samverkan: { sv: 'Samordna stödet till barnet', en: "Coordinating the child's support" },
  uppfoljning: { sv: 'Följa upp stödet', en: 'Following up the support' },
  administration: { sv: 'Administration', en: 'Administration' },
};
const ROLE_LABELS: Record<string, Bilingual> = {
  samordnare: { sv: 'Samordnare', en: 'Coordinator' },
  professional: { sv: 'Yrkesperson', en: 'Professional' },
  chef: { sv: 'Chef', en: 'Manager' },
  systemadministrator: { sv: 'Systemadministratör', en: 'System administrator' },
  logggranskare: { sv: 'Logggranskare', en: 'Log reviewer' },
};
const ACTION_LABELS: Record<string, Bilingual> = {
  read: { sv: 'Läste', en: 'Read' },
  list: { sv: 'Såg i en lista', en: 'Saw in a list' },
  search: { sv: 'Sökte fram', en: 'Searched for' },
  export: { sv: 'Skrev ut eller laddade ner', en: 'Printed or downloaded' },
};
const CASE_ROLE_LABELS: Record<string, Bilingual> = {
  trygghetsperson: { sv: 'Trygghetsperson', en: 'Trusted person' },
  barnkoordinator: { sv: 'Barnkoordinator', en: 'Child coordinator' },
  involverad: { sv: 'Arbetar med ärendet', en: 'Works on the case' },
};
export const CATEGORY_PLAIN: Record<string, Bilingual> = {
  skolsituation: { sv: 'hur det går i skolan', en: 'how school is going' },
  halsa: { sv: 'hälsa', en: 'health' },
  familj_och_hem: { sv: 'familjen och hemmet', en: 'family and home' },
  fritid: { sv: 'fritiden', en: 'free time' },
  insatser: { sv: 'vilket stöd ni får', en: 'the support you get' },
  bedomningar_och_planer: { sv: 'bedömningar och planer', en: 'assessments and plans' },
};
const label = (map: Record<string, Bilingual>, key: string, fallback: Bilingual): Bilingual => map[key] ?? fallback;

export const MAX_WORDS = 2000;

export interface PortalNextMeeting {
  date: string;
  startTime: string;
  location: string | null;
  /** The family is invited (or has said yes, or took part). */
  invited: boolean;
  familyStatus: string;
  /** This person's own words for the meeting. */
  myWords: string | null;
  version: number;
  /**
   * For the child: whether their words are kept from their guardians. For a guardian: false (a
   * guardian is never told that something is hidden).
   */
  wordsPrivate: boolean;
  /** For a guardian: the child's words, unless the child keeps them private (then null). */
  childWords: string | null;
  agendaItemId: string;
  ownerUnitId: string;
}

/** A stale save of the person's words: the saved words come back, nothing is overwritten. */
export class PortalConflict extends Error {
  override name = 'PortalConflict';
  constructor(readonly current: PortalNextMeeting) {
    super('portal conflict');
  }
}

async function nextMeetingOf(tx: Tx, l: PortalLink, today: string): Promise<PortalNextMeeting | null> {
  const [m] = await queryRows<{
    date: string;
    start_time: string;
    location: string | null;
    agenda_item_id: string;
    owner: string;
    child_words: string | null;
    guardian_words: string | null;
    family_status: string | null;
    version: number | null;
    child_words_private: boolean | null;
  }>(
    tx,
    sql`select m.date::text as date, m.start_time::text as start_time, m.location, ai.id as agenda_item_id, c.owning_unit_id as owner,
        v.child_words, v.guardian_words, v.family_status, v.version, v.child_words_private
      from agenda_items ai join meetings m on m.id = ai.meeting_id join cases c on c.id = ai.case_id
        left join agenda_voices v on v.agenda_item_id = ai.id
      where c.child_id = ${l.childId} and c.closed_at is null and ai.kind = 'case' and m.status = 'planned'
        and m.date >= ${today}::date
      order by m.date, m.start_time limit 1`,
  );
  if (!m) return null;
  const status = m.family_status ?? 'not_invited';
  const self = l.relation === 'self';
  const wordsPrivate = m.child_words_private === true;
  return {
    date: m.date,
    startTime: m.start_time.slice(0, 5),
    location: m.location,
    invited: ['invited', 'accepted', 'attended'].includes(status),
    familyStatus: status,
    myWords: self ? m.child_words : m.guardian_words,
    version: m.version === null ? 0 : Number(m.version),
    wordsPrivate: self && wordsPrivate,
    // Never the child's private words to a guardian, and no hint that there are any.
    childWords: self || wordsPrivate ? null : m.child_words,
    agendaItemId: m.agenda_item_id,
    ownerUnitId: m.owner,
  };
}

/** Who a portal person is in a consent's ledger: a guardian, the child, or the young adult (18+). */
export function portalGiverOf(l: PortalLink, birthDate: string, today: string): GiverRef {
  if (l.relation === 'guardian' && l.guardianId) return { kind: 'guardian', guardianId: l.guardianId };
  return ageOn(birthDate, today) >= 18 ? { kind: 'young_adult' } : { kind: 'child' };
}

export class PortalAccessDenied extends Error {
  override name = 'PortalAccessDenied';
  constructor(readonly reason: 'not_linked' | 'adult') {
    super(reason);
  }
}

/** The link for a child handle among the person's links; anything else is "not found". */
async function linkOf(db: Db, person: PortalPerson, childHandle: string): Promise<PortalLink> {
  const links = await portalLinks(db, person.identityHash);
  const l = links.find((x) => handle(x) === childHandle);
  if (!l) throw new PortalAccessDenied('not_linked');
  return l;
}

export type PortalChildRow = NonNullable<Awaited<ReturnType<typeof childRow>>>;

/**
 * Whether the signed-in person may keep words and answers from the child's guardians (issue 7):
 * the child themself, under 18, assessed as mature in the latest consent or at least the
 * tenant's age for a presumed say (15 by default). See mayKeepPrivateFromGuardians.
 */
export async function mayKeepPrivate(tx: Tx, l: PortalLink, c: PortalChildRow, today: string): Promise<boolean> {
  if (l.relation !== 'self') return false;
  const [k] = await queryRows<{ maturity: { isMature?: unknown } | string | null }>(
    tx,
    sql`select maturity from consents where child_id = ${l.childId} order by created_at desc, id desc limit 1`,
  );
  const maturity = k?.maturity ? parse<{ isMature?: unknown }>(k.maturity as never) : null;
  return mayKeepPrivateFromGuardians({
    relation: l.relation,
    age: ageOn(c.birth_date, today),
    maturity: maturity ? { isMature: maturity.isMature === true } : null,
    policy: await tenantConsentPolicy(tx),
  });
}

/** The refusal when someone who may not keeps words or answers from the guardians. */
export function notPrivateFailure(field: string, relation: 'self' | 'guardian'): AccessFailure {
  return new AccessFailure('validation', [
    relation === 'guardian'
      ? {
          field,
          message: 'Bara barnet själv kan välja att inte visa något för vårdnadshavare.',
          messageEn: 'Only the child can choose not to show something to their guardians.',
        }
      : {
          field,
          message: 'Du kan inte välja det här än. Prata med någon som hjälper dig.',
          messageEn: 'You cannot choose this yet. Talk to someone who helps you.',
        },
  ]);
}

/**
 * The one way into a child's data from the portal: resolves the handle among the person's links
 * (else 'not_linked'), opens the child's tenant, refuses a guardian once the child is 18
 * ('adult', audited as denied), runs fn and audits the access as `what`. Every portal feature
 * (portal.ts, portal-wheel.ts, portal-plan.ts …) goes through here.
 */
export async function withPortalChild<T>(
  db: Db,
  person: PortalPerson,
  today: string,
  childHandle: string,
  what: string,
  fn: (tx: Tx, l: PortalLink, c: PortalChildRow) => Promise<T>,
): Promise<T> {
  const l = await linkOf(db, person, childHandle);
  return withTenantTx(db, l.tenantId, async (tx) => {
    const c = await childRow(tx, l.childId);
    if (!c) throw new PortalAccessDenied('not_linked');
    if (l.relation === 'guardian' && ageOn(c.birth_date, today) >= 18) {
      await appendAudit(
        tx,
        { tenantId: l.tenantId },
        {
          action: 'portal_read',
          resourceType: what,
          subjectChildId: l.childId,
          outcome: 'denied',
          details: { portal: true, relation: l.relation, reason: 'adult' },
        },
      );
      throw new PortalAccessDenied('adult');
    }
    const result = await fn(tx, l, c);
    await appendAudit(
      tx,
      { tenantId: l.tenantId },
      { action: 'portal_read', resourceType: what, subjectChildId: l.childId, outcome: 'allowed', details: { portal: true, relation: l.relation } },
    );
    return result;
  });
}

/**
 * The portal repository for one signed-in person. `child` is the handle from `children()`;
 * anything not among the person's links is "not found", whoever the child is.
 */
export function portalRepository(db: Db, person: PortalPerson, today: string) {
  const withChild = <T>(childHandle: string, what: string, fn: (tx: Tx, l: PortalLink, c: PortalChildRow) => Promise<T>) =>
    withPortalChild(db, person, today, childHandle, what, fn);

  return {
    /** The children this person may open, with a flag where a guardian's access has ended at 18. */
    async children(): Promise<PortalChild[]> {
      const links = await portalLinks(db, person.identityHash);
      const out: PortalChild[] = [];
      for (const l of links)
        out.push(
          await withTenantTx(db, l.tenantId, async (tx) => {
            const c = await childRow(tx, l.childId);
            const [k] = await queryRows(tx, sql`select 1 from cases where child_id = ${l.childId} and closed_at is null limit 1`);
            return {
              id: handle(l),
              relation: l.relation,
              givenName: c?.given_name ?? '',
              adult: l.relation === 'guardian' && c !== null && ageOn(c.birth_date, today) >= 18,
              hasCase: Boolean(k),
            };
          }),
        );
      return out;
    },

    /** "Vilka hjälper oss?": the people with a role in the child's open cases, and the support given. */
    helpers(childHandle: string) {
      return withChild(childHandle, 'portal_helpers', async (tx, l) => {
        const people = await queryRows<{ role: string; name: string; unit: string; email: string | null }>(
          tx,
          sql`select r.role, u.display_name as name, un.name as unit, u.email from case_roles r join cases c on c.id = r.case_id
            join users u on u.id = r.user_id join units un on un.id = r.unit_id
            where c.child_id = ${l.childId} and c.closed_at is null and r.ended_at is null order by r.assigned_at`,
        );
        const support = await queryRows<{ name: string; unit: string; status: InterventionStatus; email: string | null; phone: string | null }>(
          tx,
          sql`select i.name, un.name as unit, i.status, so.contact_email as email, so.contact_phone as phone from interventions i
            join cases c on c.id = i.case_id join units un on un.id = i.provider_unit_id left join support_offers so on so.id = i.support_offer_id
            where c.child_id = ${l.childId} and c.closed_at is null and i.status in ('accepted', 'started') order by i.proposed_on`,
        );
        return {
          people: people.map((p) => {
            const role = label(CASE_ROLE_LABELS, p.role, { sv: p.role, en: p.role });
            return { role: role.sv, roleEn: role.en, name: p.name, unit: p.unit, email: p.email };
          }),
          support: support.map((s) => ({
            ...s,
            statusLabel: INTERVENTION_STATUS_LABELS[s.status].sv,
            statusLabelEn: INTERVENTION_STATUS_LABELS[s.status].en,
          })),
        };
      });
    },

    /** The consents about the child, in plain language: who may share what with whom, until when. */
    consents(childHandle: string) {
      return withChild(childHandle, 'portal_consents', async (tx, l, c) => {
        const rows = await queryRows<{
          id: string;
          purpose_text: string;
          unit_ids: string[] | string;
          categories: string[] | string;
          valid_from: string;
          valid_until: string;
          active_from: string | null;
          active_until: string | null;
          givers: unknown;
          maturity: unknown;
          unit_withdrawals: unknown;
          owner: string;
        }>(
          tx,
          sql`select k.id, k.purpose_text, k.unit_ids, k.categories, k.valid_from::text as valid_from, k.valid_until::text as valid_until,
            k.active_from::text as active_from, k.active_until::text as active_until, k.givers, k.maturity, k.unit_withdrawals,
            c.owning_unit_id as owner
            from consents k join cases c on c.id = k.case_id where k.child_id = ${l.childId} order by k.created_at desc`,
        );
        const basis = await systemConsentBasis(tx, l.childId, 'portal consent view');
        const policy = await tenantConsentPolicy(tx);
        const who = portalGiverOf(l, c.birth_date, today);
        const units = new Map(
          (await queryRows<{ id: string; name: string }>(tx, sql`select id, name from units`)).map((u) => [u.id, u.name] as const),
        );
        return rows.map((k) => {
          const givers = parse<{ kind: string; guardianId?: string; answer: string }[]>(k.givers as never);
          const mine = givers.find((g) => isSameGiver(g as GiverRef, who))?.answer ?? null;
          const maturity = k.maturity === null ? null : parse<MaturityAssessment>(k.maturity as never);
          const needed =
            basis !== null && requiredGivers(basis.birthDate, basis.guardians, maturity, today, policy).givers.some((g) => isSameGiver(g, who));
          const unitWithdrawals = parse<{ unitId: string; on: string; by: string }[]>((k.unit_withdrawals ?? []) as never);
          const withdrawn = givers.some((g) => g.answer === 'withdrawn');
          const active = k.active_from !== null && k.active_from <= today && today <= (k.active_until ?? '');
          const status = withdrawn ? 'withdrawn' : active ? 'active' : k.valid_until < today ? 'expired' : 'pending';
          return {
            id: k.id,
            purpose: k.purpose_text,
            units: textArray(k.unit_ids).map((id) => units.get(id) ?? 'Okänd verksamhet'),
            unitChoices: textArray(k.unit_ids).map((id) => ({ id, name: units.get(id) ?? 'Okänd verksamhet', canWithdraw: id !== k.owner })),
            withdrawnUnits: unitWithdrawals.map((w) => ({
              name: units.get(w.unitId) ?? 'Okänd verksamhet',
              on: w.on,
              by: label(GIVER_PLAIN, w.by, GIVER_PLAIN.young_adult).sv,
              byEn: label(GIVER_PLAIN, w.by, GIVER_PLAIN.young_adult).en,
            })),
            about: textArray(k.categories).map((c) => label(CATEGORY_PLAIN, c, { sv: c, en: c }).sv),
            aboutEn: textArray(k.categories).map((c) => label(CATEGORY_PLAIN, c, { sv: c, en: c }).en),
            validFrom: k.valid_from,
            validUntil: k.valid_until,
            status: status as 'active' | 'withdrawn' | 'expired' | 'pending',
            statusText:
              status === 'active'
                ? `Gäller till och med ${k.valid_until}.`
                : status === 'withdrawn'
                  ? 'Samtycket är återkallat. Det gäller inte längre.'
                  : status === 'expired'
                    ? `Samtycket gällde till och med ${k.valid_until}.`
                    : 'Samtycket väntar på svar.',
            statusTextEn:
              status === 'active'
                ? `In force until ${k.valid_until}.`
                : status === 'withdrawn'
                  ? 'The consent is withdrawn. It no longer applies.'
                  : status === 'expired'
                    ? `The consent applied until ${k.valid_until}.`
                    : 'The consent is waiting for answers.',
            /** This person's own answer in the ledger (a guardian, the child or the young adult), null if never asked. */
            myAnswer: mine,
            canAnswer: needed && status === 'pending' && (mine === null || mine === 'not_asked' || mine === 'refused'),
          };
        });
      });
    },

    /**
     * The next team meeting about the child, whether the family is invited, and this person's own
     * words for it ("Det här vill jag säga"): the child's words for the child, the guardians'
     * words for a guardian. Null when no meeting with the child's case is planned.
     */
    nextMeeting(childHandle: string) {
      return withChild(childHandle, 'portal_next_meeting', async (tx, l, c) => {
        const meeting = await nextMeetingOf(tx, l, today);
        return { meeting, canKeepPrivate: await mayKeepPrivate(tx, l, c, today) };
      });
    },

    /**
     * Saves this person's words for the next meeting; they go straight into that meeting's agenda
     * item as the child's (or guardians') voice. `version` is the voice's version the person started
     * from (0 when there was none): a stale one gets 409 with the saved words, nothing is overwritten.
     * `keepPrivate` (the child only, when mayKeepPrivate allows): true keeps the child's words from
     * the guardians, false shows them; left out, the earlier choice stays.
     */
    saveWords(childHandle: string, words: string, version: number, keepPrivate?: boolean) {
      return withChild(childHandle, 'portal_write_voice', async (tx, l, c) => {
        const next = await nextMeetingOf(tx, l, today);
        if (!next)
          throw new AccessFailure('validation', [
            {
              field: 'words',
              message: 'Det finns inget möte inplanerat ännu. Du kan skriva när nästa möte är bestämt.',
              messageEn: 'No meeting is planned yet.',
            },
          ]);
        const text = words.trim();
        if (text.length > MAX_WORDS)
          throw new AccessFailure('validation', [
            { field: 'words', message: `Skriv högst ${MAX_WORDS} tecken.`, messageEn: `Write at most ${MAX_WORDS} characters.` },
          ]);
        if (keepPrivate !== undefined && (l.relation !== 'self' || (keepPrivate && !(await mayKeepPrivate(tx, l, c, today)))))
          throw notPrivateFailure('private', l.relation);
        if (next.version !== version) throw new PortalConflict(next);
        const column = l.relation === 'self' ? sql`child_words` : sql`guardian_words`;
        const flag = keepPrivate ?? next.wordsPrivate;
        // Written only if nobody saved in between (version check in the statement itself): otherwise 409.
        const written =
          next.version === 0
            ? await queryRows(
                tx,
                sql`insert into agenda_voices (agenda_item_id, tenant_id, unit_id, ${column}, family_status, updated_by, updated_via, child_words_private)
                  values (${next.agendaItemId}, ${l.tenantId}, ${next.ownerUnitId}, ${text || null}, 'not_invited', null, 'portal', ${flag})
                  on conflict (agenda_item_id) do nothing returning agenda_item_id`,
              )
            : await queryRows(
                tx,
                sql`update agenda_voices set ${column} = ${text || null}, version = version + 1, updated_by = null, updated_via = 'portal', updated_at = now()
                    ${l.relation === 'self' ? sql`, child_words_private = ${flag}` : sql``}
                  where agenda_item_id = ${next.agendaItemId} and version = ${version} returning agenda_item_id`,
              );
        if (written.length === 0) throw new PortalConflict((await nextMeetingOf(tx, l, today))!);
        await appendAudit(
          tx,
          { tenantId: l.tenantId },
          {
            action: 'write_voice',
            resourceType: 'agenda_voice',
            resourceId: next.agendaItemId,
            subjectChildId: l.childId,
            outcome: 'allowed',
            details: { portal: true, relation: l.relation, ...(l.relation === 'self' ? { private: flag } : {}) },
          },
        );
        return { meeting: (await nextMeetingOf(tx, l, today))!, canKeepPrivate: await mayKeepPrivate(tx, l, c, today) };
      });
    },

    /**
     * "Vem har läst om oss?": every staff access to the child's information, from the audit log,
     * with the unit, the role, the date, the purpose and the consent it relied on. Staff names only
     * when the organisation has chosen to show them. Portal reads and system actions are left out;
     * no other child's data and no security details (ids, addresses, sessions) are shown.
     */
    readLog(childHandle: string) {
      return withChild(childHandle, 'portal_read_log', async (tx, l, c) => {
        const [setting] = await queryRows<{ show: boolean | null }>(
          tx,
          sql`select (settings->>'portalShowStaffNames')::boolean as show from tenants where id = current_tenant()`,
        );
        const rows = await queryRows<{
          occurred_on: string;
          action: string;
          unit_id: string | null;
          unit: string | null;
          user_name: string | null;
          roles: string[] | string | null;
          purpose: string | null;
          consent_id: string | null;
        }>(
          tx,
          sql`select (a.occurred_at at time zone 'Europe/Stockholm')::date::text as occurred_on, a.action, a.acting_unit_id as unit_id,
              un.name as unit, u.display_name as user_name,
              (select array_agg(distinct m.role) from memberships m where m.user_id = a.actor_user_id and m.unit_id = a.acting_unit_id) as roles,
              a.purpose, a.consent_id
            from audit_log a left join units un on un.id = a.acting_unit_id left join users u on u.id = a.actor_user_id
            where a.subject_child_id = ${l.childId} and a.outcome = 'allowed' and a.actor_user_id is not null
            order by a.id desc limit 300`,
        );
        const consents = await queryRows<{ id: string; unit_ids: string[] | string; valid_from: string; valid_until: string }>(
          tx,
          sql`select id, unit_ids, valid_from::text as valid_from, valid_until::text as valid_until from consents where child_id = ${l.childId}`,
        );
        const basis = (r: (typeof rows)[number]): Bilingual => {
          if (r.unit_id === c.owning_unit_id)
            return {
              sv: 'Verksamheten har barnets uppgifter själv. Inget samtycke behövs.',
              en: "The unit holds the child's information itself. No consent is needed.",
            };
          const k =
            consents.find((x) => x.id === r.consent_id) ??
            consents.find((x) => textArray(x.unit_ids).includes(r.unit_id ?? '') && x.valid_from <= r.occurred_on && r.occurred_on <= x.valid_until);
          return k
            ? { sv: `Samtycket som gäller ${k.valid_from} till ${k.valid_until}.`, en: `The consent in force ${k.valid_from} to ${k.valid_until}.` }
            : { sv: 'Inget samtycke. Verksamheten såg bara uppgifter utan namn.', en: 'No consent. The unit saw only information without a name.' };
        };
        const show = setting?.show === true;
        return {
          staffNamesShown: show,
          items: rows.map((r) => {
            const what = label(ACTION_LABELS, r.action, { sv: 'Använde uppgifterna', en: 'Used the information' });
            const roles = textArray(r.roles).map((x) => label(ROLE_LABELS, x, { sv: x, en: x }));
            const purpose = label(PURPOSE_LABELS, r.purpose ?? '', PURPOSE_LABELS.samverkan!);
            const consent = basis(r);
            return {
              date: r.occurred_on,
              what: what.sv,
              whatEn: what.en,
              unit: r.unit ?? 'Okänd verksamhet',
              role: roles.map((x) => x.sv).join(', '),
              roleEn: roles.map((x) => x.en).join(', '),
              name: show ? r.user_name : null,
              purpose: purpose.sv,
              purposeEn: purpose.en,
              consent: consent.sv,
              consentEn: consent.en,
            };
          }),
        };
      });
    },
  };
}
