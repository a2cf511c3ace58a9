import { sql } from 'drizzle-orm';
import { addDays, fictitiousIdentityNumber, isoWeekday, lastDayOfPeriod, toSwedishDate } from '@samsyn/domain';
import type { Tx } from '../db/driver.ts';
import { queryRows } from '../db/driver.ts';
import { newId } from '../db/ids.ts';
import { agendaRepository } from '../access/agenda.ts';
import type { Actor } from '../access/actor.ts';
import { casesWriter } from '../access/cases.write.ts';
import { systemInsertChildren, type FieldCrypto } from '../access/index.ts';
import { meetingFollowUpRepository } from '../access/meeting-followup.ts';
import { createPortalAccount } from '../modules/portal/session.ts';

export interface DemoYoungIds {
  teamId: string;
  users: { samordnare: string; soc: string };
  units: { ehLind: string; lind: string; socFalt: string; bup: string; umo: string };
}

/**
 * The family portal's demo family (issue 7): "Elev E", a fictitious 13-year-old at Lindskolan
 * with the TSI team 7–9. The pupil health's samordnare has assessed her mature enough to take
 * part herself, so her own "ja" is in the consent (school, social services' field unit and BUP),
 * and she may keep words and wheel answers from her guardians. The next team meeting has her case
 * on the agenda with the family invited. A second consent (the youth clinic) waits for the
 * family's answers. Portal accounts: `portal.ung` (she) and `portal.foralder` (her first guardian).
 */
export async function seedDemoYoungPerson(tx: Tx, tenantId: string, crypto: FieldCrypto, passwordHash: string, ids: DemoYoungIds) {
  const today = toSwedishDate(new Date());
  const birthDate = addDays(today, -(13 * 365 + 120));
  const guardians = [
    { id: newId(), name: 'Annika Fiktivsson', identityNumber: fictitiousIdentityNumber('1982-04-12', 71) },
    { id: newId(), name: 'Jonas Fiktivsson', identityNumber: fictitiousIdentityNumber('1980-09-03', 72) },
  ];
  const child = {
    id: newId(),
    owningUnitId: ids.units.ehLind,
    givenName: 'Tilde',
    familyName: 'Fiktivsson',
    identityNumber: fictitiousIdentityNumber(birthDate, 70),
    birthDate,
    protectedIdentity: false,
    address: 'Påhittade gränd 7, 999 99 Exempelby',
    schoolUnitId: ids.units.lind,
    guardians: guardians.map((g, i) => ({
      ...g,
      custody: 'vardnadshavare' as const,
      phone: `070-000 ${3000 + i}`,
      email: i === 0 ? 'annika.f@exempel.example' : null,
      address: 'Påhittade gränd 7, 999 99 Exempelby',
    })),
  };
  await systemInsertChildren(tx, tenantId, crypto, [child], 'demo data');

  const sam: Actor = { userId: ids.users.samordnare, tenantId, actingUnitId: ids.units.ehLind, roles: ['samordnare'], sessionId: 'demo-seed' };
  const writer = casesWriter(tx, sam, 'samverkan', today);
  const caseId = await writer.createCase({
    pseudonym: 'Elev E',
    ageBand: '13-15',
    description: 'Skolfrånvaro, sömnsvårigheter och oro hemma.',
    signalId: null,
  });
  await writer.linkChild(caseId, 1, child.id);
  const maturity = {
    isMature: true,
    reasoning: 'Samtal med eleven om vad samtycket innebär. Hon förstår vad som delas och med vem, och kan ta ställning själv.',
    assessedAt: today,
  };
  const everyone = (answer: 'given' | 'not_asked') => [
    ...guardians.map((g) => ({
      giver: { kind: 'guardian' as const, guardianId: g.id },
      answer,
      method: answer === 'given' ? ('written' as const) : null,
      documentedAt: answer === 'given' ? today : null,
    })),
    {
      giver: { kind: 'child' as const },
      answer,
      method: answer === 'given' ? ('oral' as const) : null,
      documentedAt: answer === 'given' ? today : null,
    },
  ];
  await writer.recordConsent(caseId, {
    purposeCategory: 'samordning_tsi_team',
    purposeText: 'Samordna stödet kring skolfrånvaro och sömn i TSI-teamet.',
    unitIds: [ids.units.ehLind, ids.units.lind, ids.units.socFalt, ids.units.bup],
    categories: ['skolsituation', 'familj_och_hem', 'halsa', 'bedomningar_och_planer'],
    validFrom: today,
    validUntil: lastDayOfPeriod(today, 12),
    givers: everyone('given'),
    maturity,
  });
  await writer.recordConsent(caseId, {
    purposeCategory: 'samordning_tsi_team',
    purposeText: 'Samtal hos ungdomsmottagningen om sömn och oro.',
    unitIds: [ids.units.ehLind, ids.units.umo],
    categories: ['halsa'],
    validFrom: today,
    validUntil: lastDayOfPeriod(today, 6),
    givers: everyone('not_asked'),
    maturity,
  });
  await writer.assignRole(caseId, { userId: ids.users.soc, unitId: ids.units.socFalt, role: 'involverad' });
  await writer.addEvent(caseId, { category: 'skolsituation', occurredOn: today, text: 'Första samtalet med eleven och vårdnadshavarna.' });

  // The next team meeting, a week ahead on a weekday, with her case on the agenda and the family invited.
  let date = addDays(today, 7);
  while (isoWeekday(date) > 5) date = addDays(date, 1);
  const meetingId = newId();
  await tx.execute(sql`insert into meetings (id, tenant_id, team_id, series_id, date, start_time, end_time, starts_at, ends_at, location)
    values (${meetingId}, ${tenantId}, ${ids.teamId}, null, ${date}::date, '14:00', '15:30',
      (${date}::date + '14:00'::time) at time zone 'Europe/Stockholm', (${date}::date + '15:30'::time) at time zone 'Europe/Stockholm',
      'Lindskolan, konferensrum 2')`);
  await agendaRepository(tx, sam, 'samverkan', today).add(meetingId, {
    kind: 'case',
    caseId,
    title: null,
    description: 'Skolfrånvaro och sömn.',
    invitedUnitIds: [ids.units.socFalt, ids.units.bup],
  });
  const [item] = await queryRows<{ id: string }>(tx, sql`select id from agenda_items where meeting_id = ${meetingId} and case_id = ${caseId}`);
  await meetingFollowUpRepository(tx, sam, 'samverkan', today).saveVoice(item!.id, 0, {
    childWords: null,
    guardianWords: null,
    familyStatus: 'invited',
  });

  await createPortalAccount(tx, {
    username: 'portal.ung',
    password: { hash: passwordHash },
    identityHash: crypto.keyedHash(child.identityNumber),
    displayName: `${child.givenName} ${child.familyName}`,
  });
  await createPortalAccount(tx, {
    username: 'portal.foralder',
    password: { hash: passwordHash },
    identityHash: crypto.keyedHash(guardians[0]!.identityNumber),
    displayName: guardians[0]!.name,
  });
}
