-- Performance at municipality size (bench/results/*-scale.md), no change in who sees what.
--
-- 1. RLS policies compare with (select current_tenant()): PostgreSQL evaluates the subquery
--    once per query (an InitPlan) instead of calling current_setting() for every row.
DO $$
DECLARE t text;
BEGIN
  FOR t IN SELECT tablename FROM pg_policies WHERE schemaname = 'public' AND policyname = 'tenant_isolation' AND tablename <> 'tenants' LOOP
    EXECUTE format('ALTER POLICY tenant_isolation ON %I USING (tenant_id = (SELECT current_tenant())) WITH CHECK (tenant_id = (SELECT current_tenant()))', t);
  END LOOP;
END $$;
ALTER POLICY tenant_isolation ON tenants USING (id = (SELECT current_tenant())) WITH CHECK (id = (SELECT current_tenant()));

-- 2. consent_units: one row per unit named in a consent. Under RLS the array operator @> on
--    consents.unit_ids cannot use its GIN index (it is not leakproof); uuid equality can use
--    a btree. Kept by a trigger, so every writer (the app, the scale seed) keeps it right.
CREATE TABLE consent_units (
  tenant_id uuid NOT NULL,
  consent_id uuid NOT NULL,
  case_id uuid NOT NULL,
  unit_id uuid NOT NULL,
  activated boolean NOT NULL,
  PRIMARY KEY (consent_id, unit_id),
  FOREIGN KEY (tenant_id, consent_id) REFERENCES consents(tenant_id, id),
  FOREIGN KEY (tenant_id, case_id) REFERENCES cases(tenant_id, id)
);
CREATE INDEX consent_units_unit_idx ON consent_units (tenant_id, unit_id, case_id) WHERE activated;
ALTER TABLE consent_units ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON consent_units USING (tenant_id = (SELECT current_tenant())) WITH CHECK (tenant_id = (SELECT current_tenant()));
GRANT SELECT, INSERT, UPDATE ON consent_units TO samsyn_app;

CREATE FUNCTION consent_units_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO consent_units (tenant_id, consent_id, case_id, unit_id, activated)
    SELECT NEW.tenant_id, NEW.id, NEW.case_id, u, NEW.activated_at IS NOT NULL FROM unnest(NEW.unit_ids) AS u
    ON CONFLICT DO NOTHING;
  ELSIF NEW.activated_at IS DISTINCT FROM OLD.activated_at THEN
    UPDATE consent_units SET activated = NEW.activated_at IS NOT NULL WHERE consent_id = NEW.id;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER consent_units_sync AFTER INSERT OR UPDATE OF activated_at ON consents FOR EACH ROW EXECUTE FUNCTION consent_units_sync();

INSERT INTO consent_units (tenant_id, consent_id, case_id, unit_id, activated)
SELECT k.tenant_id, k.id, k.case_id, u, k.activated_at IS NOT NULL FROM consents k CROSS JOIN LATERAL unnest(k.unit_ids) AS u
ON CONFLICT DO NOTHING;
