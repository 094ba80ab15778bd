-- Invigil schema version 9: what the student consented to (the checks and the retention named in the consent
-- text), so that a running attempt never gets a check or a retention beyond it.
ALTER TABLE proctoring_session ADD COLUMN consented_checks VARCHAR(200);
ALTER TABLE proctoring_session ADD COLUMN consented_retention_days INTEGER;
