-- A score's timestamp is fixed before its first post, so that a re-post after a crash is the same score to the LMS.
ALTER TABLE grade_outbox ADD COLUMN score_timestamp TIMESTAMP;

-- Reference photos are kept until their last use plus the reference retention (invigil.retention.reference-days).
ALTER TABLE reference_photo ADD COLUMN last_used_at TIMESTAMP;
