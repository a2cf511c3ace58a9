-- Meetings issue: the agenda. Items are (a) anonymous consultations, (b) identified cases or
-- (c) general topics. Personal data (they point at cases): only the access choke point reads them.
CREATE TABLE agenda_items (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL,
  meeting_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('anonymous', 'case', 'topic')),
  case_id uuid,
  title text NOT NULL,
  description text,
  position integer NOT NULL,
  invited_unit_ids uuid[] NOT NULL,
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, id),
  FOREIGN KEY (tenant_id, meeting_id) REFERENCES meetings(tenant_id, id),
  FOREIGN KEY (tenant_id, case_id) REFERENCES cases(tenant_id, id),
  CHECK ((kind = 'topic') = (case_id IS NULL))
);
CREATE INDEX agenda_items_meeting_idx ON agenda_items (meeting_id, position);
ALTER TABLE agenda_items ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON agenda_items USING (tenant_id = (SELECT current_tenant())) WITH CHECK (tenant_id = (SELECT current_tenant()));
GRANT SELECT, INSERT ON agenda_items TO samsyn_app;
