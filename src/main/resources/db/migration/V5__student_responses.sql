-- Invigil schema version 5: what students answer to their own report, before a reviewer's final decision.
-- Responses are part of the academic record: the retention purge of evidence leaves them in place.

CREATE TABLE student_response (
    id           VARCHAR(36)   NOT NULL PRIMARY KEY,
    session_id   VARCHAR(36)   NOT NULL,
    incident_id  VARCHAR(36),
    user_id      VARCHAR(255)  NOT NULL,
    user_name    VARCHAR(512)  NOT NULL,
    body         VARCHAR(4000) NOT NULL,
    written_at   TIMESTAMP     NOT NULL,
    CONSTRAINT student_response_session FOREIGN KEY (session_id) REFERENCES proctoring_session (id) ON DELETE CASCADE
);
CREATE INDEX student_response_session ON student_response (session_id, written_at);
