-- Issue 6 §2: the public page "Vart vänder jag mig?" shows the "vem gör vad" directory to
-- children, families and anyone else, without a log-in. There is no session and so no tenant
-- for row-level security. These SECURITY DEFINER functions are the page's only reads, and they
-- return only what the page shows: organisation names, the public columns of active entries
-- of active units (never who wrote them), and the wheel's area labels.
CREATE FUNCTION public_organisations()
RETURNS TABLE (id uuid, name text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$ SELECT t.id, t.name FROM tenants t ORDER BY t.name, t.id $$;

CREATE FUNCTION public_support_offers(p_tenant uuid)
RETURNS TABLE (unit_name text, name text, description text, level text, age_min integer, age_max integer, area_keys text[],
               kind text, how_to_get text, contact_email text, contact_phone text, typical_wait text, evidence_note text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$ SELECT u.name, o.name, o.description, o.level, o.age_min, o.age_max, o.area_keys,
          o.kind, o.how_to_get, o.contact_email, o.contact_phone, o.typical_wait, o.evidence_note
   FROM support_offers o JOIN units u ON u.tenant_id = o.tenant_id AND u.id = o.unit_id
   WHERE o.tenant_id = p_tenant AND o.active AND u.active
   ORDER BY o.name, u.name $$;

-- The areas of the tenant's current wheel version (keys and labels only). No rows when the
-- tenant has not used the wheel yet: the app then shows the default areas.
CREATE FUNCTION public_wheel_areas(p_tenant uuid)
RETURNS TABLE (area_key text, label_sv text, label_en text, area_position integer, retired boolean)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$ SELECT a->>'key', a->>'labelSv', a->>'labelEn', (a->>'position')::integer, coalesce((a->>'retired')::boolean, false)
   FROM (SELECT w.areas FROM wheel_versions w WHERE w.tenant_id = p_tenant ORDER BY w.version DESC LIMIT 1) current_wheel,
        jsonb_array_elements(current_wheel.areas) a $$;

REVOKE ALL ON FUNCTION public_organisations(), public_support_offers(uuid), public_wheel_areas(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public_organisations(), public_support_offers(uuid), public_wheel_areas(uuid) TO samsyn_app;
