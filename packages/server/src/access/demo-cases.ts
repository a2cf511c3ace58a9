import { sql } from 'drizzle-orm';
import { addDays, lastDayOfPeriod, toSwedishDate, type InformationCategory } from '@samsyn/domain';
import { queryRows, type Tx } from '../db/driver.ts';
import type { Actor } from './actor.ts';
import { appendAudit } from './audit.ts';
import { casesWriter } from './cases.write.ts';

export interface DemoCaseIds {
  users: { samordnare: string; teacher: string; kurator: string; soc: string };
  units: { ehBjork: string; bjork: string; socOppen: string; bup: string };
}

/**
 * Fictitious demo cases for the demo tenant, written through the same writer the API uses
 * (so every rule applies). The audit rows name the demo users as actors; a closing
 * 'seed_demo_cases' row records that this was the demo seed.
 */
export async function systemSeedDemoCases(tx: Tx, tenantId: string, ids: DemoCaseIds): Promise<void> {
  const today = toSwedishDate(new Date());
  const as = (userId: string, unitId: string, role: 'samordnare' | 'professional'): Actor => ({
    userId,
    tenantId,
    actingUnitId: unitId,
    roles: [role],
    sessionId: 'demo-seed',
  });
  const teacher = casesWriter(tx, as(ids.users.teacher, ids.units.bjork, 'professional'), 'samverkan', today);
  const sam = casesWriter(tx, as(ids.users.samordnare, ids.units.ehBjork, 'samordnare'), 'samverkan', today);
  const children = await queryRows<{ id: string }>(
    tx,
    sql`select id from children where owning_unit_id = ${ids.units.ehBjork} and birth_date > ${addDays(today, -11 * 365)}::date order by birth_date desc limit 3`,
  );
  const guardiansOf = async (childId: string) =>
    queryRows<{ id: string }>(tx, sql`select id from guardians where child_id = ${childId} and custody = 'vardnadshavare' order by name`);

  const signal = (noticed: string, kinds: string[]) =>
    teacher.createSignal({
      childId: null,
      recipientUnitId: ids.units.ehBjork,
      category: 'skolsituation',
      noticed,
      signalKinds: kinds,
      riskFactors: null,
      protectiveFactors: 'Har en nära kamrat i klassen.',
      actionsTaken: 'Mentorssamtal och kontakt med hemmet.',
      urgency: 'medel',
      reportOfConcern: 'nej',
    });

  // 1. An anonymous consultation from a teacher's signal.
  const s1 = await signal('Eleven har varit frånvarande var tredje dag sedan höstlovet och verkar trött.', ['skolfranvaro', 'maende']);
  const c1 = await sam.createCase({
    pseudonym: 'Elev A',
    ageBand: '10-12',
    description: 'Elev i åk 5 med ökande frånvaro och trötthet.',
    signalId: s1,
  });
  await sam.addEvent(c1, {
    category: 'skolsituation',
    occurredOn: today,
    text: 'Diskuterat avidentifierat i teamet. Förslag: samtal med vårdnadshavarna om samtycke.',
  });

  const consent = async (caseId: string, childId: string, categories: InformationCategory[], unitIds: string[], validUntil: string) => {
    await sam.linkChild(caseId, 1, childId);
    const guardians = await guardiansOf(childId);
    await sam.recordConsent(caseId, {
      purposeCategory: 'samordning_tsi_team',
      purposeText: 'Samordna stödet kring skolfrånvaro och mående i TSI-teamet.',
      unitIds,
      categories,
      validFrom: today,
      validUntil,
      givers: guardians.map((g) => ({
        giver: { kind: 'guardian' as const, guardianId: g.id },
        answer: 'given' as const,
        method: 'written' as const,
        documentedAt: today,
      })),
      maturity: null,
    });
  };

  // 2. Linked to a child, awaiting consent.
  if (children[0]) {
    const c2 = await sam.createCase({ pseudonym: 'Elev B', ageBand: '6-9', description: 'Oro för mående och kamratrelationer.', signalId: null });
    await sam.linkChild(c2, 1, children[0].id);
  }
  // 3. Active consent for school, social services' open care and BUP, with roles.
  if (children[1]) {
    const s3 = await signal('Eleven har svårt att koncentrera sig och har varit ledsen flera veckor.', ['maende', 'larande']);
    const c3 = await sam.createCase({
      pseudonym: 'Elev C',
      ageBand: '10-12',
      description: 'Nedstämdhet och koncentrationssvårigheter.',
      signalId: s3,
    });
    await consent(
      c3,
      children[1].id,
      ['skolsituation', 'familj_och_hem', 'halsa'],
      [ids.units.ehBjork, ids.units.bjork, ids.units.socOppen, ids.units.bup],
      lastDayOfPeriod(today, 12),
    );
    await sam.assignRole(c3, { userId: ids.users.kurator, unitId: ids.units.ehBjork, role: 'trygghetsperson' });
    await sam.assignRole(c3, { userId: ids.users.soc, unitId: ids.units.socOppen, role: 'involverad' });
    await sam.addEvent(c3, { category: 'skolsituation', occurredOn: today, text: 'Trygghetspersonen har haft ett första samtal med eleven.' });
  }
  // 4. A consent that runs out within 30 days: shows in the samordnare's overview.
  if (children[2]) {
    const c4 = await sam.createCase({ pseudonym: 'Elev D', ageBand: '6-9', description: 'Uppföljning av tidigare stöd i skolan.', signalId: null });
    await consent(c4, children[2].id, ['skolsituation'], [ids.units.ehBjork, ids.units.bjork], addDays(today, 20));
  }
  await appendAudit(tx, { tenantId }, { action: 'seed_demo_cases', resourceType: 'case', outcome: 'allowed', details: { reason: 'demo data' } });
}
