-- Liveness steps are handed out one at a time and timed from the server's clock: which step is open and since when.
ALTER TABLE liveness_challenge ADD COLUMN current_step INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE liveness_challenge ADD COLUMN step_issued_at TIMESTAMP;

-- Each liveness frame's face compared with the identity capture and with the reference photo (descriptor scores), and
-- whether either comparison said "another person".
ALTER TABLE liveness_sample ADD COLUMN identity_score DOUBLE PRECISION;
ALTER TABLE liveness_sample ADD COLUMN reference_score DOUBLE PRECISION;
ALTER TABLE liveness_sample ADD COLUMN other_person BOOLEAN DEFAULT FALSE NOT NULL;
