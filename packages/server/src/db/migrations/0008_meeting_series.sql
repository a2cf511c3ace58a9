-- Meetings issue, first slice: a team's recurring meeting series and its meetings.
-- Dates and times are Swedish local (Europe/Stockholm); starts_at/ends_at are the instants.
-- Organisational data: when a team meets is not personal data. Agenda items, notes and
-- decisions (personal data) come with their own access rules.
CREATE TABLE meeting_series (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL,
  team_id uuid NOT NULL,
  start_date date NOT NULL,
  until_date date NOT NULL,
  interval_weeks integer NOT NULL CHECK (interval_weeks BETWEEN 1 AND 8),
  weekday integer NOT NULL CHECK (weekday BETWEEN 1 AND 7),
  start_time text NOT NULL,
  end_time text NOT NULL,
  location text,
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, id),
  FOREIGN KEY (tenant_id, team_id) REFERENCES teams(tenant_id, id),
  CHECK (start_date <= until_date),
  CHECK (start_time < end_time)
);

CREATE TABLE meetings (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL,
  team_id uuid NOT NULL,
  series_id uuid,
  date date NOT NULL,
  start_time text NOT NULL,
  end_time text NOT NULL,
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  location text,
  status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'cancelled')),
  cancel_reason text,
  moved_from date,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, id),
  FOREIGN KEY (tenant_id, team_id) REFERENCES teams(tenant_id, id),
  FOREIGN KEY (tenant_id, series_id) REFERENCES meeting_series(tenant_id, id),
  CHECK (starts_at < ends_at),
  CHECK ((status = 'cancelled') = (cancel_reason IS NOT NULL))
);
CREATE INDEX meetings_team_idx ON meetings (tenant_id, team_id, starts_at);

ALTER TABLE meeting_series ENABLE ROW LEVEL SECURITY;
ALTER TABLE meetings ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON meeting_series USING (tenant_id = (SELECT current_tenant())) WITH CHECK (tenant_id = (SELECT current_tenant()));
CREATE POLICY tenant_isolation ON meetings USING (tenant_id = (SELECT current_tenant())) WITH CHECK (tenant_id = (SELECT current_tenant()));
GRANT SELECT, INSERT ON meeting_series TO samsyn_app;
GRANT SELECT, INSERT, UPDATE ON meetings TO samsyn_app;
