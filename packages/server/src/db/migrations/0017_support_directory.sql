-- Issue 6 §1: the "vem gör vad" directory. What support (insatser) each unit offers, with a
-- function mailbox or phone as contact (never a private person). Organisational data, no
-- personal data; the unit's managers and the administrators maintain it.
CREATE TABLE support_offers (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL,
  unit_id uuid NOT NULL,
  name text NOT NULL,
  description text NOT NULL,
  level text NOT NULL CHECK (level IN ('universal', 'selective', 'indicated')),
  age_min integer NOT NULL CHECK (age_min BETWEEN 0 AND 25),
  age_max integer NOT NULL CHECK (age_max BETWEEN 0 AND 25),
  area_keys text[] NOT NULL DEFAULT '{}',
  kind text NOT NULL CHECK (kind IN ('service', 'bistand', 'health_care', 'school_support')),
  how_to_get text NOT NULL,
  contact_email text,
  contact_phone text,
  typical_wait text NOT NULL DEFAULT '',
  evidence_note text NOT NULL DEFAULT '',
  active boolean NOT NULL DEFAULT true,
  version integer NOT NULL DEFAULT 1,
  updated_by uuid NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, id),
  FOREIGN KEY (tenant_id, unit_id) REFERENCES units(tenant_id, id),
  CHECK (age_min <= age_max),
  CHECK (contact_email IS NOT NULL OR contact_phone IS NOT NULL)
);
CREATE INDEX support_offers_unit_idx ON support_offers (tenant_id, unit_id);
ALTER TABLE support_offers ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON support_offers USING (tenant_id = (SELECT current_tenant())) WITH CHECK (tenant_id = (SELECT current_tenant()));
GRANT SELECT, INSERT, UPDATE ON support_offers TO samsyn_app;
