-- Issue 6 §3: the receiving unit's staff are told of a new hand-over, and the sender of the answer.
ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check
  CHECK (kind IN ('invitation', 'decision_assigned', 'feedback_due', 'agenda_changed', 'handover_requested', 'handover_answered'));
