import type { DefaultWheelAreaKey, SupportKind, SupportLevel } from '@samsyn/domain';
import { sql } from 'drizzle-orm';
import type { Tx } from '../db/driver.ts';
import { newId } from '../db/ids.ts';

interface DemoOffer {
  unit: string;
  name: string;
  description: string;
  level: SupportLevel;
  ageMin: number;
  ageMax: number;
  areaKeys: DefaultWheelAreaKey[];
  kind: SupportKind;
  howToGet: string;
  contactEmail: string | null;
  contactPhone: string | null;
  typicalWait: string;
  evidenceNote: string;
}

/**
 * Fictitious "vem gör vad" entries (issue 6 §1) for the demo units. Contacts are function
 * mailboxes and made-up numbers, never a person's own address (users have <username>@…).
 */
export const DEMO_SUPPORT_OFFERS: DemoOffer[] = [
  {
    unit: 'soc-oppen',
    name: 'Föräldraskapsstöd – ABC',
    description:
      'ABC (Alla Barn i Centrum) är fyra träffar i grupp för föräldrar. Ni pratar om att visa uppskattning, leka tillsammans och att hantera konflikter i vardagen.',
    level: 'selective',
    ageMin: 3,
    ageMax: 12,
    areaKeys: ['omvardad', 'trygg'],
    kind: 'service',
    howToGet: 'Ring eller mejla öppenvården. Du behöver ingen remiss och ingen ansökan.',
    contactEmail: 'oppenvarden@exempelby.example',
    contactPhone: '0999-12 34 50',
    typicalWait: 'En ny grupp startar ungefär var sjätte vecka.',
    evidenceNote: 'Föräldraskapsstöd är kostnadseffektivt (TSI-boken).',
  },
  {
    unit: 'eh-bjork',
    name: 'Samtalsstöd hos kurator',
    description: 'Enskilda samtal med skolans kurator om det som känns svårt, till exempel oro, bråk, ensamhet eller hur det är hemma.',
    level: 'indicated',
    ageMin: 6,
    ageMax: 12,
    areaKeys: ['ma_bra', 'trygg'],
    kind: 'school_support',
    howToGet: 'Eleven eller en vårdnadshavare kontaktar kuratorn direkt eller genom mentorn.',
    contactEmail: 'elevhalsan.bjorkskolan@exempelby.example',
    contactPhone: null,
    typicalWait: 'Oftast inom två veckor.',
    evidenceNote: '',
  },
  {
    unit: 'soc-oppen',
    name: 'Familjebehandling',
    description: 'Samtal med hela familjen, hemma eller hos oss, när det är svårt att få vardagen att fungera.',
    level: 'indicated',
    ageMin: 0,
    ageMax: 17,
    areaKeys: ['omvardad', 'trygg', 'respekterad'],
    kind: 'bistand',
    howToGet: 'Ansök hos socialtjänsten. En socialsekreterare utreder behovet och beslutar om insatsen.',
    contactEmail: 'oppenvarden@exempelby.example',
    contactPhone: '0999-12 34 50',
    typicalWait: 'Utredningen tar högst fyra månader.',
    evidenceNote: '',
  },
  {
    unit: 'bup',
    name: 'BUP första linjen – bedömningssamtal',
    description: 'Ett eller några samtal när ett barn eller en ungdom mår psykiskt dåligt, för att se vilken hjälp som passar.',
    level: 'indicated',
    ageMin: 6,
    ageMax: 17,
    areaKeys: ['ma_bra'],
    kind: 'health_care',
    howToGet: 'Ring BUP:s rådgivning. Du behöver ingen remiss.',
    contactEmail: null,
    contactPhone: '0999-40 00 00',
    typicalWait: 'Cirka fyra veckor till första samtalet.',
    evidenceNote: '',
  },
  {
    unit: 'umo',
    name: 'Ungdomsmottagningen',
    description: 'Hit kan unga komma med frågor om kropp, sex, relationer och hur man mår. Det är gratis.',
    level: 'universal',
    ageMin: 13,
    ageMax: 25,
    areaKeys: ['ma_bra', 'trygg'],
    kind: 'health_care',
    howToGet: 'Boka tid på telefon eller kom på drop-in.',
    contactEmail: null,
    contactPhone: '0999-40 10 10',
    typicalWait: 'Drop-in varje vardag, annars tid inom en vecka.',
    evidenceNote: '',
  },
  {
    unit: 'fritid',
    name: 'Fritidsgården Navet – öppen verksamhet',
    description: 'En plats att vara på efter skolan, med vuxna som finns där. Spel, musik, idrott och läxhjälp.',
    level: 'universal',
    ageMin: 10,
    ageMax: 17,
    areaKeys: ['aktiv', 'delaktig'],
    kind: 'service',
    howToGet: 'Kom förbi. Det är öppet måndag till fredag på eftermiddagen och kvällen.',
    contactEmail: 'navet@exempelby.example',
    contactPhone: null,
    typicalWait: 'Ingen väntetid.',
    evidenceNote: '',
  },
];

/** Writes the demo directory inside the tenant's own transaction; `updatedBy` is the admin. */
export async function insertDemoSupportOffers(tx: Tx, tenantId: string, unitIds: Map<string, string>, updatedBy: string): Promise<void> {
  for (const o of DEMO_SUPPORT_OFFERS) {
    const areaKeys = sql.join(
      o.areaKeys.map((k) => sql`${k}`),
      sql`, `,
    );
    await tx.execute(sql`insert into support_offers (id, tenant_id, unit_id, name, description, level, age_min, age_max, area_keys, kind, how_to_get,
        contact_email, contact_phone, typical_wait, evidence_note, updated_by)
      values (${newId()}, ${tenantId}, ${unitIds.get(o.unit)!}, ${o.name}, ${o.description}, ${o.level}, ${o.ageMin}, ${o.ageMax},
        array[${areaKeys}]::text[], ${o.kind}, ${o.howToGet}, ${o.contactEmail}, ${o.contactPhone}, ${o.typicalWait}, ${o.evidenceNote}, ${updatedBy})`);
  }
}
