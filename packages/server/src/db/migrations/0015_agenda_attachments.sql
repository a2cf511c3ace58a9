-- Meetings issue §2: an agenda item can carry documents or links from the case. A link has a
-- label and an address (https or a path in Samsyn); a document is a reference to an entry in the
-- case chronology, shown only to those who may read that entry. Personal data on a case item:
-- the access rule (rules.ts) follows the case's consent like the child's voice.
CREATE TABLE agenda_item_attachments (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL,
  agenda_item_id uuid NOT NULL,
  unit_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('link', 'case_event')),
  label text NOT NULL,
  url text,
  case_event_id uuid,
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (tenant_id, agenda_item_id) REFERENCES agenda_items(tenant_id, id),
  FOREIGN KEY (tenant_id, unit_id) REFERENCES units(tenant_id, id),
  FOREIGN KEY (tenant_id, case_event_id) REFERENCES case_events(tenant_id, id),
  CHECK ((kind = 'link') = (url IS NOT NULL AND case_event_id IS NULL)),
  CHECK ((kind = 'case_event') = (case_event_id IS NOT NULL AND url IS NULL))
);
CREATE INDEX agenda_item_attachments_item_idx ON agenda_item_attachments (agenda_item_id);
ALTER TABLE agenda_item_attachments ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON agenda_item_attachments USING (tenant_id = (SELECT current_tenant())) WITH CHECK (tenant_id = (SELECT current_tenant()));
GRANT SELECT, INSERT, DELETE ON agenda_item_attachments TO samsyn_app;
