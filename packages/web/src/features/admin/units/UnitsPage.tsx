import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Paragraph, Table } from '@digdir/designsystemet-react';
import type { Unit } from '../../../api/types';
import { PageHeading } from '../../../ui/PageHeading';
import { Loading } from '../../../ui/Loading';
import { FormAlert } from '../../../ui/FormAlert';
import { useLabels } from '../../../ui/labels';
import { CREATE_BUTTON_ID, EditorPanel, SavedStatus, editButtonId, useEditor } from '../Editor';
import { adminKeys, usePrincipals, useUnits } from '../api';
import { UnitForm } from './UnitForm';

export function UnitsPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const qc = useQueryClient();
  const units = useUnits();
  const principals = usePrincipals();
  const editor = useEditor<Unit>();
  const { state } = editor;

  const onSaved = (unit: Unit) => {
    void qc.invalidateQueries({ queryKey: adminKeys.units });
    editor.close(t('admin.units.saved', { name: unit.name }));
  };
  const onReload = async () => {
    if (state.mode !== 'edit') return;
    const res = await units.refetch();
    editor.refresh(res.data?.items.find((u) => u.id === state.item.id));
  };

  return (
    <>
      <PageHeading>{t('admin.units.title')}</PageHeading>
      <Paragraph>{t('admin.units.intro')}</Paragraph>
      <div className="page-actions">
        <Button id={CREATE_BUTTON_ID} type="button" onClick={editor.openCreate} aria-expanded={state.mode === 'create'}>
          {t('admin.units.create')}
        </Button>
      </div>
      <SavedStatus message={editor.saved} />
      {state.mode !== 'closed' && (
        <EditorPanel
          key={state.mode === 'edit' ? `${state.item.id}:${state.item.version}` : 'new'}
          title={state.mode === 'edit' ? t('admin.units.editTitle', { name: state.item.name }) : t('admin.units.createTitle')}
        >
          {principals.isPending ? (
            <Loading />
          ) : (
            <UnitForm
              unit={state.mode === 'edit' ? state.item : undefined}
              principals={principals.data?.items ?? []}
              onSaved={onSaved}
              onCancel={() => editor.close()}
              onReload={() => void onReload()}
            />
          )}
        </EditorPanel>
      )}
      {units.isPending && <Loading />}
      {units.isError && <FormAlert error={units.error} />}
      {units.data && (
        <div className="table-wrap">
          <Table zebra>
            <caption className="ds-sr-only">{t('admin.units.title')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('admin.units.name')}</Table.HeaderCell>
                <Table.HeaderCell>{t('admin.units.type')}</Table.HeaderCell>
                <Table.HeaderCell>{t('admin.units.principal')}</Table.HeaderCell>
                <Table.HeaderCell>{t('common.status')}</Table.HeaderCell>
                <Table.HeaderCell>{t('common.actions')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {units.data.items.map((u) => (
                <Table.Row key={u.id}>
                  <Table.Cell>{u.name}</Table.Cell>
                  <Table.Cell>{labels.unitType(u.type)}</Table.Cell>
                  <Table.Cell>{u.principalName}</Table.Cell>
                  <Table.Cell>{labels.active(u.active)}</Table.Cell>
                  <Table.Cell>
                    <Button id={editButtonId(u.id)} type="button" variant="tertiary" data-size="sm" onClick={() => editor.openEdit(u)}>
                      {t('common.edit')}
                      <span className="ds-sr-only"> {u.name}</span>
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
