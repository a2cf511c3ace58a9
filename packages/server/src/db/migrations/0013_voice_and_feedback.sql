-- Meetings issue §3 and §5: the child's and guardians' voice before the meeting, the family's
-- part in it, and the feedback task after it. Both are personal data about a case: they follow
-- the case's consent (rules.ts) and only the access choke point reads them.

-- One voice per case item. Written today by the professional closest to the family (the unit
-- is kept), later by the family itself in the portal. Versioned like notes: a stale save is
-- refused with the saved text, so nothing is overwritten silently.
CREATE TABLE agenda_voices (
  agenda_item_id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL,
  unit_id uuid NOT NULL,
  child_words text,
  guardian_words text,
  family_status text NOT NULL DEFAULT 'not_invited'
    CHECK (family_status IN ('not_invited', 'invited', 'accepted', 'declined', 'attended')),
  version integer NOT NULL DEFAULT 1,
  updated_by uuid NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (tenant_id, agenda_item_id) REFERENCES agenda_items(tenant_id, id),
  FOREIGN KEY (tenant_id, unit_id) REFERENCES units(tenant_id, id)
);

-- Återkoppling: a named person tells the child and guardians what was proposed, within N working
-- days of the meeting (tenant setting, default 5, public holidays skipped). One per case item.
CREATE TABLE feedback_tasks (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL,
  agenda_item_id uuid NOT NULL UNIQUE,
  case_id uuid NOT NULL,
  owner_user_id uuid NOT NULL,
  owner_unit_id uuid NOT NULL,
  created_by uuid NOT NULL,
  created_by_unit_id uuid NOT NULL,
  due_date date NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
  done_note text,
  done_on date,
  done_by uuid,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, id),
  FOREIGN KEY (tenant_id, agenda_item_id) REFERENCES agenda_items(tenant_id, id),
  FOREIGN KEY (tenant_id, case_id) REFERENCES cases(tenant_id, id),
  FOREIGN KEY (tenant_id, owner_user_id) REFERENCES users(tenant_id, id),
  FOREIGN KEY (tenant_id, owner_unit_id) REFERENCES units(tenant_id, id),
  CHECK ((status = 'done') = (done_note IS NOT NULL AND done_on IS NOT NULL))
);
CREATE INDEX feedback_tasks_owner_idx ON feedback_tasks (tenant_id, owner_user_id) WHERE status = 'open';

ALTER TABLE agenda_voices ENABLE ROW LEVEL SECURITY;
ALTER TABLE feedback_tasks ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON agenda_voices USING (tenant_id = (SELECT current_tenant())) WITH CHECK (tenant_id = (SELECT current_tenant()));
CREATE POLICY tenant_isolation ON feedback_tasks USING (tenant_id = (SELECT current_tenant())) WITH CHECK (tenant_id = (SELECT current_tenant()));
GRANT SELECT, INSERT, UPDATE ON agenda_voices, feedback_tasks TO samsyn_app;
