-- Invigil schema version 6: people the tool administrator designates as integrity officers of a platform, besides
-- those the platform itself names institution Administrators.
CREATE TABLE integrity_officer (
    platform_id  VARCHAR(36)   NOT NULL,
    user_id      VARCHAR(255)  NOT NULL,
    PRIMARY KEY (platform_id, user_id),
    CONSTRAINT integrity_officer_platform FOREIGN KEY (platform_id) REFERENCES platform (id) ON DELETE CASCADE
);
