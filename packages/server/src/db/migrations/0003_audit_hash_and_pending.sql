-- Canonical, versioned row hash for the audit chain. An explicit column list and an
-- explicit UTC timestamp format make the hash independent of the session's time
-- zone and of columns added to audit_log later (row_to_json depended on both).
CREATE FUNCTION audit_row_hash_v1(a audit_log) RETURNS text
LANGUAGE sql STABLE AS
$$ SELECT encode(sha256(convert_to(jsonb_build_array(
     a.id, a.tenant_id, to_char(a.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
     a.actor_user_id, a.acting_unit_id, a.action, a.resource_type, a.resource_id, a.subject_child_id,
     a.purpose, a.consent_id, a.outcome, a.protected_identity, a.details)::text, 'UTF8')), 'hex') $$;

-- Tenants that have audit rows waiting to be sealed, so idle tenants cost the sealer nothing.
CREATE FUNCTION audit_tenants_pending() RETURNS TABLE (tenant_id uuid)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$ SELECT t.id FROM tenants t
   WHERE EXISTS (
     SELECT 1 FROM audit_log a
     WHERE a.tenant_id = t.id
       AND a.id > coalesce((SELECT max(c.audit_id) FROM audit_chain c WHERE c.tenant_id = t.id), 0) - 10000
       AND NOT EXISTS (SELECT 1 FROM audit_chain c2 WHERE c2.audit_id = a.id)) $$;

REVOKE ALL ON FUNCTION audit_tenants_pending() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit_tenants_pending(), audit_row_hash_v1(audit_log) TO samsyn_app;

