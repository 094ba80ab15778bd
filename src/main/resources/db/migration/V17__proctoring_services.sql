-- Invigil schema version 17: LTI Proctoring Services 1.0. What an attempt launched by LtiStartProctoring hands back
-- to its platform (LtiStartAssessment), and the Assessment Control Service requests waiting to reach the platform.
CREATE TABLE assessment_handoff (
    session_id        VARCHAR(36)    NOT NULL PRIMARY KEY,
    registration_id   VARCHAR(255)   NOT NULL,
    deployment_id     VARCHAR(255)   NOT NULL,
    link_id           VARCHAR(255)   NOT NULL,
    link_title        VARCHAR(1000),
    link_description  VARCHAR(4000),
    attempt_number    INTEGER        NOT NULL,
    session_data      VARCHAR(8000),
    start_url         VARCHAR(2000)  NOT NULL,
    control_url       VARCHAR(2000),
    control_actions   VARCHAR(200),
    launched_at       TIMESTAMP      NOT NULL,
    handed_back_at    TIMESTAMP,
    platform_status   VARCHAR(32),
    version           INTEGER        NOT NULL
);

CREATE TABLE assessment_control (
    id                VARCHAR(36)    NOT NULL PRIMARY KEY,
    session_id        VARCHAR(36)    NOT NULL,
    action            VARCHAR(16)    NOT NULL,
    incident_time     TIMESTAMP      NOT NULL,
    severity          DOUBLE PRECISION,
    reason_code       VARCHAR(64),
    reason_msg        VARCHAR(1000),
    created_at        TIMESTAMP      NOT NULL,
    due_at            TIMESTAMP      NOT NULL,
    attempts          INTEGER        NOT NULL,
    delivered_at      TIMESTAMP,
    last_error        VARCHAR(1000),
    claimed_until     TIMESTAMP,
    answered_status   VARCHAR(32),
    refused           BOOLEAN        NOT NULL,
    version           INTEGER        NOT NULL
);
CREATE INDEX assessment_control_due ON assessment_control (delivered_at, due_at);
CREATE INDEX assessment_control_session ON assessment_control (session_id, created_at);
