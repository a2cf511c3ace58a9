-- Issue 6 §3–5: case interventions, warm hand-overs between services and per-case figures.
--
-- An intervention is proposed by a unit working with the case (from a meeting decision, a plan
-- action or directly) and given by a provider unit. When the provider is another unit the
-- proposing unit hands it over: the hand-over carries only what an active consent covers for
-- the receiving unit, and the receiving unit answers within N working days. Each step is dated
-- and written to the case chronology in the same transaction.
CREATE TABLE interventions (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL,
  case_id uuid NOT NULL,
  owning_unit_id uuid NOT NULL,
  provider_unit_id uuid NOT NULL,
  support_offer_id uuid,
  name text NOT NULL,
  type text NOT NULL,
  area_keys text[] NOT NULL DEFAULT '{}',
  source text NOT NULL CHECK (source IN ('decision', 'plan_action', 'direct')),
  source_decision_id uuid,
  source_plan_id uuid,
  source_action_key text,
  status text NOT NULL CHECK (status IN ('proposed', 'requested', 'accepted', 'declined', 'revoked', 'started', 'ended')),
  proposed_on date NOT NULL,
  proposed_by uuid NOT NULL,
  accepted_on date,
  started_on date,
  ended_on date,
  end_reason text CHECK (end_reason IN ('goal_reached', 'family_ended', 'moved', 'replaced', 'other')),
  end_note text,
  version integer NOT NULL DEFAULT 1,
  updated_by uuid NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, id),
  FOREIGN KEY (tenant_id, case_id) REFERENCES cases(tenant_id, id),
  FOREIGN KEY (tenant_id, owning_unit_id) REFERENCES units(tenant_id, id),
  FOREIGN KEY (tenant_id, provider_unit_id) REFERENCES units(tenant_id, id),
  FOREIGN KEY (tenant_id, support_offer_id) REFERENCES support_offers(tenant_id, id),
  CHECK ((source = 'decision') = (source_decision_id IS NOT NULL)),
  CHECK ((source = 'plan_action') = (source_plan_id IS NOT NULL AND source_action_key IS NOT NULL)),
  CHECK ((status = 'ended') = (ended_on IS NOT NULL AND end_reason IS NOT NULL)),
  CHECK (ended_on IS NULL OR (started_on IS NOT NULL AND ended_on >= started_on)),
  CHECK (started_on IS NULL OR started_on >= proposed_on)
);
CREATE INDEX interventions_case_idx ON interventions (case_id, proposed_on);
CREATE INDEX interventions_provider_idx ON interventions (tenant_id, provider_unit_id, status);

-- The hand-over of an intervention to its provider unit. The message is the information sent,
-- tagged with the consent categories it holds; the receiving unit reads it only while an active
-- consent covers both units for each of those categories.
CREATE TABLE handovers (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL,
  intervention_id uuid NOT NULL,
  case_id uuid NOT NULL,
  from_unit_id uuid NOT NULL,
  to_unit_id uuid NOT NULL,
  message text NOT NULL,
  categories text[] NOT NULL DEFAULT '{}',
  status text NOT NULL CHECK (status IN ('requested', 'accepted', 'declined', 'revoked')),
  requested_on date NOT NULL,
  requested_by uuid NOT NULL,
  answer_by date NOT NULL,
  answered_on date,
  answered_by uuid,
  decline_reason text,
  revoked_on date,
  revoke_reason text,
  UNIQUE (tenant_id, id),
  UNIQUE (intervention_id),
  FOREIGN KEY (tenant_id, intervention_id) REFERENCES interventions(tenant_id, id),
  FOREIGN KEY (tenant_id, case_id) REFERENCES cases(tenant_id, id),
  FOREIGN KEY (tenant_id, from_unit_id) REFERENCES units(tenant_id, id),
  FOREIGN KEY (tenant_id, to_unit_id) REFERENCES units(tenant_id, id),
  CHECK (from_unit_id <> to_unit_id),
  CHECK ((status = 'declined') = (decline_reason IS NOT NULL)),
  CHECK ((status = 'revoked') = (revoked_on IS NOT NULL))
);
CREATE INDEX handovers_inbox_idx ON handovers (tenant_id, to_unit_id, status);

-- Per-case figures for later group statistics (issue 6 §5): dates, counts and codes only, never
-- case text. Recomputed in the same transaction as every intervention step and feedback task.
CREATE TABLE case_figures (
  case_id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL,
  owning_unit_id uuid NOT NULL,
  signal_on date NOT NULL,
  first_accepted_handover_on date,
  days_to_first_accepted_handover integer,
  first_started_on date,
  days_to_first_started integer,
  feedback_on_time integer NOT NULL DEFAULT 0,
  feedback_late integer NOT NULL DEFAULT 0,
  feedback_pending integer NOT NULL DEFAULT 0,
  end_reasons jsonb NOT NULL DEFAULT '{}'::jsonb,
  computed_on date NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, case_id),
  FOREIGN KEY (tenant_id, case_id) REFERENCES cases(tenant_id, id)
);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['interventions', 'handovers', 'case_figures'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = (SELECT current_tenant())) WITH CHECK (tenant_id = (SELECT current_tenant()))', t);
  END LOOP;
END $$;

GRANT SELECT, INSERT, UPDATE ON interventions, handovers, case_figures TO samsyn_app;
