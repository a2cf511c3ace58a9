-- auth_session_actor runs on every request. As a SECURITY DEFINER SQL function it
-- could not be inlined and was planned on every call; PL/pgSQL caches its plan per
-- connection. Same result, same rights.
CREATE OR REPLACE FUNCTION auth_session_actor(p_token_hash text)
RETURNS TABLE (id uuid, tenant_id uuid, user_id uuid, csrf_token text, acting_unit_id uuid,
               last_seen_at timestamptz, expires_at timestamptz, user_active boolean, roles text[])
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS
$$
BEGIN
  RETURN QUERY
  SELECT s.id, s.tenant_id, s.user_id, s.csrf_token, s.acting_unit_id, s.last_seen_at, s.expires_at,
         u.active,
         coalesce((SELECT array_agg(m.role ORDER BY m.role) FROM memberships m JOIN units un ON un.id = m.unit_id
                   WHERE m.user_id = s.user_id AND m.unit_id = s.acting_unit_id AND un.active), '{}')
  FROM sessions s JOIN users u ON u.id = s.user_id
  WHERE s.token_hash = p_token_hash;
END
$$;
