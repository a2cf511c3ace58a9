-- Cases, signals, the consent ledger and the chronology (issue 3). All personal data:
-- only the access choke point reads these tables, and RLS on tenant_id is the second wall.

-- A signal (oro): what a professional noticed. It may name a child or be anonymous.
-- It is addressed to a recipient unit (usually the samordnare's elevhälsa); a signal that
-- names a child may only go to a unit of the same principal (no consent crosses a
-- principal's boundary here).
CREATE TABLE signals (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL,
  owning_unit_id uuid NOT NULL,
  recipient_unit_id uuid NOT NULL,
  raised_by uuid NOT NULL,
  child_id uuid,
  case_id uuid,
  category text NOT NULL CHECK (category IN ('skolsituation','halsa','familj_och_hem','fritid','insatser','bedomningar_och_planer')),
  noticed text NOT NULL,
  signal_kinds text[] NOT NULL,
  risk_factors text,
  protective_factors text,
  actions_taken text,
  urgency text NOT NULL CHECK (urgency IN ('lag','medel','hog','akut')),
  report_of_concern text NOT NULL CHECK (report_of_concern IN ('ja','nej','vet_ej')),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, id),
  FOREIGN KEY (tenant_id, owning_unit_id) REFERENCES units(tenant_id, id),
  FOREIGN KEY (tenant_id, recipient_unit_id) REFERENCES units(tenant_id, id),
  FOREIGN KEY (tenant_id, raised_by) REFERENCES users(tenant_id, id),
  FOREIGN KEY (tenant_id, child_id) REFERENCES children(tenant_id, id)
);
CREATE INDEX signals_owner_idx ON signals (tenant_id, owning_unit_id, created_at DESC);
CREATE INDEX signals_recipient_idx ON signals (tenant_id, recipient_unit_id, created_at DESC);
CREATE INDEX signals_case_idx ON signals (case_id);

-- A case (samverkansärende). child_id is null while it is an anonymous consultation.
-- Its state is derived: closed_at set → closed; no child → anonymous consultation;
-- an active consent today → active; otherwise awaiting consent.
CREATE TABLE cases (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL,
  owning_unit_id uuid NOT NULL,
  child_id uuid,
  pseudonym text NOT NULL,
  age_band text NOT NULL CHECK (age_band IN ('0-5','6-9','10-12','13-15','16-17','18-20')),
  description text NOT NULL,
  created_by uuid NOT NULL,
  linked_at timestamptz,
  closed_at timestamptz,
  closing_reason text CHECK (closing_reason IN ('behov_tillgodosett','flyttat','samtycke_aterkallat','avbojt_stod','fyllt_18','annat')),
  closing_text text,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, id),
  FOREIGN KEY (tenant_id, owning_unit_id) REFERENCES units(tenant_id, id),
  FOREIGN KEY (tenant_id, child_id) REFERENCES children(tenant_id, id),
  CHECK ((closed_at IS NULL) = (closing_reason IS NULL))
);
CREATE INDEX cases_owner_idx ON cases (tenant_id, owning_unit_id, updated_at DESC);
CREATE INDEX cases_child_idx ON cases (child_id);
ALTER TABLE signals ADD FOREIGN KEY (tenant_id, case_id) REFERENCES cases(tenant_id, id);

-- Roles in a case: trygghetsperson, barnkoordinator and involved professionals per unit.
CREATE TABLE case_roles (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL,
  case_id uuid NOT NULL,
  user_id uuid NOT NULL,
  unit_id uuid NOT NULL,
  role text NOT NULL CHECK (role IN ('trygghetsperson','barnkoordinator','involverad')),
  assigned_by uuid NOT NULL,
  assigned_at timestamptz NOT NULL DEFAULT now(),
  ended_at timestamptz,
  FOREIGN KEY (tenant_id, case_id) REFERENCES cases(tenant_id, id),
  FOREIGN KEY (tenant_id, user_id) REFERENCES users(tenant_id, id),
  FOREIGN KEY (tenant_id, unit_id) REFERENCES units(tenant_id, id)
);
CREATE INDEX case_roles_case_idx ON case_roles (case_id);
CREATE INDEX case_roles_unit_idx ON case_roles (tenant_id, unit_id, case_id) WHERE ended_at IS NULL;
CREATE UNIQUE INDEX case_roles_single_uq ON case_roles (case_id, role) WHERE ended_at IS NULL AND role <> 'involverad';
CREATE UNIQUE INDEX case_roles_involved_uq ON case_roles (case_id, user_id, unit_id, role) WHERE ended_at IS NULL;

-- The consent ledger. givers holds one line per person (guardian, child, young adult) with
-- the answer and its documentation. active_from/active_until are derived by the domain
-- rules on every change (and by the daily job): the span of days on which the consent is
-- active if nothing else changes, or null when it is not active on any day. The choke point
-- filters on them in SQL; single reads re-run the domain rule and fail closed.
CREATE TABLE consents (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL,
  case_id uuid NOT NULL,
  child_id uuid NOT NULL,
  recorded_by_unit_id uuid NOT NULL,
  purpose_category text NOT NULL CHECK (purpose_category IN ('samordning_tsi_team','sip','overlamning','annat')),
  purpose_text text NOT NULL,
  unit_ids uuid[] NOT NULL,
  categories text[] NOT NULL,
  valid_from date NOT NULL,
  valid_until date NOT NULL,
  givers jsonb NOT NULL,
  maturity jsonb,
  attachment_name text,
  attachment_type text,
  attachment_data bytea,
  active_from date,
  active_until date,
  activated_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, id),
  FOREIGN KEY (tenant_id, case_id) REFERENCES cases(tenant_id, id),
  FOREIGN KEY (tenant_id, child_id) REFERENCES children(tenant_id, id),
  FOREIGN KEY (tenant_id, recorded_by_unit_id) REFERENCES units(tenant_id, id),
  CHECK (valid_from <= valid_until),
  CHECK ((active_from IS NULL) = (active_until IS NULL))
);
CREATE INDEX consents_case_idx ON consents (case_id);
CREATE INDEX consents_units_idx ON consents USING gin (unit_ids);
CREATE INDEX consents_active_idx ON consents (tenant_id, active_until) WHERE active_until IS NOT NULL;

-- When a consent is withdrawn every unit that had access is told and must acknowledge.
CREATE TABLE consent_notices (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL,
  consent_id uuid NOT NULL,
  case_id uuid NOT NULL,
  unit_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('withdrawn')),
  created_at timestamptz NOT NULL DEFAULT now(),
  acknowledged_by uuid,
  acknowledged_at timestamptz,
  FOREIGN KEY (tenant_id, consent_id) REFERENCES consents(tenant_id, id),
  FOREIGN KEY (tenant_id, case_id) REFERENCES cases(tenant_id, id),
  FOREIGN KEY (tenant_id, unit_id) REFERENCES units(tenant_id, id),
  UNIQUE (consent_id, unit_id, kind)
);
CREATE INDEX consent_notices_open_idx ON consent_notices (tenant_id, unit_id) WHERE acknowledged_at IS NULL;

-- The chronology: append-only. A correction is a new row pointing at the one it corrects,
-- with a reason; the app role has no UPDATE or DELETE here. category null marks a process
-- entry (consent, state, roles) written by the system without free text from users: any
-- unit that may see the case exists sees those.
CREATE TABLE case_events (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL,
  case_id uuid NOT NULL,
  owning_unit_id uuid NOT NULL,
  author_user_id uuid,
  kind text NOT NULL,
  category text CHECK (category IN ('skolsituation','halsa','familj_och_hem','fritid','insatser','bedomningar_och_planer')),
  anonymous_phase boolean NOT NULL,
  occurred_on date NOT NULL,
  text text NOT NULL,
  details jsonb NOT NULL DEFAULT '{}'::jsonb,
  corrects_id uuid,
  correction_reason text,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, id),
  FOREIGN KEY (tenant_id, case_id) REFERENCES cases(tenant_id, id),
  FOREIGN KEY (tenant_id, owning_unit_id) REFERENCES units(tenant_id, id),
  FOREIGN KEY (tenant_id, corrects_id) REFERENCES case_events(tenant_id, id),
  CHECK ((corrects_id IS NULL) = (correction_reason IS NULL))
);
CREATE INDEX case_events_case_idx ON case_events (case_id, created_at);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['signals','cases','case_roles','consents','consent_notices','case_events'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant())', t);
  END LOOP;
END $$;

GRANT SELECT, INSERT ON case_events TO samsyn_app;
GRANT SELECT, INSERT, UPDATE (case_id) ON signals TO samsyn_app;
GRANT SELECT, INSERT, UPDATE ON cases, case_roles, consents, consent_notices TO samsyn_app;
