import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Alert, Button, Card, Heading } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';

type EditorState<T> = { mode: 'closed' } | { mode: 'create' } | { mode: 'edit'; item: T };

export const CREATE_BUTTON_ID = 'create-button';
export const editButtonId = (id: string) => `edit-${id}`;

function focusById(id: string | null) {
  if (!id) return;
  window.setTimeout(() => document.getElementById(id)?.focus(), 0);
}

/** Open/closed state of the create/edit panel on an admin page, with focus handling. */
export function useEditor<T extends { id: string; version: number }>() {
  const [state, setState] = useState<EditorState<T>>({ mode: 'closed' });
  const [saved, setSaved] = useState<string | null>(null);
  const returnFocus = useRef<string | null>(null);

  return {
    state,
    saved,
    openCreate() {
      returnFocus.current = CREATE_BUTTON_ID;
      setSaved(null);
      setState({ mode: 'create' });
    },
    openEdit(item: T) {
      returnFocus.current = editButtonId(item.id);
      setSaved(null);
      setState({ mode: 'edit', item });
    },
    /** Replaces the item being edited with fresh data (after a 409). */
    refresh(item: T | undefined) {
      if (item) setState({ mode: 'edit', item });
      else setState({ mode: 'closed' });
    },
    close(savedMessage?: string) {
      setState({ mode: 'closed' });
      setSaved(savedMessage ?? null);
      focusById(returnFocus.current);
    },
  };
}

/** Status region announcing "saved" messages. Always rendered so screen readers pick up changes. */
export function SavedStatus({ message }: { message: string | null }) {
  return (
    <div role="status" className="saved-status">
      {message && <Alert data-color="success">{message}</Alert>}
    </div>
  );
}

interface PanelProps {
  title: string;
  children: ReactNode;
}

/** Card holding a create/edit form. Its heading receives focus when opened. */
export function EditorPanel({ title, children }: PanelProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  return (
    <Card className="editor-panel">
      <Heading level={2} data-size="sm" ref={headingRef} tabIndex={-1}>
        {title}
      </Heading>
      {children}
    </Card>
  );
}

interface ActionsProps {
  saving: boolean;
  onCancel: () => void;
  children?: ReactNode;
}

/** "Spara" + "Avbryt" (+ optional extra buttons such as deactivate). */
export function FormActions({ saving, onCancel, children }: ActionsProps) {
  const { t } = useTranslation();
  return (
    <div className="form__actions">
      <Button type="submit" loading={saving}>
        {t('common.save')}
      </Button>
      <Button type="button" variant="secondary" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      {children}
    </div>
  );
}
