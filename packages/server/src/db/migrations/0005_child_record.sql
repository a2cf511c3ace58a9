-- Child record, first slice of the children/cases issue.
--
-- Each unit keeps its own record of a child (each service has its own law and its
-- own records; sharing happens through consent, not through one shared row). So an
-- identity number is unique per owning unit, not per tenant: a tenant-wide unique
-- index would tell a school that social services already knows the child.
DROP INDEX children_identity_uq;
CREATE UNIQUE INDEX children_identity_per_unit_uq ON children (tenant_id, owning_unit_id, identity_number_hash);
CREATE INDEX children_identity_hash_idx ON children (tenant_id, identity_number_hash);
CREATE INDEX children_name_idx ON children (tenant_id, owning_unit_id, lower(family_name), lower(given_name));

-- Named professionals may see the protected details (address, school, guardians'
-- contact details) of a child with skyddade personuppgifter. Personal data.
CREATE TABLE child_named_professionals (
  tenant_id uuid NOT NULL,
  child_id uuid NOT NULL,
  user_id uuid NOT NULL,
  named_by uuid NOT NULL,
  named_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (child_id, user_id),
  FOREIGN KEY (tenant_id, child_id) REFERENCES children(tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, user_id) REFERENCES users(tenant_id, id)
);
ALTER TABLE child_named_professionals ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON child_named_professionals USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
GRANT SELECT, INSERT, DELETE ON child_named_professionals TO samsyn_app;
