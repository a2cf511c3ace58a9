import { useTranslation } from 'react-i18next';
import type { PrincipalKind, Role, UnitType } from '../api/types';

/** Translated labels for domain codes. */
export function useLabels() {
  const { t } = useTranslation();
  return {
    role: (role: Role) => t(`roles.${role}`, { defaultValue: role }),
    unitType: (type: UnitType) => t(`unitTypes.${type}`, { defaultValue: type }),
    principalKind: (kind: PrincipalKind) => t(`principalKinds.${kind}`, { defaultValue: kind }),
    active: (active: boolean) => (active ? t('common.active') : t('common.inactive')),
  };
}
