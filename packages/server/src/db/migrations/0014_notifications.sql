-- Meetings issue §7: in-app notifications and an e-mail outbox.
-- A notification belongs to its recipient alone (the access layer reads only the caller's
-- own rows). Titles carry no child data: callers pass pseudonyms or meeting dates only.
-- The outbox holds e-mails that leave the confidential system, so their text never
-- carries case content, only a link back into Samsyn. A sender (SMTP) drains it; several
-- app instances may do so at once (rows are claimed with FOR UPDATE SKIP LOCKED).
CREATE TABLE notifications (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL,
  user_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('invitation', 'decision_assigned', 'feedback_due', 'agenda_changed')),
  title_sv text NOT NULL,
  title_en text NOT NULL,
  link text NOT NULL CHECK (link LIKE '/%' AND link NOT LIKE '//%'),
  dedupe_key text,
  read_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, id),
  FOREIGN KEY (tenant_id, user_id) REFERENCES users(tenant_id, id)
);
CREATE UNIQUE INDEX notifications_dedupe_uq ON notifications (user_id, dedupe_key) WHERE dedupe_key IS NOT NULL;
CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC);

CREATE TABLE email_outbox (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL,
  notification_id uuid,
  to_address text NOT NULL,
  subject text NOT NULL,
  body_text text NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
  attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  last_error text,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz,
  FOREIGN KEY (tenant_id) REFERENCES tenants(id),
  FOREIGN KEY (tenant_id, notification_id) REFERENCES notifications(tenant_id, id),
  CHECK ((status = 'sent') = (sent_at IS NOT NULL))
);
CREATE INDEX email_outbox_due_idx ON email_outbox (status, next_attempt_at);

ALTER TABLE notifications ENABLE ROW LEVEL SECURITY;
ALTER TABLE email_outbox ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON notifications USING (tenant_id = (SELECT current_tenant())) WITH CHECK (tenant_id = (SELECT current_tenant()));
CREATE POLICY tenant_isolation ON email_outbox USING (tenant_id = (SELECT current_tenant())) WITH CHECK (tenant_id = (SELECT current_tenant()));
GRANT SELECT, INSERT, UPDATE ON notifications, email_outbox TO samsyn_app;

-- The sender asks which tenants have e-mail due, then sends inside each tenant's own RLS
-- context, so idle tenants cost it nothing (like audit_tenants_pending).
CREATE FUNCTION email_outbox_tenants_due() RETURNS TABLE (tenant_id uuid)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$ SELECT DISTINCT o.tenant_id FROM email_outbox o WHERE o.status = 'pending' AND o.next_attempt_at <= now() $$;

REVOKE ALL ON FUNCTION email_outbox_tenants_due() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION email_outbox_tenants_due() TO samsyn_app;
