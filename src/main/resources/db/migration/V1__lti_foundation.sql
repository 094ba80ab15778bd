-- Invigil schema version 1: tool keys, platform registrations, one-time values, exams.
-- Portable SQL: Derby 10.16 and PostgreSQL 13+ both accept every statement here.

CREATE TABLE tool_key (
    kid                 VARCHAR(64)   NOT NULL PRIMARY KEY,
    algorithm           VARCHAR(16)   NOT NULL,
    public_jwk          VARCHAR(4000) NOT NULL,
    sealed_private_jwk  VARCHAR(8000) NOT NULL,
    created_at          TIMESTAMP     NOT NULL,
    retired_at          TIMESTAMP
);

CREATE TABLE platform (
    id                      VARCHAR(36)   NOT NULL PRIMARY KEY,
    issuer                  VARCHAR(512)  NOT NULL,
    client_id               VARCHAR(255)  NOT NULL,
    name                    VARCHAR(255),
    product_family_code     VARCHAR(64),
    authorization_endpoint  VARCHAR(1024) NOT NULL,
    token_endpoint          VARCHAR(1024) NOT NULL,
    token_audience          VARCHAR(1024),
    jwks_uri                VARCHAR(1024) NOT NULL,
    scopes                  VARCHAR(2000),
    registered_by           VARCHAR(16)   NOT NULL,
    created_at              TIMESTAMP     NOT NULL,
    updated_at              TIMESTAMP     NOT NULL,
    version                 INTEGER       NOT NULL,
    CONSTRAINT platform_issuer_client UNIQUE (issuer, client_id)
);

CREATE TABLE platform_deployment (
    platform_id    VARCHAR(36)  NOT NULL,
    deployment_id  VARCHAR(255) NOT NULL,
    PRIMARY KEY (platform_id, deployment_id),
    CONSTRAINT platform_deployment_platform FOREIGN KEY (platform_id) REFERENCES platform (id) ON DELETE CASCADE
);

-- States and nonces that have been used once; rows past expires_at are purged.
CREATE TABLE used_once (
    token_value  VARCHAR(128) NOT NULL PRIMARY KEY,
    expires_at   TIMESTAMP    NOT NULL
);
CREATE INDEX used_once_expiry ON used_once (expires_at);

-- A proctored exam: created by deep linking (resource_link_id unknown until the first launch) or on the first
-- launch of a link the tool did not create.
CREATE TABLE exam (
    id                      VARCHAR(36)   NOT NULL PRIMARY KEY,
    platform_id             VARCHAR(36)   NOT NULL,
    deployment_id           VARCHAR(255)  NOT NULL,
    context_id              VARCHAR(255),
    context_title           VARCHAR(512),
    resource_link_id        VARCHAR(255),
    title                   VARCHAR(512)  NOT NULL,
    settings                VARCHAR(8000) NOT NULL,
    line_item_url           VARCHAR(1024),
    line_items_url          VARCHAR(1024),
    memberships_url         VARCHAR(1024),
    created_at              TIMESTAMP     NOT NULL,
    version                 INTEGER       NOT NULL,
    CONSTRAINT exam_platform FOREIGN KEY (platform_id) REFERENCES platform (id) ON DELETE CASCADE
);
CREATE INDEX exam_resource_link ON exam (platform_id, deployment_id, context_id, resource_link_id);

-- The newest timestamp posted per (line item, user): AGS platforms refuse a score whose timestamp is not later
-- than the stored one (Moodle: 409, second granularity).
CREATE TABLE score_clock (
    line_item_url  VARCHAR(1024) NOT NULL,
    user_id        VARCHAR(255)  NOT NULL,
    last_posted    TIMESTAMP     NOT NULL,
    PRIMARY KEY (line_item_url, user_id)
);
