-- Invigil schema version 3: reviewers' decisions and the audit log.

CREATE TABLE review_decision (
    id             VARCHAR(36)   NOT NULL PRIMARY KEY,
    session_id     VARCHAR(36)   NOT NULL,
    incident_id    VARCHAR(36),
    outcome        VARCHAR(16)   NOT NULL,
    note           VARCHAR(4000),
    reviewer_id    VARCHAR(255)  NOT NULL,
    reviewer_name  VARCHAR(512)  NOT NULL,
    decided_at     TIMESTAMP     NOT NULL,
    CONSTRAINT review_decision_session FOREIGN KEY (session_id) REFERENCES proctoring_session (id) ON DELETE CASCADE
);
CREATE INDEX review_decision_session ON review_decision (session_id, decided_at);

-- Every view of evidence and every decision, by whom, on what.
CREATE TABLE audit_log (
    id           VARCHAR(36)   NOT NULL PRIMARY KEY,
    occurred_at  TIMESTAMP     NOT NULL,
    actor_id     VARCHAR(255)  NOT NULL,
    actor_name   VARCHAR(512)  NOT NULL,
    platform_id  VARCHAR(36),
    context_id   VARCHAR(255),
    action       VARCHAR(64)   NOT NULL,
    subject      VARCHAR(255)  NOT NULL,
    detail       VARCHAR(4000)
);
CREATE INDEX audit_log_subject ON audit_log (subject, occurred_at);
