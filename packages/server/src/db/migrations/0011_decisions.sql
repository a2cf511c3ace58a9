-- Meetings issue §4: decisions per agenda item. Personal data when the item is about a case.
-- A decision without an owner or a due date is "nobody's job": it is flagged, and closing it
-- needs an explicit note (it cannot be closed silently).
CREATE TABLE decisions (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL,
  agenda_item_id uuid NOT NULL,
  recorded_by_unit_id uuid NOT NULL,
  recorded_by uuid NOT NULL,
  what text NOT NULL,
  owner_user_id uuid,
  owner_unit_id uuid,
  due_date date,
  support_target text NOT NULL CHECK (support_target IN ('barn', 'vardnadshavare', 'personal')),
  follow_up_date date,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
  closed_note text,
  closed_by uuid,
  closed_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, id),
  FOREIGN KEY (tenant_id, agenda_item_id) REFERENCES agenda_items(tenant_id, id),
  FOREIGN KEY (tenant_id, owner_user_id) REFERENCES users(tenant_id, id),
  FOREIGN KEY (tenant_id, owner_unit_id) REFERENCES units(tenant_id, id),
  CHECK ((owner_user_id IS NULL) = (owner_unit_id IS NULL))
);
CREATE INDEX decisions_item_idx ON decisions (agenda_item_id);
CREATE INDEX decisions_owner_idx ON decisions (tenant_id, owner_user_id) WHERE status = 'open';
ALTER TABLE decisions ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON decisions USING (tenant_id = (SELECT current_tenant())) WITH CHECK (tenant_id = (SELECT current_tenant()));
GRANT SELECT, INSERT, UPDATE ON decisions TO samsyn_app;
