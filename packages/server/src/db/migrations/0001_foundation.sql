-- Samsyn foundation: tenants, organisation, sessions, children (personal data),
-- the append-only audit log and its hash chain. Row-level security on tenant_id
-- is the second wall behind the application's access choke point.

DO $$ BEGIN
  CREATE ROLE samsyn_app NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;

CREATE TABLE tenants (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('kommun', 'region', 'samverkan')),
  settings jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE principals (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('kommun', 'region', 'stat', 'privat', 'ideell')),
  UNIQUE (tenant_id, id)
);

CREATE TABLE units (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  principal_id uuid NOT NULL,
  name text NOT NULL,
  type text NOT NULL CHECK (type IN ('forskola','grundskola','gymnasieskola','elevhalsa','socialtjanst','bvc','vardcentral','ungdomsmottagning','bup','habilitering','polis','fritid','civilsamhalle','ovrigt')),
  active boolean NOT NULL DEFAULT true,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, id),
  FOREIGN KEY (tenant_id, principal_id) REFERENCES principals(tenant_id, id)
);
CREATE UNIQUE INDEX units_name_uq ON units (tenant_id, lower(name));

CREATE TABLE users (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  username text NOT NULL,
  display_name text NOT NULL,
  email text,
  password_hash text NOT NULL,
  active boolean NOT NULL DEFAULT true,
  failed_logins integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  password_changed_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, id)
);
-- Usernames are unique across tenants so that log-in needs no tenant picker.
CREATE UNIQUE INDEX users_username_uq ON users (lower(username));

CREATE TABLE memberships (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL,
  user_id uuid NOT NULL,
  unit_id uuid NOT NULL,
  role text NOT NULL CHECK (role IN ('systemadministrator','samordnare','professional','chef','logggranskare')),
  UNIQUE (user_id, unit_id, role),
  FOREIGN KEY (tenant_id, user_id) REFERENCES users(tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, unit_id) REFERENCES units(tenant_id, id)
);
CREATE INDEX memberships_user_idx ON memberships (user_id);

CREATE TABLE teams (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  name text NOT NULL,
  age_min integer CHECK (age_min BETWEEN 0 AND 25),
  age_max integer CHECK (age_max BETWEEN 0 AND 25),
  target_description text,
  theme text,
  active boolean NOT NULL DEFAULT true,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, id),
  CHECK (age_min IS NULL OR age_max IS NULL OR age_min <= age_max)
);

CREATE TABLE team_members (
  tenant_id uuid NOT NULL,
  team_id uuid NOT NULL,
  user_id uuid NOT NULL,
  unit_id uuid NOT NULL,
  is_samordnare boolean NOT NULL DEFAULT false,
  PRIMARY KEY (team_id, user_id, unit_id),
  FOREIGN KEY (tenant_id, team_id) REFERENCES teams(tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, user_id) REFERENCES users(tenant_id, id),
  FOREIGN KEY (tenant_id, unit_id) REFERENCES units(tenant_id, id)
);

CREATE TABLE sessions (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL,
  user_id uuid NOT NULL,
  token_hash text NOT NULL UNIQUE,
  csrf_token text NOT NULL,
  acting_unit_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  FOREIGN KEY (tenant_id, user_id) REFERENCES users(tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, acting_unit_id) REFERENCES units(tenant_id, id)
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

-- Personal data: children and their guardians. Only the access choke point reads these.
CREATE TABLE children (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL,
  owning_unit_id uuid NOT NULL,
  given_name text NOT NULL,
  family_name text NOT NULL,
  identity_number_enc text,
  identity_number_hash text,
  birth_date date NOT NULL,
  protected_identity boolean NOT NULL DEFAULT false,
  address text,
  school_unit_id uuid,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, id),
  FOREIGN KEY (tenant_id, owning_unit_id) REFERENCES units(tenant_id, id),
  FOREIGN KEY (tenant_id, school_unit_id) REFERENCES units(tenant_id, id)
);
CREATE UNIQUE INDEX children_identity_uq ON children (tenant_id, identity_number_hash);
CREATE INDEX children_owner_idx ON children (tenant_id, owning_unit_id);

CREATE TABLE guardians (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL,
  child_id uuid NOT NULL,
  name text NOT NULL,
  custody text NOT NULL CHECK (custody IN ('vardnadshavare', 'sarskilt_forordnad', 'annan')),
  identity_number_enc text,
  identity_number_hash text,
  phone text,
  email text,
  address text,
  FOREIGN KEY (tenant_id, child_id) REFERENCES children(tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX guardians_child_idx ON guardians (child_id);

-- Audit log: append-only. The application role may INSERT and SELECT, never UPDATE
-- or DELETE. The sealer chains rows into audit_chain shortly after they commit.
CREATE TABLE audit_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id uuid NOT NULL,
  occurred_at timestamptz NOT NULL DEFAULT now(),
  actor_user_id uuid,
  acting_unit_id uuid,
  action text NOT NULL,
  resource_type text NOT NULL,
  resource_id text,
  subject_child_id uuid,
  purpose text,
  consent_id uuid,
  outcome text NOT NULL CHECK (outcome IN ('allowed', 'denied', 'not_found', 'failed')),
  protected_identity boolean NOT NULL DEFAULT false,
  details jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX audit_log_tenant_idx ON audit_log (tenant_id, id);
CREATE INDEX audit_log_child_idx ON audit_log (tenant_id, subject_child_id) WHERE subject_child_id IS NOT NULL;

CREATE TABLE audit_chain (
  tenant_id uuid NOT NULL,
  link_no bigint NOT NULL,
  audit_id bigint NOT NULL UNIQUE,
  row_hash text NOT NULL,
  chain_hash text NOT NULL,
  sealed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, link_no)
);

-- Row-level security: every tenant-scoped table is visible only inside a transaction
-- that has set app.tenant_id. Without it, nothing is visible (deny by default).
CREATE FUNCTION current_tenant() RETURNS uuid LANGUAGE sql STABLE AS
$$ SELECT nullif(current_setting('app.tenant_id', true), '')::uuid $$;

ALTER TABLE tenants ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tenants USING (id = current_tenant()) WITH CHECK (id = current_tenant());

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['principals','units','users','memberships','teams','team_members','sessions','children','guardians','audit_log','audit_chain'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant())', t);
  END LOOP;
END $$;

-- Log-in and session look-ups happen before the tenant is known. These two
-- SECURITY DEFINER functions are the only cross-tenant reads the app role can make,
-- and they return only what authentication needs.
CREATE FUNCTION auth_find_user(p_username text)
RETURNS TABLE (id uuid, tenant_id uuid, password_hash text, active boolean, failed_logins integer, locked_until timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$ SELECT u.id, u.tenant_id, u.password_hash, u.active, u.failed_logins, u.locked_until
   FROM users u WHERE lower(u.username) = lower(p_username) $$;

CREATE FUNCTION auth_find_session(p_token_hash text)
RETURNS TABLE (id uuid, tenant_id uuid, user_id uuid, csrf_token text, acting_unit_id uuid, last_seen_at timestamptz, expires_at timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$ SELECT s.id, s.tenant_id, s.user_id, s.csrf_token, s.acting_unit_id, s.last_seen_at, s.expires_at
   FROM sessions s WHERE s.token_hash = p_token_hash $$;

-- The sealer asks which tenants have unsealed audit rows; it then seals each tenant
-- inside that tenant's own RLS context.
CREATE FUNCTION audit_tenants() RETURNS TABLE (tenant_id uuid)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$ SELECT id FROM tenants $$;

REVOKE ALL ON FUNCTION auth_find_user(text), auth_find_session(text), audit_tenants() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION auth_find_user(text), auth_find_session(text), audit_tenants(), current_tenant() TO samsyn_app;

GRANT USAGE ON SCHEMA public TO samsyn_app;
GRANT SELECT, INSERT, UPDATE ON tenants, principals, units, teams, users, children TO samsyn_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON memberships, team_members, sessions, guardians TO samsyn_app;
-- Append-only: no UPDATE, no DELETE on the audit log or its chain.
GRANT SELECT, INSERT ON audit_log, audit_chain TO samsyn_app;
