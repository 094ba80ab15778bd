-- Invigil schema version 7: notifications. Staff subscribe to email for attempts that need review; the tool
-- administrator gives a platform a signed webhook; every message waits in a delivery queue until it is sent once.

-- exam_id empty: every exam of the platform (integrity officers).
CREATE TABLE notification_subscription (
    id           VARCHAR(36)   NOT NULL PRIMARY KEY,
    platform_id  VARCHAR(36)   NOT NULL,
    exam_id      VARCHAR(36),
    user_id      VARCHAR(255)  NOT NULL,
    user_name    VARCHAR(512)  NOT NULL,
    email        VARCHAR(320)  NOT NULL,
    created_at   TIMESTAMP     NOT NULL,
    CONSTRAINT notification_subscription_platform FOREIGN KEY (platform_id) REFERENCES platform (id) ON DELETE CASCADE
);
CREATE INDEX notification_subscription_scope ON notification_subscription (platform_id, exam_id);

-- The secret is sealed with the master key (AES-256-GCM), never stored in clear.
CREATE TABLE notification_webhook (
    platform_id    VARCHAR(36)    NOT NULL PRIMARY KEY,
    url            VARCHAR(2048)  NOT NULL,
    sealed_secret  VARCHAR(1024)  NOT NULL,
    created_at     TIMESTAMP      NOT NULL,
    updated_at     TIMESTAMP      NOT NULL,
    CONSTRAINT notification_webhook_platform FOREIGN KEY (platform_id) REFERENCES platform (id) ON DELETE CASCADE
);

-- One row per event and recipient (an email address, or the platform id for its webhook): never sent twice.
CREATE TABLE notification_delivery (
    id             VARCHAR(36)     NOT NULL PRIMARY KEY,
    event_id       VARCHAR(36)     NOT NULL,
    event_type     VARCHAR(64)     NOT NULL,
    channel        VARCHAR(16)     NOT NULL,
    recipient      VARCHAR(320)    NOT NULL,
    session_id     VARCHAR(36)     NOT NULL,
    payload        VARCHAR(16000)  NOT NULL,
    created_at     TIMESTAMP       NOT NULL,
    due_at         TIMESTAMP       NOT NULL,
    attempts       INTEGER         NOT NULL,
    delivered_at   TIMESTAMP,
    abandoned_at   TIMESTAMP,
    last_error     VARCHAR(1000),
    claimed_until  TIMESTAMP,
    version        INTEGER         NOT NULL,
    CONSTRAINT notification_delivery_once UNIQUE (event_id, channel, recipient)
);
CREATE INDEX notification_delivery_due ON notification_delivery (delivered_at, abandoned_at, due_at);
