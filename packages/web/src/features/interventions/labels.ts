import { useTranslation } from 'react-i18next';
import type { EndReason, InterventionStatus, InterventionType } from './api';

/** Translated labels for the codes of interventions (statuses, kinds of support, end reasons). */
export function useInterventionLabels() {
  const { t } = useTranslation();
  return {
    status: (s: InterventionStatus) => t(`interventions.statuses.${s}`, { defaultValue: s }),
    type: (k: InterventionType) => t(`interventions.types.${k}`, { defaultValue: k }),
    endReason: (r: EndReason | string) => t(`interventions.endReasons.${r}`, { defaultValue: r }),
    category: (c: string) => t(`informationCategories.${c}`, { defaultValue: c }),
  };
}

/** Colour of a status tag (the tag's text says the status; the colour only adds to it). */
export function statusColor(s: InterventionStatus): 'info' | 'warning' | 'success' | 'danger' | 'neutral' {
  if (s === 'requested') return 'warning';
  if (s === 'accepted') return 'info';
  if (s === 'started') return 'success';
  if (s === 'declined') return 'danger';
  return 'neutral';
}
