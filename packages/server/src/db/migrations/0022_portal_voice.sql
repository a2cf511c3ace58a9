-- Issue 7 §2 "Det här vill jag säga": the child or a guardian writes their own words before the
-- next meeting in the portal; they go straight into that meeting's agenda item as the child's
-- (or guardians') voice. Such a save has no staff user behind it.
ALTER TABLE agenda_voices ALTER COLUMN updated_by DROP NOT NULL;
ALTER TABLE agenda_voices ADD COLUMN updated_via text NOT NULL DEFAULT 'staff' CHECK (updated_via IN ('staff', 'portal'));
ALTER TABLE agenda_voices ADD CONSTRAINT agenda_voices_updated_by_staff CHECK (updated_via = 'portal' OR updated_by IS NOT NULL);
