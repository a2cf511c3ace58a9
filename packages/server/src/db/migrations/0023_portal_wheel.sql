-- Issue 7: "Mitt hjul" in the family portal, and the child's private words and answers.
--
-- The child (or a guardian) rates the wheel in the portal: such an assessment has no staff user
-- behind it (entered_via = 'portal'); a staff row still names who entered it. A child assessed as
-- mature (or from 15) may keep single areas of their own answer, and their words before a meeting,
-- from their guardians; the team always sees them.
ALTER TABLE wheel_assessments ALTER COLUMN entered_by DROP NOT NULL;
ALTER TABLE wheel_assessments ADD COLUMN entered_via text NOT NULL DEFAULT 'staff' CHECK (entered_via IN ('staff', 'portal'));
ALTER TABLE wheel_assessments ADD CONSTRAINT wheel_assessments_entered_by_staff CHECK (entered_via = 'portal' OR entered_by IS NOT NULL);
ALTER TABLE wheel_assessments ADD COLUMN private_area_keys text[] NOT NULL DEFAULT '{}';
ALTER TABLE wheel_assessments ADD CONSTRAINT wheel_assessments_private_child_only
  CHECK (cardinality(private_area_keys) = 0 OR perspective = 'child');

ALTER TABLE agenda_voices ADD COLUMN child_words_private boolean NOT NULL DEFAULT false;
