import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Paragraph, Table } from '@digdir/designsystemet-react';
import type { Team } from '../../../api/types';
import { PageHeading } from '../../../ui/PageHeading';
import { Loading } from '../../../ui/Loading';
import { FormAlert } from '../../../ui/FormAlert';
import { useLabels } from '../../../ui/labels';
import { CREATE_BUTTON_ID, EditorPanel, SavedStatus, editButtonId, useEditor } from '../Editor';
import { adminKeys, useTeams, useUnits, useUsers } from '../api';
import { TeamForm } from './TeamForm';

function useAgeText() {
  const { t } = useTranslation();
  return (team: Team) => {
    if (team.ageMin !== null && team.ageMax !== null) return t('admin.teams.ageRange', { min: team.ageMin, max: team.ageMax });
    if (team.ageMin !== null) return t('admin.teams.ageFrom', { min: team.ageMin });
    if (team.ageMax !== null) return t('admin.teams.ageTo', { max: team.ageMax });
    return t('common.notGiven');
  };
}

export function TeamsPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const ageText = useAgeText();
  const qc = useQueryClient();
  const teams = useTeams();
  const users = useUsers();
  const units = useUnits();
  const editor = useEditor<Team>();
  const { state } = editor;

  const onSaved = (team: Team) => {
    void qc.invalidateQueries({ queryKey: adminKeys.teams });
    editor.close(t('admin.teams.saved', { name: team.name }));
  };
  const onReload = async () => {
    if (state.mode !== 'edit') return;
    const res = await teams.refetch();
    editor.refresh(res.data?.items.find((x) => x.id === state.item.id));
  };

  return (
    <>
      <PageHeading>{t('admin.teams.title')}</PageHeading>
      <Paragraph>{t('admin.teams.intro')}</Paragraph>
      <div className="page-actions">
        <Button id={CREATE_BUTTON_ID} type="button" onClick={editor.openCreate} aria-expanded={state.mode === 'create'}>
          {t('admin.teams.create')}
        </Button>
      </div>
      <SavedStatus message={editor.saved} />
      {state.mode !== 'closed' && (
        <EditorPanel
          key={state.mode === 'edit' ? `${state.item.id}:${state.item.version}` : 'new'}
          title={state.mode === 'edit' ? t('admin.teams.editTitle', { name: state.item.name }) : t('admin.teams.createTitle')}
        >
          {users.isPending || units.isPending ? (
            <Loading />
          ) : (
            <TeamForm
              team={state.mode === 'edit' ? state.item : undefined}
              users={users.data?.items ?? []}
              units={units.data?.items ?? []}
              onSaved={onSaved}
              onCancel={() => editor.close()}
              onReload={() => void onReload()}
            />
          )}
        </EditorPanel>
      )}
      {teams.isPending && <Loading />}
      {teams.isError && <FormAlert error={teams.error} />}
      {teams.data && teams.data.items.length === 0 && <Paragraph>{t('admin.teams.none')}</Paragraph>}
      {teams.data && teams.data.items.length > 0 && (
        <div className="table-wrap">
          <Table zebra>
            <caption className="ds-sr-only">{t('admin.teams.title')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('admin.teams.name')}</Table.HeaderCell>
                <Table.HeaderCell>{t('admin.teams.targetGroup')}</Table.HeaderCell>
                <Table.HeaderCell>{t('admin.teams.theme')}</Table.HeaderCell>
                <Table.HeaderCell>{t('admin.teams.members')}</Table.HeaderCell>
                <Table.HeaderCell>{t('common.status')}</Table.HeaderCell>
                <Table.HeaderCell>{t('common.actions')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {teams.data.items.map((team) => (
                <Table.Row key={team.id}>
                  <Table.Cell>{team.name}</Table.Cell>
                  <Table.Cell>
                    {ageText(team)}
                    {team.targetDescription && <div className="muted">{team.targetDescription}</div>}
                  </Table.Cell>
                  <Table.Cell>{team.theme ?? t('common.notGiven')}</Table.Cell>
                  <Table.Cell>
                    <ul className="cell-list">
                      {team.members.map((m) => (
                        <li key={`${m.userId}:${m.unitId}`}>
                          {m.isSamordnare
                            ? t('admin.teams.memberSamordnare', { name: m.displayName, unit: m.unitName })
                            : t('admin.teams.memberLine', { name: m.displayName, unit: m.unitName })}
                        </li>
                      ))}
                    </ul>
                  </Table.Cell>
                  <Table.Cell>{labels.active(team.active)}</Table.Cell>
                  <Table.Cell>
                    <Button id={editButtonId(team.id)} type="button" variant="tertiary" data-size="sm" onClick={() => editor.openEdit(team)}>
                      {t('common.edit')}
                      <span className="ds-sr-only"> {team.name}</span>
                    </Button>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </>
  );
}
