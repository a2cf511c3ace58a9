-- One round trip per request to turn a session token into an actor: the session,
-- whether the user is still active, and the roles held in the acting unit (only
-- while that unit is active). SECURITY DEFINER because the tenant is not yet known.
CREATE FUNCTION auth_session_actor(p_token_hash text)
RETURNS TABLE (id uuid, tenant_id uuid, user_id uuid, csrf_token text, acting_unit_id uuid,
               last_seen_at timestamptz, expires_at timestamptz, user_active boolean, roles text[])
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$ SELECT s.id, s.tenant_id, s.user_id, s.csrf_token, s.acting_unit_id, s.last_seen_at, s.expires_at,
          u.active,
          coalesce((SELECT array_agg(m.role ORDER BY m.role) FROM memberships m JOIN units un ON un.id = m.unit_id
                    WHERE m.user_id = s.user_id AND m.unit_id = s.acting_unit_id AND un.active), '{}')
   FROM sessions s JOIN users u ON u.id = s.user_id
   WHERE s.token_hash = p_token_hash $$;

CREATE FUNCTION auth_touch_session(p_id uuid) RETURNS void
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public AS
$$ UPDATE sessions SET last_seen_at = now() WHERE id = p_id $$;

CREATE FUNCTION auth_end_session(p_id uuid) RETURNS void
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public AS
$$ DELETE FROM sessions WHERE id = p_id $$;

DROP FUNCTION auth_find_session(text);

REVOKE ALL ON FUNCTION auth_session_actor(text), auth_touch_session(uuid), auth_end_session(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION auth_session_actor(text), auth_touch_session(uuid), auth_end_session(uuid) TO samsyn_app;
