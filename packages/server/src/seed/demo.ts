import { newId } from '../db/ids.ts';
import { hash } from '@node-rs/argon2';
import { fictitiousIdentityNumber, type UnitType } from '@samsyn/domain';
import { sql } from 'drizzle-orm';
import { queryRows } from '../db/driver.ts';
import { createPortalAccount } from '../modules/portal/session.ts';
import { appendAudit, systemInsertChildren, systemSeedDemoCases, withTenantTx, type FieldCrypto, type NewChild } from '../access/index.ts';
import { systemSeedDemoMeetings } from '../access/demo-meetings.ts';
import type { Db, Tx } from '../db/driver.ts';
import { memberships, principals, teamMembers, teams, tenants, units, users } from '../db/schema.ts';
import { insertDemoSupportOffers } from './demo-directory.ts';
import { seedDemoYoungPerson } from './demo-young.ts';
import { DEMO_PASSWORD, DEMO_TEAMS, DEMO_UNITS, DEMO_USERS, FAMILY_NAMES, GIVEN_NAMES, GUARDIAN_GIVEN } from './demo-org.ts';

export { DEMO_PASSWORD, DEMO_USERS } from './demo-org.ts';

export interface SeedResult {
  seeded: boolean;
  tenantId: string;
  otherTenantId: string;
}

/** True when the database holds no tenant yet. */
export async function isEmpty(db: Db): Promise<boolean> {
  const res = await db.execute(sql`select count(*)::int as n from audit_tenants()`);
  return Number((res.rows[0] as { n: number }).n) === 0;
}

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Seeds the fictitious demo organisation. Does nothing if any tenant exists. */
export async function seedDemo(db: Db, crypto: FieldCrypto, opts: { meetings?: boolean } = {}): Promise<SeedResult | null> {
  if (!(await isEmpty(db))) return null;
  // One hash for all demo accounts keeps the seed fast; real accounts each get their own.
  const passwordHash = await hash(DEMO_PASSWORD);
  const tenantId = newId();
  await withTenantTx(db, tenantId, (tx) => seedMainTenant(tx, tenantId, passwordHash, crypto, opts.meetings ?? true));
  const otherTenantId = newId();
  await withTenantTx(db, otherTenantId, (tx) => seedOtherTenant(tx, otherTenantId, passwordHash, crypto));
  return { seeded: true, tenantId, otherTenantId };
}

async function seedMainTenant(tx: Tx, tenantId: string, passwordHash: string, crypto: FieldCrypto, meetings: boolean): Promise<void> {
  await tx.insert(tenants).values({ id: tenantId, name: 'Samverkan Exempellän', kind: 'samverkan', settings: { feedbackWorkingDays: 5 } });
  const principalIds = { kommun: newId(), region: newId(), polis: newId(), it: '' };
  principalIds.it = principalIds.kommun;
  await tx.insert(principals).values([
    { id: principalIds.kommun, tenantId, name: 'Exempelby kommun', kind: 'kommun' },
    { id: principalIds.region, tenantId, name: 'Region Exempel', kind: 'region' },
    { id: principalIds.polis, tenantId, name: 'Polismyndigheten', kind: 'stat' },
  ]);
  const unitIds = new Map<string, string>();
  for (const u of DEMO_UNITS) unitIds.set(u.key, newId());
  await tx
    .insert(units)
    .values(DEMO_UNITS.map((u) => ({ id: unitIds.get(u.key)!, tenantId, principalId: principalIds[u.principal], name: u.name, type: u.type })));

  const userIds = new Map<string, string>();
  for (const u of DEMO_USERS) userIds.set(u.username, newId());
  await tx.insert(users).values(
    DEMO_USERS.map((u) => ({
      id: userIds.get(u.username)!,
      tenantId,
      username: u.username,
      displayName: u.displayName,
      email: `${u.username}@exempelby.example`,
      passwordHash,
    })),
  );
  await tx
    .insert(memberships)
    .values(
      DEMO_USERS.flatMap((u) =>
        u.memberships.map((m) => ({ id: newId(), tenantId, userId: userIds.get(u.username)!, unitId: unitIds.get(m.unit)!, role: m.role })),
      ),
    );
  const teamIds = new Map<string, string>();
  for (const t of DEMO_TEAMS) {
    const teamId = newId();
    teamIds.set(t.name, teamId);
    await tx
      .insert(teams)
      .values({ id: teamId, tenantId, name: t.name, ageMin: t.ageMin, ageMax: t.ageMax, targetDescription: t.targetDescription, theme: t.theme });
    await tx
      .insert(teamMembers)
      .values(
        t.members.map((m) => ({ tenantId, teamId, userId: userIds.get(m.username)!, unitId: unitIds.get(m.unit)!, isSamordnare: m.isSamordnare })),
      );
  }
  await insertDemoSupportOffers(tx, tenantId, unitIds, userIds.get('admin')!);
  const kids = demoChildren(unitIds);
  await systemInsertChildren(tx, tenantId, crypto, kids, 'demo data');
  await systemSeedDemoCases(tx, tenantId, {
    users: {
      samordnare: userIds.get('samordnare.f6')!,
      teacher: userIds.get('larare.bjork')!,
      kurator: userIds.get('kurator.bjork')!,
      soc: userIds.get('soc.oppen')!,
    },
    units: { ehBjork: unitIds.get('eh-bjork')!, bjork: unitIds.get('bjork')!, socOppen: unitIds.get('soc-oppen')!, bup: unitIds.get('bup')! },
  });
  await seedPortalAccounts(tx, crypto, passwordHash, kids);
  const f6 = [...teamIds].find(([name]) => name.startsWith('TSI-team F–6'))?.[1];
  if (meetings && f6)
    await systemSeedDemoMeetings(tx, tenantId, {
      teamId: f6,
      users: {
        samordnare: userIds.get('samordnare.f6')!,
        kurator: userIds.get('kurator.bjork')!,
        soc: userIds.get('soc.oppen')!,
        bup: userIds.get('bup')!,
      },
      units: { ehBjork: unitIds.get('eh-bjork')!, bjork: unitIds.get('bjork')!, socOppen: unitIds.get('soc-oppen')!, bup: unitIds.get('bup')! },
    });
  const team79 = [...teamIds].find(([name]) => name.startsWith('TSI-team 7–9'))?.[1];
  if (meetings && team79)
    await seedDemoYoungPerson(tx, tenantId, crypto, passwordHash, {
      teamId: team79,
      users: { samordnare: userIds.get('samordnare.79')!, soc: userIds.get('soc.falt')! },
      units: {
        ehLind: unitIds.get('eh-lind')!,
        lind: unitIds.get('lind')!,
        socFalt: unitIds.get('soc-falt')!,
        bup: unitIds.get('bup')!,
        umo: unitIds.get('umo')!,
      },
    });
  await appendAudit(tx, { tenantId }, { action: 'seed_demo', resourceType: 'tenant', resourceId: tenantId, outcome: 'allowed' });
}

/** 44 fictitious children spread over school health, social services and health care. */
/**
 * Demo portal accounts (issue 7): the child of "Elev C" and their first guardian, signing in
 * with the demo password instead of e-ID. Linked by the keyed hash of their fictitious
 * personnummer, exactly as an e-ID sign-in would be.
 */
async function seedPortalAccounts(tx: Tx, crypto: FieldCrypto, passwordHash: string, kids: NewChild[]): Promise<void> {
  const [row] = await queryRows<{ child_id: string }>(tx, sql`select child_id from cases where pseudonym = 'Elev C' and child_id is not null`);
  const child = kids.find((k) => k.id === row?.child_id);
  const guardian = child?.guardians[0];
  if (!child || !guardian?.identityNumber) return;
  await createPortalAccount(tx, {
    username: 'portal.vardnadshavare',
    password: { hash: passwordHash },
    identityHash: crypto.keyedHash(guardian.identityNumber),
    displayName: guardian.name,
  });
  await createPortalAccount(tx, {
    username: 'portal.barn',
    password: { hash: passwordHash },
    identityHash: crypto.keyedHash(child.identityNumber),
    displayName: `${child.givenName} ${child.familyName}`,
  });
}

function demoChildren(unitIds: Map<string, string>): NewChild[] {
  const owners: { unit: string; school: string | null; minAge: number; maxAge: number }[] = [
    { unit: 'eh-bjork', school: 'bjork', minAge: 6, maxAge: 12 },
    { unit: 'eh-ek', school: 'ek', minAge: 6, maxAge: 12 },
    { unit: 'eh-lind', school: 'lind', minAge: 13, maxAge: 15 },
    { unit: 'eh-gy', school: 'gy', minAge: 16, maxAge: 18 },
    { unit: 'soc-oppen', school: 'lind', minAge: 8, maxAge: 15 },
    { unit: 'soc-falt', school: 'lind', minAge: 13, maxAge: 17 },
    { unit: 'bvc', school: null, minAge: 0, maxAge: 5 },
    { unit: 'bup', school: 'ek', minAge: 7, maxAge: 17 },
  ];
  const out: NewChild[] = [];
  for (let i = 0; i < 44; i++) {
    const owner = owners[i % owners.length]!;
    const age = owner.minAge + (i % (owner.maxAge - owner.minAge + 1));
    const birthDate = addDays(`${2026 - age - 1}-01-15`, (i * 37) % 330);
    const family = FAMILY_NAMES[i % FAMILY_NAMES.length]!;
    const given = GIVEN_NAMES[i % GIVEN_NAMES.length]!;
    const guardians: NewChild['guardians'] = [
      {
        id: newId(),
        name: `${GUARDIAN_GIVEN[i % GUARDIAN_GIVEN.length]} ${family}`,
        custody: 'vardnadshavare',
        identityNumber: fictitiousIdentityNumber(addDays('1978-03-01', i * 53), i + 3),
        phone: `070-000 ${String(1000 + i).slice(-4)}`,
        email: `vh${i}@exempel.example`,
        address: `Påhittade vägen ${i + 1}, 999 99 Exempelby`,
      },
    ];
    if (i % 3 !== 0) {
      guardians.push({
        id: newId(),
        name: `${GUARDIAN_GIVEN[(i + 5) % GUARDIAN_GIVEN.length]} ${family}`,
        custody: 'vardnadshavare',
        identityNumber: fictitiousIdentityNumber(addDays('1980-06-01', i * 41), i + 11),
        phone: `070-000 ${String(2000 + i).slice(-4)}`,
        email: null,
        address: null,
      });
    }
    out.push({
      id: newId(),
      owningUnitId: unitIds.get(owner.unit)!,
      givenName: given,
      familyName: family,
      identityNumber: fictitiousIdentityNumber(birthDate, i),
      birthDate,
      // Two children have skyddade personuppgifter to show the masking.
      protectedIdentity: i === 4 || i === 17,
      address: `Påhittade vägen ${i + 1}, 999 99 Exempelby`,
      schoolUnitId: owner.school ? unitIds.get(owner.school)! : null,
      guardians,
    });
  }
  return out;
}

async function seedOtherTenant(tx: Tx, tenantId: string, passwordHash: string, crypto: FieldCrypto): Promise<void> {
  await tx.insert(tenants).values({ id: tenantId, name: 'Testköpings kommun', kind: 'kommun' });
  const principalId = newId();
  await tx.insert(principals).values({ id: principalId, tenantId, name: 'Testköpings kommun', kind: 'kommun' });
  const unitId = newId();
  const type: UnitType = 'elevhalsa';
  await tx.insert(units).values({ id: unitId, tenantId, principalId, name: 'Elevhälsan Testköping', type });
  const adminId = newId();
  const profId = newId();
  await tx.insert(users).values([
    { id: adminId, tenantId, username: 'testkoping.admin', displayName: 'Tore Testköping', passwordHash },
    { id: profId, tenantId, username: 'testkoping.kurator', displayName: 'Tilda Testköping', passwordHash },
  ]);
  await tx.insert(memberships).values([
    { id: newId(), tenantId, userId: adminId, unitId, role: 'systemadministrator' },
    { id: newId(), tenantId, userId: profId, unitId, role: 'professional' },
  ]);
  await systemInsertChildren(
    tx,
    tenantId,
    crypto,
    [0, 1].map((i) => ({
      id: newId(),
      owningUnitId: unitId,
      givenName: i === 0 ? 'Tindra' : 'Tage',
      familyName: 'Annankommunsson',
      identityNumber: fictitiousIdentityNumber(`2015-0${i + 2}-10`, 90 + i),
      birthDate: `2015-0${i + 2}-10`,
      protectedIdentity: false,
      address: null,
      schoolUnitId: null,
      guardians: [],
    })),
    'demo data',
  );
}

/** Empties every table (owner privileges) so the demo can be seeded again. */
export async function ownerTruncateAll(ownerQuery: (text: string) => Promise<unknown>): Promise<void> {
  await ownerQuery(
    'TRUNCATE portal_sessions, portal_accounts, audit_chain, audit_log, guardians, children, sessions, team_members, teams, memberships, users, units, principals, tenants RESTART IDENTITY CASCADE',
  );
}
