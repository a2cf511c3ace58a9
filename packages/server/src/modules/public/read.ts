import { sql } from 'drizzle-orm';
import { DEFAULT_WHEEL_AREAS, SUPPORT_KINDS, SUPPORT_LEVELS, type SupportKind, type SupportLevel } from '@samsyn/domain';
import { queryRows, textArray, type Db } from '../../db/driver.ts';

/*
 * The public page's reads. There is no session and so no tenant for row-level security: each
 * read goes through a SECURITY DEFINER function (migration 0019) that returns only public
 * columns. Hence the `system` prefix: these bypass the access choke point on purpose.
 */

export interface PublicOrganisation {
  id: string;
  name: string;
}

export interface PublicArea {
  key: string;
  labelSv: string;
  labelEn: string;
  position: number;
  retired: boolean;
}

/** One entry as the public sees it: no ids, no author, nothing about people. */
export interface PublicOffer {
  unitName: string;
  name: string;
  description: string;
  level: SupportLevel;
  ageMin: number;
  ageMax: number;
  areaKeys: string[];
  kind: SupportKind;
  howToGet: string;
  contactEmail: string | null;
  contactPhone: string | null;
  typicalWait: string;
  evidenceNote: string;
}

export async function systemListPublicOrganisations(db: Db): Promise<PublicOrganisation[]> {
  return queryRows<PublicOrganisation>(db, sql`select id, name from public_organisations()`);
}

/** The areas of the tenant's current wheel; the default areas when the tenant has not used the wheel yet. */
export async function systemPublicWheelAreas(db: Db, tenantId: string): Promise<PublicArea[]> {
  const rows = await queryRows<{ area_key: string; label_sv: string; label_en: string; area_position: number; retired: boolean }>(
    db,
    sql`select area_key, label_sv, label_en, area_position, retired from public_wheel_areas(${tenantId})`,
  );
  if (rows.length === 0)
    return DEFAULT_WHEEL_AREAS.map((a) => ({ key: a.key, labelSv: a.labelSv, labelEn: a.labelEn, position: a.position, retired: false }));
  return rows.map((r) => ({
    key: r.area_key,
    labelSv: r.label_sv,
    labelEn: r.label_en,
    position: Number(r.area_position),
    retired: r.retired === true,
  }));
}

interface OfferRow {
  unit_name: string;
  name: string;
  description: string;
  level: string;
  age_min: number;
  age_max: number;
  area_keys: string[] | string;
  kind: string;
  how_to_get: string;
  contact_email: string | null;
  contact_phone: string | null;
  typical_wait: string;
  evidence_note: string;
}

const isLevel = (v: string): v is SupportLevel => (SUPPORT_LEVELS as readonly string[]).includes(v);
const isKind = (v: string): v is SupportKind => (SUPPORT_KINDS as readonly string[]).includes(v);

/** Active entries of the tenant's active units. */
export async function systemListPublicOffers(db: Db, tenantId: string): Promise<PublicOffer[]> {
  const rows = await queryRows<OfferRow>(db, sql`select * from public_support_offers(${tenantId})`);
  return rows.flatMap((r) => {
    // The table's CHECK constraints make these always true; the guard keeps the types honest.
    if (!isLevel(r.level) || !isKind(r.kind)) return [];
    return [
      {
        unitName: r.unit_name,
        name: r.name,
        description: r.description,
        level: r.level,
        ageMin: Number(r.age_min),
        ageMax: Number(r.age_max),
        areaKeys: textArray(r.area_keys),
        kind: r.kind,
        howToGet: r.how_to_get,
        contactEmail: r.contact_email,
        contactPhone: r.contact_phone,
        typicalWait: r.typical_wait,
        evidenceNote: r.evidence_note,
      },
    ];
  });
}
