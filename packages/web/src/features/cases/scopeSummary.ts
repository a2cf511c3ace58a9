import { useTranslation } from 'react-i18next';
import type { InformationCategory, PurposeCategory } from '../../api/types';
import { useCaseLabels } from './labels';

export interface ScopeDraft {
  purposeCategory: PurposeCategory | '';
  purposeText: string;
  unitNames: string[];
  categories: InformationCategory[];
  validFrom: string;
  validUntil: string;
}

/** "a", "a och b", "a, b och c" (no comma before the last "och"/"and" in Swedish; kept simple in English too). */
function joinList(items: string[], and: string): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}

/**
 * A plain-language summary of a consent's scope while it is being written:
 * "Samtycket gäller … mellan … om … från … till och med …". Built in the browser so it follows every edit;
 * the server's own summary (summarySv) is shown on the recorded consent.
 */
export function useScopeSummary() {
  const { t, i18n } = useTranslation();
  const labels = useCaseLabels();
  return (draft: ScopeDraft): string[] => {
    if (draft.unitNames.length === 0 || draft.categories.length === 0 || !draft.purposeCategory) return [t('consent.form.summaryEmpty')];
    const and = t('consent.form.and');
    const lower = i18n.language === 'en' ? (s: string) => s.charAt(0).toLowerCase() + s.slice(1) : (s: string) => s.toLowerCase();
    const categories = joinList(
      draft.categories.map((c) => lower(labels.category(c))),
      and,
    );
    const text = draft.purposeText.trim();
    const purpose = t(`consent.form.purposePhrase.${draft.purposeCategory}`);
    const values = {
      purpose,
      units: joinList(draft.unitNames, and),
      categories,
      from: draft.validFrom || '…',
      until: draft.validUntil || '…',
    };
    const sentences = [draft.unitNames.length === 1 ? t('consent.form.summaryOne', values) : t('consent.form.summaryMany', values)];
    if (text) sentences.push(`${t('consent.form.summaryPurposeText', { text })}${/[.!?]$/.test(text) ? '' : '.'}`);
    sentences.push(t('consent.form.summaryWithdraw'));
    return sentences;
  };
}
