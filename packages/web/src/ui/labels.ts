import { useTranslation } from 'react-i18next';
import type { CustodyType, PrincipalKind, Role, UnitType } from '../api/types';

/** Translated labels for domain codes. */
export function useLabels() {
  const { t } = useTranslation();
  return {
    role: (role: Role) => t(`roles.${role}`, { defaultValue: role }),
    unitType: (type: UnitType) => t(`unitTypes.${type}`, { defaultValue: type }),
    principalKind: (kind: PrincipalKind) => t(`principalKinds.${kind}`, { defaultValue: kind }),
    custody: (custody: CustodyType) => t(`custodyTypes.${custody}`, { defaultValue: custody }),
    active: (active: boolean) => (active ? t('common.active') : t('common.inactive')),
  };
}
