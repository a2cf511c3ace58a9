import { useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Paragraph } from '@digdir/designsystemet-react';
import type { ChildDetail } from '../../api/types';
import { PageHeading } from '../../ui/PageHeading';
import { Loading } from '../../ui/Loading';
import { FormAlert } from '../../ui/FormAlert';
import { childKeys, useSchools } from './api';
import { ChildForm } from './ChildForm';

/** State passed to the child's page after saving, so it can announce "<namn> är sparat.". */
export interface SavedChildState {
  savedName: string;
}

export function NewChildPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const schools = useSchools();

  const onSaved = (child: ChildDetail) => {
    qc.setQueryData(childKeys.detail(child.id), child);
    void qc.invalidateQueries({ queryKey: ['children', 'list'] });
    const state: SavedChildState = { savedName: `${child.givenName} ${child.familyName}` };
    navigate(`/barn/${encodeURIComponent(child.id)}`, { state });
  };

  return (
    <>
      <PageHeading>{t('childForm.createTitle')}</PageHeading>
      <Paragraph>{t('childForm.createIntro')}</Paragraph>
      {schools.isPending ? (
        <Loading />
      ) : (
        <>
          {/* Without the school list the child can still be saved, just without a school. */}
          {schools.isError && <FormAlert error={schools.error} />}
          <ChildForm schools={schools.data?.items ?? []} onSaved={onSaved} onCancel={() => navigate('/')} />
        </>
      )}
    </>
  );
}
