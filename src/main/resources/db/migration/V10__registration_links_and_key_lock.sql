-- Invigil schema version 10: one-time registration links that the tool administrator issues, so that only a
-- platform given such a link can register by Dynamic Registration (when invigil.registration.require-link is on).
-- Only the SHA-256 of a link's secret is stored; a link is used once, and records the platform it registered.
CREATE TABLE registration_link (
    id           VARCHAR(64)   NOT NULL PRIMARY KEY,
    label        VARCHAR(255),
    created_at   TIMESTAMP     NOT NULL,
    expires_at   TIMESTAMP     NOT NULL,
    claimed_at   TIMESTAMP,
    platform_id  VARCHAR(36),
    version      INTEGER       NOT NULL
);

-- One row that every node locks (UPDATE ... holds its row lock until commit) before it creates, rotates or adds the
-- first tool key, so that nodes starting together on one database make one key and one rotation, not one each.
CREATE TABLE tool_key_lock (
    name        VARCHAR(32)  NOT NULL PRIMARY KEY,
    generation  INTEGER      NOT NULL
);
INSERT INTO tool_key_lock (name, generation) VALUES ('tool-keys', 0);
