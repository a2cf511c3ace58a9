import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useLocation, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { setActingUnit, ME_KEY } from '../api/me';
import type { Me } from '../api/types';
import { isApiError } from '../api/client';
import { useLocalize } from '../i18n/localize';
import { SelectField } from './SelectField';
import { useLabels } from './labels';
import { isSamordnare } from './MainNav';

/** Native select "Agerar för": the units the user has memberships in. */
export function ActingUnitSwitcher({ me }: { me: Me }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const labels = useLabels();
  const qc = useQueryClient();
  const location = useLocation();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [announced, setAnnounced] = useState('');

  const units = new Map<string, Me['memberships'][number]>();
  for (const m of me.memberships) if (!units.has(m.unitId)) units.set(m.unitId, m);
  if (!units.has(me.actingUnit.id)) {
    units.set(me.actingUnit.id, {
      unitId: me.actingUnit.id,
      unitName: me.actingUnit.name,
      unitType: me.actingUnit.type,
      role: me.roles[0] ?? 'professional',
    });
  }

  const onChange = async (unitId: string) => {
    setBusy(true);
    setError(null);
    try {
      const fresh = await setActingUnit(unitId);
      qc.setQueryData(ME_KEY, fresh);
      setAnnounced(t('shell.nowActingAs', { unit: fresh.actingUnit.name }));
      // Admin pages and the audit log do not exist for roles without the ability: go to the start page instead.
      const leavesAdmin = !fresh.abilities.canAdminister && location.pathname.startsWith('/admin/');
      const leavesAuditLog = !fresh.abilities.canSeeAuditLog && location.pathname === '/granskningslogg';
      const individualPages = ['/oro', '/konsultation', '/arenden', '/samordning'];
      const leavesIndividual = !fresh.abilities.canSeeIndividualData && individualPages.some((p) => location.pathname.startsWith(p));
      const leavesCoordination = !isSamordnare(fresh.roles) && location.pathname === '/samordning';
      if (leavesAdmin || leavesAuditLog || leavesIndividual || leavesCoordination) navigate('/');
      await qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const errorText = error ? (isApiError(error) ? localize(error.title, error.titleEn) || t('errors.generic') : t('errors.generic')) : undefined;

  return (
    <div className="acting-unit">
      <SelectField
        label={t('shell.actingAs')}
        value={me.actingUnit.id}
        aria-busy={busy || undefined}
        width="auto"
        data-size="sm"
        error={errorText}
        onChange={(e) => void onChange(e.target.value)}
      >
        {[...units.values()].map((m) => (
          <option key={m.unitId} value={m.unitId}>
            {`${m.unitName} (${labels.unitType(m.unitType)})`}
          </option>
        ))}
      </SelectField>
      <span role="status" className="ds-sr-only">
        {busy ? t('shell.switchingUnit') : announced}
      </span>
    </div>
  );
}
