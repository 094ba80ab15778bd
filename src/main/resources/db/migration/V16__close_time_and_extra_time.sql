-- Invigil schema version 16: when an attempt's quiz closes. The close time the platform sent with the student's own
-- launch (LTI's ResourceLink.available.endDateTime, which Canvas substitutes), and the extra time an accommodation
-- grants a student past the exam's close time.
ALTER TABLE proctoring_session ADD COLUMN closes_at TIMESTAMP;
ALTER TABLE accommodation ADD COLUMN extra_minutes INTEGER DEFAULT 0 NOT NULL;
