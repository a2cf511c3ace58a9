-- Meetings issue §4 and §6: attendance, and each unit's notes per agenda item.
-- Attendance of professionals is organisational. Notes are personal data when the item is a
-- case: they follow the case's consent. A note carries a version; a stale save is refused
-- with the current text, so two people never silently overwrite each other.
CREATE TABLE meeting_attendance (
  tenant_id uuid NOT NULL,
  meeting_id uuid NOT NULL,
  user_id uuid NOT NULL,
  present boolean NOT NULL,
  recorded_by uuid NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (meeting_id, user_id),
  FOREIGN KEY (tenant_id, meeting_id) REFERENCES meetings(tenant_id, id),
  FOREIGN KEY (tenant_id, user_id) REFERENCES users(tenant_id, id)
);

CREATE TABLE agenda_notes (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL,
  agenda_item_id uuid NOT NULL,
  unit_id uuid NOT NULL,
  text text NOT NULL,
  version integer NOT NULL DEFAULT 1,
  updated_by uuid NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (agenda_item_id, unit_id),
  FOREIGN KEY (tenant_id, agenda_item_id) REFERENCES agenda_items(tenant_id, id),
  FOREIGN KEY (tenant_id, unit_id) REFERENCES units(tenant_id, id)
);

ALTER TABLE meeting_attendance ENABLE ROW LEVEL SECURITY;
ALTER TABLE agenda_notes ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON meeting_attendance USING (tenant_id = (SELECT current_tenant())) WITH CHECK (tenant_id = (SELECT current_tenant()));
CREATE POLICY tenant_isolation ON agenda_notes USING (tenant_id = (SELECT current_tenant())) WITH CHECK (tenant_id = (SELECT current_tenant()));
GRANT SELECT, INSERT, UPDATE ON meeting_attendance, agenda_notes TO samsyn_app;
