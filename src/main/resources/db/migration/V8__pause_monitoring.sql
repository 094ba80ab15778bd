-- Invigil schema version 8: staff can pause and resume a student's monitoring, with a reason.
ALTER TABLE proctoring_session ADD COLUMN paused_at TIMESTAMP;
ALTER TABLE proctoring_session ADD COLUMN pause_reason VARCHAR(500);
ALTER TABLE proctoring_session ADD COLUMN resumed_at TIMESTAMP;
ALTER TABLE proctoring_session ADD COLUMN paused_seconds BIGINT DEFAULT 0 NOT NULL;
