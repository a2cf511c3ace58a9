-- A signal that names a child carries the name as the raiser wrote it: sending the signal is
-- the disclosure (within one principal), so the recipient sees whom it is about even though
-- the child's record belongs to the raising unit. The signal's own access rule governs it.
ALTER TABLE signals ADD COLUMN child_name text;
UPDATE signals s SET child_name = c.given_name || ' ' || c.family_name FROM children c WHERE c.id = s.child_id;
