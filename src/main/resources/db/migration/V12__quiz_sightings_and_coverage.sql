-- Invigil schema version 12: monitoring coverage. The quiz pages the exam-page agent saw an attempt on (which kind
-- of page, when; never the page's content or address), why an attempt ended, and the coverage its result states.
CREATE TABLE quiz_sighting (
    id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    session_id  VARCHAR(36)  NOT NULL,
    page        VARCHAR(16)  NOT NULL,
    seen_at     TIMESTAMP    NOT NULL,
    CONSTRAINT quiz_sighting_once UNIQUE (session_id, page, seen_at),
    CONSTRAINT quiz_sighting_session FOREIGN KEY (session_id) REFERENCES proctoring_session (id) ON DELETE CASCADE
);
CREATE INDEX quiz_sighting_by_session ON quiz_sighting (session_id, seen_at);

ALTER TABLE proctoring_session ADD COLUMN end_reason VARCHAR(24);
ALTER TABLE integrity_result ADD COLUMN quiz_seconds BIGINT;
ALTER TABLE integrity_result ADD COLUMN monitored_seconds BIGINT;
ALTER TABLE integrity_result ADD COLUMN quiz_seen SMALLINT;
