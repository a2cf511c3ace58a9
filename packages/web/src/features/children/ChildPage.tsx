import { useEffect, useState } from 'react';
import { Link as RouterLink, useLocation, useNavigate, useParams } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Heading, Link, Paragraph, Table } from '@digdir/designsystemet-react';
import { isApiError } from '../../api/client';
import type { ChildDetail } from '../../api/types';
import { PageHeading } from '../../ui/PageHeading';
import { Loading } from '../../ui/Loading';
import { FormAlert } from '../../ui/FormAlert';
import { DefinitionList, type DefinitionItem } from '../../ui/DefinitionList';
import { useLabels } from '../../ui/labels';
import { EditorPanel, SavedStatus } from '../admin/Editor';
import { childKeys, formatIdentityNumber, useChild, useSchools } from './api';
import { ChildForm } from './ChildForm';
import { NamedProfessionalsForm, NamedProfessionalsList } from './NamedProfessionals';
import type { SavedChildState } from './NewChildPage';

const EDIT_BUTTON_ID = 'edit-child';

/** Address, school and guardians' contact details are withheld from users who are not named. */
const detailsHidden = (child: ChildDetail) => child.protectedIdentity && !child.abilities.canSeeProtectedDetails;

const fullName = (child: ChildDetail) => `${child.givenName} ${child.familyName}`;

function Guardians({ child }: { child: ChildDetail }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const missing = detailsHidden(child) ? t('child.hidden') : t('common.notGiven');
  return (
    <section aria-labelledby="guardians-heading" className="section">
      <Heading level={2} data-size="md" id="guardians-heading">
        {t('child.guardians')}
      </Heading>
      {child.guardians.length === 0 ? (
        <Paragraph>{t('child.noGuardians')}</Paragraph>
      ) : (
        <div className="table-wrap">
          <Table zebra>
            <caption className="ds-sr-only">{t('child.guardians')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('child.guardianName')}</Table.HeaderCell>
                <Table.HeaderCell>{t('child.custody')}</Table.HeaderCell>
                <Table.HeaderCell>{t('child.phone')}</Table.HeaderCell>
                <Table.HeaderCell>{t('child.email')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {child.guardians.map((g) => (
                <Table.Row key={g.id}>
                  <Table.Cell>{g.name}</Table.Cell>
                  <Table.Cell>{labels.custody(g.custody)}</Table.Cell>
                  <Table.Cell>{g.phone ?? missing}</Table.Cell>
                  <Table.Cell>{g.email ?? missing}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </section>
  );
}

function ChildFacts({ child }: { child: ChildDetail }) {
  const { t } = useTranslation();
  const missing = detailsHidden(child) ? t('child.hidden') : t('common.notGiven');
  const items: DefinitionItem[] = [
    { term: t('child.givenName'), value: child.givenName },
    { term: t('child.familyName'), value: child.familyName },
    { term: t('child.identityNumber'), value: child.identityNumber ? formatIdentityNumber(child.identityNumber) : t('common.notGiven') },
    { term: t('child.birthDate'), value: child.birthDate },
    { term: t('child.owningUnit'), value: child.owningUnitName },
    { term: t('child.address'), value: child.address ?? missing },
    { term: t('child.school'), value: child.schoolUnitName ?? missing },
  ];
  return <DefinitionList items={items} />;
}

function ChildEditor({
  child,
  onSaved,
  onCancel,
  onReload,
}: {
  child: ChildDetail;
  onSaved: (c: ChildDetail) => void;
  onCancel: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const schools = useSchools();
  return (
    <EditorPanel key={child.version} title={t('child.editTitle', { name: fullName(child) })}>
      {schools.isPending ? (
        <Loading />
      ) : (
        <ChildForm child={child} schools={schools.data?.items ?? []} onSaved={onSaved} onCancel={onCancel} onReload={onReload} />
      )}
    </EditorPanel>
  );
}

function ChildView({ child, refetch }: { child: ChildDetail; refetch: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const location = useLocation();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);

  // After creating a child, the new page announces "<namn> är sparat." once.
  const savedName = (location.state as SavedChildState | null)?.savedName;
  useEffect(() => {
    if (!savedName) return;
    setSaved(t('childForm.saved', { name: savedName }));
    navigate(location.pathname, { replace: true, state: null });
  }, [savedName, navigate, location.pathname, t]);

  const store = (fresh: ChildDetail) => {
    qc.setQueryData(childKeys.detail(fresh.id), fresh);
    void qc.invalidateQueries({ queryKey: ['children', 'list'] });
  };
  const closeEditor = (message: string | null) => {
    setEditing(false);
    setSaved(message);
    window.setTimeout(() => document.getElementById(EDIT_BUTTON_ID)?.focus(), 0);
  };

  return (
    <>
      <PageHeading>{fullName(child)}</PageHeading>
      <SavedStatus message={saved} />
      {child.protectedIdentity && (
        <Alert data-color="warning">
          <Heading level={2} data-size="xs">
            {t('child.protectedIdentity')}
          </Heading>
          <Paragraph>{t('child.protectedIdentityText')}</Paragraph>
          <Paragraph>{t('child.protectedIdentityDetails')}</Paragraph>
        </Alert>
      )}
      {child.abilities.canEdit && (
        <div className="page-actions">
          <Button
            id={EDIT_BUTTON_ID}
            type="button"
            variant="secondary"
            aria-expanded={editing}
            onClick={() => {
              setSaved(null);
              setEditing(true);
            }}
          >
            {t('child.edit')}
          </Button>
        </div>
      )}
      {editing ? (
        <ChildEditor
          child={child}
          onSaved={(fresh) => {
            store(fresh);
            closeEditor(t('childForm.saved', { name: fullName(fresh) }));
          }}
          onCancel={() => closeEditor(null)}
          onReload={() => void refetch()}
        />
      ) : (
        <>
          <ChildFacts child={child} />
          <Guardians child={child} />
        </>
      )}
      {child.abilities.canManageNamedProfessionals ? (
        <NamedProfessionalsForm
          key={child.namedProfessionals.map((p) => p.userId).join(',')}
          child={child}
          onSaved={(fresh) => {
            store(fresh);
            setSaved(t('namedProfessionals.saved'));
          }}
          onReload={() => void refetch()}
        />
      ) : (
        child.protectedIdentity && <NamedProfessionalsList child={child} />
      )}
    </>
  );
}

export function ChildPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const child = useChild(id);

  const back = (
    <Paragraph>
      <Link asChild>
        <RouterLink to="/">{t('child.backToStart')}</RouterLink>
      </Link>
    </Paragraph>
  );

  if (child.isPending) {
    return (
      <>
        <PageHeading>{t('child.title')}</PageHeading>
        <Loading />
      </>
    );
  }
  if (child.isError) {
    const notFound = isApiError(child.error) && child.error.status === 404;
    return (
      <>
        <PageHeading>{notFound ? t('child.notFound') : t('child.title')}</PageHeading>
        {notFound ? <Paragraph>{t('child.notFoundText')}</Paragraph> : <FormAlert error={child.error} />}
        {back}
      </>
    );
  }
  return (
    <>
      {back}
      <ChildView key={child.data.id} child={child.data} refetch={child.refetch} />
    </>
  );
}
