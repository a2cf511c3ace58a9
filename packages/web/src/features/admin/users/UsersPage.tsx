import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Paragraph, Table } from '@digdir/designsystemet-react';
import type { User } from '../../../api/types';
import { PageHeading } from '../../../ui/PageHeading';
import { Loading } from '../../../ui/Loading';
import { FormAlert } from '../../../ui/FormAlert';
import { useLabels } from '../../../ui/labels';
import { CREATE_BUTTON_ID, EditorPanel, SavedStatus, editButtonId, useEditor } from '../Editor';
import { adminKeys, useUnits, useUsers } from '../api';
import { UserForm } from './UserForm';

export function UsersPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const qc = useQueryClient();
  const users = useUsers();
  const units = useUnits();
  const editor = useEditor<User>();
  const { state } = editor;

  const onSaved = (user: User) => {
    void qc.invalidateQueries({ queryKey: adminKeys.users });
    void qc.invalidateQueries({ queryKey: adminKeys.teams });
    editor.close(t('admin.users.saved', { name: user.displayName }));
  };
  const onReload = async () => {
    if (state.mode !== 'edit') return;
    const res = await users.refetch();
    editor.refresh(res.data?.items.find((u) => u.id === state.item.id));
  };

  return (
    <>
      <PageHeading>{t('admin.users.title')}</PageHeading>
      <Paragraph>{t('admin.users.intro')}</Paragraph>
      <div className="page-actions">
        <Button id={CREATE_BUTTON_ID} type="button" onClick={editor.openCreate} aria-expanded={state.mode === 'create'}>
          {t('admin.users.create')}
        </Button>
      </div>
      <SavedStatus message={editor.saved} />
      {state.mode !== 'closed' && (
        <EditorPanel
          key={state.mode === 'edit' ? `${state.item.id}:${state.item.version}` : 'new'}
          title={state.mode === 'edit' ? t('admin.users.editTitle', { name: state.item.displayName }) : t('admin.users.createTitle')}
        >
          {units.isPending ? (
            <Loading />
          ) : (
            <UserForm
              user={state.mode === 'edit' ? state.item : undefined}
              units={units.data?.items ?? []}
              onSaved={onSaved}
              onCancel={() => editor.close()}
              onReload={() => void onReload()}
            />
          )}
        </EditorPanel>
      )}
      {users.isPending && <Loading />}
      {users.isError && <FormAlert error={users.error} />}
      {users.data && (
        <div className="table-wrap">
          <Table zebra>
            <caption className="ds-sr-only">{t('admin.users.title')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('admin.users.username')}</Table.HeaderCell>
                <Table.HeaderCell>{t('admin.users.displayName')}</Table.HeaderCell>
                <Table.HeaderCell>{t('admin.users.email')}</Table.HeaderCell>
                <Table.HeaderCell>{t('admin.users.memberships')}</Table.HeaderCell>
                <Table.HeaderCell>{t('common.status')}</Table.HeaderCell>
                <Table.HeaderCell>{t('common.actions')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {users.data.items.map((u) => (
                <Table.Row key={u.id}>
                  <Table.Cell>{u.username}</Table.Cell>
                  <Table.Cell>{u.displayName}</Table.Cell>
                  <Table.Cell>{u.email ?? t('common.notGiven')}</Table.Cell>
                  <Table.Cell>
                    <ul className="cell-list">
                      {u.memberships.map((m) => (
                        <li key={`${m.unitId}:${m.role}`}>{`${m.unitName} – ${labels.role(m.role)}`}</li>
                      ))}
                    </ul>
                  </Table.Cell>
                  <Table.Cell>{labels.active(u.active)}</Table.Cell>
                  <Table.Cell>
                    <Button id={editButtonId(u.id)} type="button" variant="tertiary" data-size="sm" onClick={() => editor.openEdit(u)}>
                      {t('common.edit')}
                      <span className="ds-sr-only"> {u.displayName}</span>
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
