-- Issue 7 §1: the family portal's sign-in. A portal person is identified by the keyed hash of
-- their personnummer (the same HMAC as children.identity_number_hash and
-- guardians.identity_number_hash), never by the number itself. They sign in with e-ID through
-- OpenID Connect, or (demo only) with a local account. The person is not bound to a tenant: the
-- same guardian may have children in several organisations, so these tables carry no tenant_id
-- and the app role reaches them only through the SECURITY DEFINER functions below.
CREATE TABLE portal_accounts (
  id uuid PRIMARY KEY,
  username text NOT NULL UNIQUE,
  password_hash text NOT NULL,
  identity_hash text NOT NULL,
  display_name text NOT NULL,
  failed_logins integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE portal_sessions (
  id uuid PRIMARY KEY,
  token_hash text NOT NULL UNIQUE,
  csrf_token text NOT NULL,
  identity_hash text NOT NULL,
  display_name text NOT NULL,
  method text NOT NULL CHECK (method IN ('local', 'oidc')),
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX portal_sessions_identity_idx ON portal_sessions (identity_hash);

REVOKE ALL ON portal_accounts, portal_sessions FROM samsyn_app;

CREATE FUNCTION portal_find_account(p_username text)
RETURNS TABLE (id uuid, password_hash text, identity_hash text, display_name text, failed_logins integer, locked_until timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$ SELECT a.id, a.password_hash, a.identity_hash, a.display_name, a.failed_logins, a.locked_until FROM portal_accounts a WHERE a.username = lower(p_username) $$;

-- A failed password: after p_max failures in a row the account is locked for p_minutes.
CREATE FUNCTION portal_login_failed(p_id uuid, p_max integer, p_minutes integer) RETURNS void
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public AS
$$ UPDATE portal_accounts SET failed_logins = CASE WHEN failed_logins + 1 >= p_max THEN 0 ELSE failed_logins + 1 END,
     locked_until = CASE WHEN failed_logins + 1 >= p_max THEN now() + make_interval(mins => p_minutes) ELSE locked_until END
   WHERE id = p_id $$;

CREATE FUNCTION portal_login_ok(p_id uuid) RETURNS void
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public AS
$$ UPDATE portal_accounts SET failed_logins = 0, locked_until = NULL WHERE id = p_id $$;

CREATE FUNCTION portal_start_session(p_id uuid, p_token_hash text, p_csrf text, p_identity_hash text, p_display_name text, p_method text, p_hours integer)
RETURNS void LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public AS
$$ INSERT INTO portal_sessions (id, token_hash, csrf_token, identity_hash, display_name, method, expires_at)
   VALUES (p_id, p_token_hash, p_csrf, p_identity_hash, p_display_name, p_method, now() + make_interval(hours => p_hours)) $$;

CREATE FUNCTION portal_session(p_token_hash text)
RETURNS TABLE (id uuid, csrf_token text, identity_hash text, display_name text, method text, last_seen_at timestamptz, expires_at timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$ SELECT s.id, s.csrf_token, s.identity_hash, s.display_name, s.method, s.last_seen_at, s.expires_at FROM portal_sessions s WHERE s.token_hash = p_token_hash $$;

CREATE FUNCTION portal_touch_session(p_id uuid) RETURNS void
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public AS
$$ UPDATE portal_sessions SET last_seen_at = now() WHERE id = p_id $$;

CREATE FUNCTION portal_end_session(p_id uuid) RETURNS void
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public AS
$$ DELETE FROM portal_sessions WHERE id = p_id $$;

-- Which children a person is linked to, in any organisation: their own record (relation
-- 'self'), and children for whom they are a custodial guardian (relation 'guardian'). Only ids
-- and the relation leave this function; everything else is read in the tenant's own
-- transaction, under row-level security, by the portal's access rules.
CREATE FUNCTION portal_links(p_identity_hash text)
RETURNS TABLE (tenant_id uuid, child_id uuid, relation text, guardian_id uuid)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$ SELECT c.tenant_id, c.id, 'self', NULL::uuid FROM children c WHERE c.identity_number_hash = p_identity_hash
   UNION ALL
   SELECT g.tenant_id, g.child_id, 'guardian', g.id FROM guardians g
   WHERE g.identity_number_hash = p_identity_hash AND g.custody IN ('vardnadshavare', 'sarskilt_forordnad') $$;

REVOKE ALL ON FUNCTION portal_find_account(text), portal_login_failed(uuid, integer, integer), portal_login_ok(uuid),
  portal_start_session(uuid, text, text, text, text, text, integer), portal_session(text), portal_touch_session(uuid),
  portal_end_session(uuid), portal_links(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION portal_find_account(text), portal_login_failed(uuid, integer, integer), portal_login_ok(uuid),
  portal_start_session(uuid, text, text, text, text, text, integer), portal_session(text), portal_touch_session(uuid),
  portal_end_session(uuid), portal_links(text) TO samsyn_app;

-- Creates a portal account (the demo seed; later an administrator's tool).
CREATE FUNCTION portal_create_account(p_id uuid, p_username text, p_password_hash text, p_identity_hash text, p_display_name text)
RETURNS void LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public AS
$$ INSERT INTO portal_accounts (id, username, password_hash, identity_hash, display_name)
   VALUES (p_id, lower(p_username), p_password_hash, p_identity_hash, p_display_name) $$;
REVOKE ALL ON FUNCTION portal_create_account(uuid, text, text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION portal_create_account(uuid, text, text, text, text) TO samsyn_app;
