-- Invigil schema version 2: proctored attempts, what monitoring receives, incidents with encrypted evidence,
-- reference photos, accommodations and the grade outbox.
-- ${binary} and ${blob} are set per database by Migrations (Derby: VARCHAR FOR BIT DATA / BLOB, PostgreSQL: BYTEA).

-- The exam's integrity column, found or created through AGS (its link's own line item is the gate).
ALTER TABLE exam ADD COLUMN integrity_line_item_url VARCHAR(1024);

CREATE TABLE proctoring_session (
    id                     VARCHAR(36)   NOT NULL PRIMARY KEY,
    exam_id                VARCHAR(36)   NOT NULL,
    platform_id            VARCHAR(36)   NOT NULL,
    context_id             VARCHAR(255),
    user_id                VARCHAR(255)  NOT NULL,
    user_name              VARCHAR(512)  NOT NULL,
    email                  VARCHAR(512),
    lms_picture            VARCHAR(2048),
    state                  VARCHAR(16)   NOT NULL,
    consent_version        VARCHAR(64),
    consented_at           TIMESTAMP,
    declined_at            TIMESTAMP,
    identity_status        VARCHAR(24)   NOT NULL,
    identity_attempts      INTEGER       NOT NULL,
    identity_similarity    DOUBLE PRECISION,
    identity_capture       ${blob},
    liveness_attempts      INTEGER       NOT NULL,
    liveness_passed        BOOLEAN,
    wrapped_data_key       ${binary}     NOT NULL,
    baseline_descriptor    ${binary},
    baseline_yaw           DOUBLE PRECISION,
    baseline_pitch         DOUBLE PRECISION,
    monitoring_started_at  TIMESTAMP,
    ended_at               TIMESTAMP,
    last_frame_at          TIMESTAMP,
    last_event_at          TIMESTAMP,
    purged_at              TIMESTAMP,
    monitor_blocks         INTEGER       NOT NULL,
    created_at             TIMESTAMP     NOT NULL,
    version                INTEGER       NOT NULL,
    CONSTRAINT proctoring_session_exam FOREIGN KEY (exam_id) REFERENCES exam (id) ON DELETE CASCADE
);
CREATE INDEX proctoring_session_exam_user ON proctoring_session (exam_id, user_id);

-- Every sequence number a client sent, once: the primary key makes ingestion exactly-once.
CREATE TABLE received_item (
    session_id   VARCHAR(36) NOT NULL,
    sequence_no  BIGINT      NOT NULL,
    received_at  TIMESTAMP   NOT NULL,
    PRIMARY KEY (session_id, sequence_no),
    CONSTRAINT received_item_session FOREIGN KEY (session_id) REFERENCES proctoring_session (id) ON DELETE CASCADE
);

-- What the analysis of a frame found; the frame itself is not kept unless it is evidence.
CREATE TABLE observation (
    session_id              VARCHAR(36)  NOT NULL,
    sequence_no             BIGINT       NOT NULL,
    captured_at             TIMESTAMP    NOT NULL,
    face_count              INTEGER      NOT NULL,
    min_face_confidence     DOUBLE PRECISION,
    identity_score          DOUBLE PRECISION,
    identity_verdict        VARCHAR(16),
    yaw                     DOUBLE PRECISION,
    pitch                   DOUBLE PRECISION,
    brightness              DOUBLE PRECISION NOT NULL,
    contrast                DOUBLE PRECISION NOT NULL,
    sharpness               DOUBLE PRECISION NOT NULL,
    fingerprint_exact       BIGINT       NOT NULL,
    fingerprint_perceptual  BIGINT       NOT NULL,
    PRIMARY KEY (session_id, sequence_no),
    CONSTRAINT observation_session FOREIGN KEY (session_id) REFERENCES proctoring_session (id) ON DELETE CASCADE
);
CREATE INDEX observation_time ON observation (session_id, captured_at);

CREATE TABLE browser_event (
    session_id   VARCHAR(36)   NOT NULL,
    sequence_no  BIGINT        NOT NULL,
    event_type   VARCHAR(32)   NOT NULL,
    occurred_at  TIMESTAMP     NOT NULL,
    data         VARCHAR(1000),
    PRIMARY KEY (session_id, sequence_no),
    CONSTRAINT browser_event_session FOREIGN KEY (session_id) REFERENCES proctoring_session (id) ON DELETE CASCADE
);

CREATE TABLE incident (
    id               VARCHAR(36)    NOT NULL PRIMARY KEY,
    session_id       VARCHAR(36)    NOT NULL,
    rule_id          VARCHAR(32)    NOT NULL,
    kind             VARCHAR(16)    NOT NULL,
    started_at       TIMESTAMP      NOT NULL,
    ended_at         TIMESTAMP      NOT NULL,
    still_open       BOOLEAN        NOT NULL,
    description      VARCHAR(1000)  NOT NULL,
    detector         VARCHAR(255)   NOT NULL,
    model_version    VARCHAR(255),
    threshold_text   VARCHAR(255)   NOT NULL,
    confidence       DOUBLE PRECISION NOT NULL,
    capture_quality  VARCHAR(255),
    evidence_count   INTEGER        NOT NULL,
    version          INTEGER        NOT NULL,
    CONSTRAINT incident_session FOREIGN KEY (session_id) REFERENCES proctoring_session (id) ON DELETE CASCADE
);
CREATE INDEX incident_session_rule ON incident (session_id, rule_id);

-- Frames that back an incident, sealed (AES-256-GCM) under the session's data key.
CREATE TABLE evidence_frame (
    id           VARCHAR(36)  NOT NULL PRIMARY KEY,
    incident_id  VARCHAR(36)  NOT NULL,
    session_id   VARCHAR(36)  NOT NULL,
    captured_at  TIMESTAMP    NOT NULL,
    sealed_jpeg  ${blob}      NOT NULL,
    CONSTRAINT evidence_frame_incident FOREIGN KEY (incident_id) REFERENCES incident (id) ON DELETE CASCADE
);

-- Reference photos per student and course, sealed; with the identity descriptor, sealed too.
CREATE TABLE reference_photo (
    id                 VARCHAR(36)   NOT NULL PRIMARY KEY,
    platform_id        VARCHAR(36)   NOT NULL,
    context_id         VARCHAR(255)  NOT NULL,
    user_id            VARCHAR(255)  NOT NULL,
    source             VARCHAR(16)   NOT NULL,
    status             VARCHAR(16)   NOT NULL,
    sealed_jpeg        ${blob}       NOT NULL,
    sealed_descriptor  ${binary},
    model              VARCHAR(255),
    created_at         TIMESTAMP     NOT NULL,
    CONSTRAINT reference_photo_platform FOREIGN KEY (platform_id) REFERENCES platform (id) ON DELETE CASCADE
);
CREATE INDEX reference_photo_user ON reference_photo (platform_id, context_id, user_id);

CREATE TABLE liveness_challenge (
    id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    session_id  VARCHAR(36)  NOT NULL,
    steps       VARCHAR(200) NOT NULL,
    created_at  TIMESTAMP    NOT NULL,
    expires_at  TIMESTAMP    NOT NULL,
    CONSTRAINT liveness_challenge_session FOREIGN KEY (session_id) REFERENCES proctoring_session (id) ON DELETE CASCADE
);

-- The measurements of each liveness frame; the frames themselves are dropped.
CREATE TABLE liveness_sample (
    challenge_id  VARCHAR(36)  NOT NULL,
    step_no       INTEGER      NOT NULL,
    frame_no      INTEGER      NOT NULL,
    face_count    INTEGER      NOT NULL,
    yaw           DOUBLE PRECISION,
    eye_openness  DOUBLE PRECISION,
    PRIMARY KEY (challenge_id, step_no, frame_no),
    CONSTRAINT liveness_sample_challenge FOREIGN KEY (challenge_id) REFERENCES liveness_challenge (id) ON DELETE CASCADE
);

-- Checks switched off for one student in one exam.
CREATE TABLE accommodation (
    exam_id     VARCHAR(36)   NOT NULL,
    user_id     VARCHAR(255)  NOT NULL,
    checks_off  VARCHAR(200)  NOT NULL,
    note        VARCHAR(1000),
    PRIMARY KEY (exam_id, user_id),
    CONSTRAINT accommodation_exam FOREIGN KEY (exam_id) REFERENCES exam (id) ON DELETE CASCADE
);

CREATE TABLE integrity_result (
    session_id     VARCHAR(36)   NOT NULL PRIMARY KEY,
    score          INTEGER       NOT NULL,
    review_state   VARCHAR(24)   NOT NULL,
    contributions  VARCHAR(4000) NOT NULL,
    computed_at    TIMESTAMP     NOT NULL,
    CONSTRAINT integrity_result_session FOREIGN KEY (session_id) REFERENCES proctoring_session (id) ON DELETE CASCADE
);

-- Scores waiting to reach the LMS gradebook: durable across restarts, retried with backoff.
CREATE TABLE grade_outbox (
    id                 VARCHAR(36)   NOT NULL PRIMARY KEY,
    exam_id            VARCHAR(36)   NOT NULL,
    session_id         VARCHAR(36)   NOT NULL,
    user_id            VARCHAR(255)  NOT NULL,
    kind               VARCHAR(16)   NOT NULL,
    score_given        DOUBLE PRECISION,
    score_maximum      DOUBLE PRECISION,
    comment_text       VARCHAR(4000),
    activity_progress  VARCHAR(16)   NOT NULL,
    grading_progress   VARCHAR(16)   NOT NULL,
    created_at         TIMESTAMP     NOT NULL,
    due_at             TIMESTAMP     NOT NULL,
    attempts           INTEGER       NOT NULL,
    delivered_at       TIMESTAMP,
    superseded         BOOLEAN       NOT NULL,
    last_error         VARCHAR(1000),
    claimed_until      TIMESTAMP,
    version            INTEGER       NOT NULL
);
CREATE INDEX grade_outbox_due ON grade_outbox (delivered_at, due_at);
