-- Invigil schema version 18: where the exam's staff read the names of learners the platform launched anonymously.
-- Open edX (edx-exams) sends course staff a custom.roster_url answering [[anonymous_user_id, username], ...] to
-- their own browser session only; the instructor's page reads it there and hands the names to Invigil.
ALTER TABLE exam ADD COLUMN learner_names_url VARCHAR(2000);
