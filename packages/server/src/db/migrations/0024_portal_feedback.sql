-- Issue 7: "Blev du lyssnad på?" and "Förstod du vad som bestämdes?" after a team meeting, asked
-- in the family portal. The answers must not be linkable to the child:
--
--  - portal_feedback holds the answers with nothing but the team, the month (first day only), who
--    answered in kind (the child or a guardian) and the two answers: no child, case, meeting,
--    person or exact time, and a random (v4, not time-ordered) id. The app role may only INSERT
--    here; it reads counts per month through portal_feedback_counts(), never single rows (so not
--    their system columns either, which would tell the transaction that wrote them).
--  - portal_feedback_given records only THAT a person (the keyed hash of their personnummer)
--    answered for a meeting, so they are asked once. It has no answer columns, and nothing joins
--    the two tables. The portal writes the two in separate transactions.
CREATE TABLE portal_feedback (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL,
  team_id uuid NOT NULL,
  period date NOT NULL CHECK (extract(day FROM period) = 1),
  relation text NOT NULL CHECK (relation IN ('self', 'guardian')),
  listened smallint NOT NULL CHECK (listened BETWEEN 1 AND 3),
  understood smallint NOT NULL CHECK (understood BETWEEN 1 AND 3),
  FOREIGN KEY (tenant_id, team_id) REFERENCES teams(tenant_id, id)
);
CREATE INDEX portal_feedback_team_idx ON portal_feedback (tenant_id, team_id, period);

CREATE TABLE portal_feedback_given (
  tenant_id uuid NOT NULL,
  meeting_id uuid NOT NULL,
  identity_hash text NOT NULL,
  PRIMARY KEY (meeting_id, identity_hash),
  FOREIGN KEY (tenant_id, meeting_id) REFERENCES meetings(tenant_id, id)
);

ALTER TABLE portal_feedback ENABLE ROW LEVEL SECURITY;
ALTER TABLE portal_feedback_given ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON portal_feedback USING (tenant_id = (SELECT current_tenant())) WITH CHECK (tenant_id = (SELECT current_tenant()));
CREATE POLICY tenant_isolation ON portal_feedback_given USING (tenant_id = (SELECT current_tenant())) WITH CHECK (tenant_id = (SELECT current_tenant()));
GRANT INSERT ON portal_feedback TO samsyn_app;
-- DELETE only to undo the mark when storing the answer itself failed (answerPortalFeedback).
GRANT SELECT, INSERT, DELETE ON portal_feedback_given TO samsyn_app;

-- Counts per month, question and answer for one team in the current tenant: the only way the app
-- reads the answers. Small counts are hidden by the caller (fewer than 5 is never shown).
CREATE FUNCTION portal_feedback_counts(p_team uuid, p_from date, p_to date)
RETURNS TABLE (period date, question text, answer smallint, n integer)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$ SELECT f.period, q.question, q.answer, count(*)::int
   FROM portal_feedback f
   CROSS JOIN LATERAL (VALUES ('listened', f.listened), ('understood', f.understood)) AS q(question, answer)
   WHERE f.tenant_id = current_tenant() AND f.team_id = p_team AND f.period BETWEEN p_from AND p_to
   GROUP BY f.period, q.question, q.answer $$;
REVOKE ALL ON FUNCTION portal_feedback_counts(uuid, date, date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION portal_feedback_counts(uuid, date, date) TO samsyn_app;
