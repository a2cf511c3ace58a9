import type { Role, UnitType } from '@samsyn/domain';

/** Fictitious organisation for the demo. Every person and place here is made up. */
export const DEMO_PASSWORD = 'Samsyn-demo-2026';

export interface DemoUnit {
  key: string;
  name: string;
  type: UnitType;
  principal: 'kommun' | 'region' | 'polis' | 'it';
}

export const DEMO_UNITS: DemoUnit[] = [
  { key: 'it', name: 'Exempelby kommun – IT och administration', type: 'ovrigt', principal: 'kommun' },
  { key: 'bjork', name: 'Björkskolan F–6', type: 'grundskola', principal: 'kommun' },
  { key: 'ek', name: 'Ekskolan F–6', type: 'grundskola', principal: 'kommun' },
  { key: 'lind', name: 'Lindskolan 7–9', type: 'grundskola', principal: 'kommun' },
  { key: 'gy', name: 'Exempelby gymnasium', type: 'gymnasieskola', principal: 'kommun' },
  { key: 'eh-bjork', name: 'Elevhälsan Björkskolan', type: 'elevhalsa', principal: 'kommun' },
  { key: 'eh-ek', name: 'Elevhälsan Ekskolan', type: 'elevhalsa', principal: 'kommun' },
  { key: 'eh-lind', name: 'Elevhälsan Lindskolan', type: 'elevhalsa', principal: 'kommun' },
  { key: 'eh-gy', name: 'Elevhälsan Exempelby gymnasium', type: 'elevhalsa', principal: 'kommun' },
  { key: 'soc-oppen', name: 'Socialtjänsten – öppenvården', type: 'socialtjanst', principal: 'kommun' },
  { key: 'soc-falt', name: 'Socialtjänsten – fältgruppen', type: 'socialtjanst', principal: 'kommun' },
  { key: 'fritid', name: 'Fritidsgården Navet', type: 'fritid', principal: 'kommun' },
  { key: 'bvc', name: 'BVC Exempelby', type: 'bvc', principal: 'region' },
  { key: 'vc', name: 'Vårdcentralen Exempelby', type: 'vardcentral', principal: 'region' },
  { key: 'umo', name: 'Ungdomsmottagningen Exempelby', type: 'ungdomsmottagning', principal: 'region' },
  { key: 'bup', name: 'BUP Region Exempel', type: 'bup', principal: 'region' },
  { key: 'hab', name: 'Habiliteringen Region Exempel', type: 'habilitering', principal: 'region' },
  { key: 'polis', name: 'Lokalpolisområde Exempelby', type: 'polis', principal: 'polis' },
];

export interface DemoUser {
  username: string;
  displayName: string;
  memberships: { unit: string; role: Role }[];
}

export const DEMO_USERS: DemoUser[] = [
  { username: 'admin', displayName: 'Alva Administratör', memberships: [{ unit: 'it', role: 'systemadministrator' }] },
  { username: 'logg', displayName: 'Leo Logggranskare', memberships: [{ unit: 'it', role: 'logggranskare' }] },
  {
    username: 'samordnare.f6',
    displayName: 'Sara Lind',
    memberships: [
      { unit: 'eh-bjork', role: 'samordnare' },
      { unit: 'eh-ek', role: 'samordnare' },
    ],
  },
  { username: 'samordnare.79', displayName: 'Samir Holm', memberships: [{ unit: 'eh-lind', role: 'samordnare' }] },
  { username: 'kurator.bjork', displayName: 'Karin Berg', memberships: [{ unit: 'eh-bjork', role: 'professional' }] },
  { username: 'skolskoterska.ek', displayName: 'Elin Ek', memberships: [{ unit: 'eh-ek', role: 'professional' }] },
  { username: 'larare.bjork', displayName: 'Tove Lärk', memberships: [{ unit: 'bjork', role: 'professional' }] },
  { username: 'larare.lind', displayName: 'Lars Strand', memberships: [{ unit: 'lind', role: 'professional' }] },
  { username: 'rektor.bjork', displayName: 'Rut Ahlström', memberships: [{ unit: 'bjork', role: 'chef' }] },
  { username: 'soc.oppen', displayName: 'Omar Sandberg', memberships: [{ unit: 'soc-oppen', role: 'professional' }] },
  { username: 'soc.falt', displayName: 'Fia Nyström', memberships: [{ unit: 'soc-falt', role: 'professional' }] },
  { username: 'chef.soc', displayName: 'Cecilia Dahl', memberships: [{ unit: 'soc-oppen', role: 'chef' }] },
  { username: 'bvc', displayName: 'Bodil Vik', memberships: [{ unit: 'bvc', role: 'professional' }] },
  { username: 'vc', displayName: 'Viktor Carlsson', memberships: [{ unit: 'vc', role: 'professional' }] },
  { username: 'umo', displayName: 'Ulla Moberg', memberships: [{ unit: 'umo', role: 'professional' }] },
  { username: 'bup', displayName: 'Bertil Upmark', memberships: [{ unit: 'bup', role: 'professional' }] },
  { username: 'hab', displayName: 'Hanna Albinsson', memberships: [{ unit: 'hab', role: 'professional' }] },
  { username: 'polis', displayName: 'Per Olsson', memberships: [{ unit: 'polis', role: 'professional' }] },
  { username: 'fritid', displayName: 'Frida Tidström', memberships: [{ unit: 'fritid', role: 'professional' }] },
  {
    username: 'maja.flerroll',
    displayName: 'Maja Flerroll',
    memberships: [
      { unit: 'eh-gy', role: 'professional' },
      { unit: 'soc-falt', role: 'professional' },
    ],
  },
];

export const DEMO_TEAMS = [
  {
    name: 'TSI-team F–6 Björkskolan och Ekskolan',
    ageMin: 6,
    ageMax: 12,
    targetDescription: 'Elever i förskoleklass till årskurs 6 på Björkskolan och Ekskolan',
    theme: null,
    members: [
      { username: 'samordnare.f6', unit: 'eh-bjork', isSamordnare: true },
      { username: 'kurator.bjork', unit: 'eh-bjork', isSamordnare: false },
      { username: 'skolskoterska.ek', unit: 'eh-ek', isSamordnare: false },
      { username: 'soc.oppen', unit: 'soc-oppen', isSamordnare: false },
      { username: 'vc', unit: 'vc', isSamordnare: false },
      { username: 'bup', unit: 'bup', isSamordnare: false },
    ],
  },
  {
    name: 'TSI-team 7–9 Lindskolan (SSPF)',
    ageMin: 13,
    ageMax: 16,
    targetDescription: 'Elever i årskurs 7–9 på Lindskolan',
    theme: 'SSPF – skola, socialtjänst, polis och fritid',
    members: [
      { username: 'samordnare.79', unit: 'eh-lind', isSamordnare: true },
      { username: 'larare.lind', unit: 'lind', isSamordnare: false },
      { username: 'soc.falt', unit: 'soc-falt', isSamordnare: false },
      { username: 'polis', unit: 'polis', isSamordnare: false },
      { username: 'fritid', unit: 'fritid', isSamordnare: false },
      { username: 'umo', unit: 'umo', isSamordnare: false },
    ],
  },
];

export const GIVEN_NAMES = [
  'Alva',
  'Elias',
  'Maja',
  'Noah',
  'Ella',
  'Hugo',
  'Wilma',
  'Liam',
  'Saga',
  'William',
  'Alice',
  'Oscar',
  'Vera',
  'Lucas',
  'Selma',
  'Adam',
  'Astrid',
  'Nils',
  'Ebba',
  'Ali',
  'Leah',
  'Ivar',
  'Juni',
  'Malik',
  'Nora',
  'Sixten',
  'Tyra',
  'Yusuf',
  'Stina',
  'Viggo',
];
export const FAMILY_NAMES = [
  'Exempelsson',
  'Testberg',
  'Påhittad',
  'Demolin',
  'Fiktivsson',
  'Provström',
  'Låtsasgren',
  'Övningsdal',
  'Modellund',
  'Mönstervik',
];
export const GUARDIAN_GIVEN = ['Anna', 'Johan', 'Fatima', 'Erik', 'Lena', 'Mikael', 'Sofia', 'Ahmed', 'Karin', 'Peter', 'Maria', 'Hassan'];
