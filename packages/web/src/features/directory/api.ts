import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, isApiError } from '../../api/client';

/*
 * The "vem gör vad" directory (issue 6 §1). The codes follow packages/domain/src/directory/offer.ts
 * and the shapes the server's schemas in packages/server/src/modules/directory (the web cannot
 * import the domain's root entry, so they are repeated here; the labels are in the i18n files).
 */
export const SUPPORT_LEVELS = ['universal', 'selective', 'indicated'] as const;
export type SupportLevel = (typeof SUPPORT_LEVELS)[number];

export const SUPPORT_KINDS = ['service', 'bistand', 'health_care', 'school_support'] as const;
export type SupportKind = (typeof SUPPORT_KINDS)[number];

export interface SupportOffer {
  id: string;
  unit: { id: string; name: string };
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
  active: boolean;
  version: number;
  /** From the server: the user may change or retire this entry. */
  mayEdit: boolean;
}

export interface SupportOfferList {
  items: SupportOffer[];
  /** From the server: the units the user may add entries for (none for most users). */
  addableUnits: { id: string; name: string }[];
}

export interface SupportOfferBody {
  unitId: string;
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

/** The search as it is in the page's address (empty = any). */
export interface DirectoryFilter {
  area: string;
  age: string;
  level: string;
  unitId: string;
  q: string;
}

export const FILTER_KEYS = ['area', 'age', 'level', 'unitId', 'q'] as const;

export const directoryKeys = {
  all: ['support-offers'] as const,
  list: (f: DirectoryFilter) => ['support-offers', f] as const,
};

const retryServerErrors = (count: number, error: unknown) => !(isApiError(error) && error.status < 500) && count < 2;

export function useSupportOffers(filter: DirectoryFilter) {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) if (filter[key].trim() !== '') params.set(key, filter[key].trim());
  const query = params.toString();
  return useQuery({
    queryKey: directoryKeys.list(filter),
    queryFn: () => api.get<SupportOfferList>(`/support-offers${query ? `?${query}` : ''}`),
    placeholderData: keepPreviousData,
    retry: retryServerErrors,
  });
}

export const createSupportOffer = (body: SupportOfferBody) => api.post<SupportOffer>('/support-offers', body);

/** `active: false` takes the entry out of the directory. */
export const updateSupportOffer = (id: string, body: SupportOfferBody & { version: number; active: boolean }) =>
  api.put<SupportOffer>(`/support-offers/${encodeURIComponent(id)}`, body);

/** The saved entry as a request body (to retire it as it is). */
export const bodyOf = (o: SupportOffer): SupportOfferBody => ({
  unitId: o.unit.id,
  name: o.name,
  description: o.description,
  level: o.level,
  ageMin: o.ageMin,
  ageMax: o.ageMax,
  areaKeys: o.areaKeys,
  kind: o.kind,
  howToGet: o.howToGet,
  contactEmail: o.contactEmail,
  contactPhone: o.contactPhone,
  typicalWait: o.typicalWait,
  evidenceNote: o.evidenceNote,
});
