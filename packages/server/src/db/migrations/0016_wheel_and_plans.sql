-- Wellbeing wheel, assessments and plans (issue 5).
--
-- The wheel's areas and scale are organisational data per tenant, versioned: an admin change
-- writes a new version, and every assessment keeps the version it was made with, so old
-- assessments keep their meaning.
CREATE TABLE wheel_versions (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL,
  version integer NOT NULL,
  areas jsonb NOT NULL,
  scale jsonb NOT NULL,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, id),
  UNIQUE (tenant_id, version)
);

-- An assessment of a child's wellbeing from one perspective: the child, one guardian, or a
-- professional with their unit. Personal data about the case (category bedömningar och
-- planer): only the access choke point reads it.
CREATE TABLE wheel_assessments (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL,
  case_id uuid NOT NULL,
  wheel_version_id uuid NOT NULL,
  owning_unit_id uuid NOT NULL,
  entered_by uuid NOT NULL,
  perspective text NOT NULL CHECK (perspective IN ('child', 'guardian', 'professional')),
  guardian_id uuid,
  perspective_unit_id uuid,
  assessed_on date NOT NULL,
  ratings jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, id),
  FOREIGN KEY (tenant_id, case_id) REFERENCES cases(tenant_id, id),
  FOREIGN KEY (tenant_id, wheel_version_id) REFERENCES wheel_versions(tenant_id, id),
  FOREIGN KEY (tenant_id, owning_unit_id) REFERENCES units(tenant_id, id),
  CHECK ((perspective = 'guardian') = (guardian_id IS NOT NULL)),
  CHECK ((perspective = 'professional') = (perspective_unit_id IS NOT NULL))
);
CREATE INDEX wheel_assessments_case_idx ON wheel_assessments (case_id, assessed_on);

-- A plan (barnets plan or SIP) of a case, and its versions. An adopted version is frozen: the
-- app role may update only drafts (the trigger refuses any change to an adopted row's content).
CREATE TABLE plans (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL,
  case_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('barnets_plan', 'sip')),
  owning_unit_id uuid NOT NULL,
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, id),
  FOREIGN KEY (tenant_id, case_id) REFERENCES cases(tenant_id, id),
  FOREIGN KEY (tenant_id, owning_unit_id) REFERENCES units(tenant_id, id)
);
CREATE INDEX plans_case_idx ON plans (case_id);

CREATE TABLE plan_versions (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL,
  plan_id uuid NOT NULL,
  number integer NOT NULL,
  status text NOT NULL CHECK (status IN ('draft', 'adopted', 'superseded')),
  plan_date date NOT NULL,
  content jsonb NOT NULL,
  version integer NOT NULL DEFAULT 1,
  updated_by uuid NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  adopted_by uuid,
  adopted_at timestamptz,
  follow_up jsonb,
  UNIQUE (plan_id, number),
  FOREIGN KEY (tenant_id, plan_id) REFERENCES plans(tenant_id, id),
  CHECK ((status = 'draft') = (adopted_at IS NULL))
);

CREATE FUNCTION plan_versions_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status <> 'draft' AND (NEW.content IS DISTINCT FROM OLD.content OR NEW.plan_date IS DISTINCT FROM OLD.plan_date) THEN
    RAISE EXCEPTION 'an adopted plan version is frozen' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER plan_versions_frozen BEFORE UPDATE ON plan_versions FOR EACH ROW EXECUTE FUNCTION plan_versions_frozen();

ALTER TABLE wheel_versions ENABLE ROW LEVEL SECURITY;
ALTER TABLE wheel_assessments ENABLE ROW LEVEL SECURITY;
ALTER TABLE plans ENABLE ROW LEVEL SECURITY;
ALTER TABLE plan_versions ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON wheel_versions USING (tenant_id = (SELECT current_tenant())) WITH CHECK (tenant_id = (SELECT current_tenant()));
CREATE POLICY tenant_isolation ON wheel_assessments USING (tenant_id = (SELECT current_tenant())) WITH CHECK (tenant_id = (SELECT current_tenant()));
CREATE POLICY tenant_isolation ON plans USING (tenant_id = (SELECT current_tenant())) WITH CHECK (tenant_id = (SELECT current_tenant()));
CREATE POLICY tenant_isolation ON plan_versions USING (tenant_id = (SELECT current_tenant())) WITH CHECK (tenant_id = (SELECT current_tenant()));
GRANT SELECT, INSERT ON wheel_versions, wheel_assessments, plans TO samsyn_app;
GRANT SELECT, INSERT, UPDATE ON plan_versions TO samsyn_app;
