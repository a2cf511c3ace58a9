/** A consent's scope in plain Swedish, for the scope editor and for the family to read. */
import type { UnitNameLookup } from './access.ts';
import { formatDateSv } from './dates.ts';
import { capitalize, joinSv } from './text.ts';
import { INFORMATION_CATEGORY_LABELS, type ConsentScope, type IsoDate, type PurposeCategory } from './types.ts';

const PURPOSE_PHRASE_SV: Record<Exclude<PurposeCategory, 'annat'>, string> = {
  samordning_tsi_team: 'för samordning av stöd i TSI-team',
  sip: 'för att ta fram och följa upp en samordnad individuell plan (SIP)',
  overlamning: 'för överlämning av stöd mellan verksamheterna',
};

/**
 * One paragraph saying exactly what the consent allows: which units, which kinds of
 * information, for what, and for how long. Consent must be informed and no wider than the
 * person intends (GDPR art. 4.11 and 7; TSI-boken 001:430), and the person must be told
 * before consenting that they can withdraw at any time (GDPR art. 7.3), so the summary says so.
 * Unit names come from `unitName`; unknown units show their id.
 */
export function describeScopeSv(scope: ConsentScope, unitName?: UnitNameLookup, period?: { validFrom: IsoDate; validUntil: IsoDate }): string {
  const units = [...new Set(scope.unitIds)].map((id) => unitName?.(id) ?? id);
  const categories = [...new Set(scope.categories)].map((c) => {
    const label = INFORMATION_CATEGORY_LABELS[c]?.sv ?? c;
    return label.charAt(0).toLowerCase() + label.slice(1);
  });
  if (units.length === 0 || categories.length === 0) return 'Samtycket omfattar ännu inga verksamheter eller uppgifter.';

  const text = scope.purposeText.trim();
  const purpose = scope.purposeCategory === 'annat' ? `för följande syfte: ”${text || 'inte angivet'}”` : PURPOSE_PHRASE_SV[scope.purposeCategory];
  const exchange =
    units.length === 1
      ? `${units[0]} får använda uppgifter om ${joinSv(categories)}`
      : `${joinSv(units)} får dela uppgifter om ${joinSv(categories)} med varandra`;
  const when = period ? `, från ${formatDateSv(period.validFrom)} till ${formatDateSv(period.validUntil)}` : '';
  const sentences = [capitalize(`${exchange} ${purpose}${when}.`)];
  if (scope.purposeCategory !== 'annat' && text) sentences.push(`Syftet beskrivs så här: ”${text}”.`);
  sentences.push('Andra uppgifter och andra verksamheter omfattas inte. Samtycket kan när som helst återkallas.');
  return sentences.join(' ');
}
