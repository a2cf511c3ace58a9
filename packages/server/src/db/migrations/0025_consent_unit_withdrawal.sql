-- Issue 7 §3: a person who gave a consent may withdraw it for one unit only ("återkalla för BUP").
-- The unit leaves consents.unit_ids at once; unit_withdrawals keeps the record of who took which
-- unit out and when, so the ledger still shows what the consent once covered.
ALTER TABLE consents ADD COLUMN unit_withdrawals jsonb NOT NULL DEFAULT '[]'::jsonb;

-- consent_units follows unit_ids on every change, not only on activation, so a unit taken out of a
-- consent loses access in the same transaction.
CREATE OR REPLACE FUNCTION consent_units_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO consent_units (tenant_id, consent_id, case_id, unit_id, activated)
    SELECT NEW.tenant_id, NEW.id, NEW.case_id, u, NEW.activated_at IS NOT NULL FROM unnest(NEW.unit_ids) AS u
    ON CONFLICT DO NOTHING;
    RETURN NEW;
  END IF;
  IF NEW.unit_ids IS DISTINCT FROM OLD.unit_ids THEN
    DELETE FROM consent_units WHERE consent_id = NEW.id AND NOT (unit_id = ANY (NEW.unit_ids));
    INSERT INTO consent_units (tenant_id, consent_id, case_id, unit_id, activated)
    SELECT NEW.tenant_id, NEW.id, NEW.case_id, u, NEW.activated_at IS NOT NULL FROM unnest(NEW.unit_ids) AS u
    ON CONFLICT DO NOTHING;
  END IF;
  IF NEW.activated_at IS DISTINCT FROM OLD.activated_at THEN
    UPDATE consent_units SET activated = NEW.activated_at IS NOT NULL WHERE consent_id = NEW.id;
  END IF;
  RETURN NEW;
END $$;
DROP TRIGGER consent_units_sync ON consents;
CREATE TRIGGER consent_units_sync AFTER INSERT OR UPDATE OF activated_at, unit_ids ON consents FOR EACH ROW EXECUTE FUNCTION consent_units_sync();
GRANT DELETE ON consent_units TO samsyn_app;
