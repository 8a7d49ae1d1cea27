-- The in-memory routing engine (issue #4, ADR 0011): its policy as versioned JSON, the agent fields
-- it matches on, and the wait promised at escalation next to the wait that happened.

-- One row per policy version: published versions numbered 1, 2, 3… (the newest published is live),
-- older ones retired and kept for history and rollback.
CREATE TABLE routing_policy_version (
    id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    version_no   INT           NOT NULL,
    status       VARCHAR(16)   NOT NULL,
    document     LONGTEXT      NOT NULL,
    published_by VARCHAR(64)   NOT NULL,
    published_at DATETIME(6)   NOT NULL,
    change_note  VARCHAR(1000),
    version      BIGINT        NOT NULL,
    CONSTRAINT uq_routing_policy_version_no UNIQUE (version_no)
);
CREATE INDEX ix_routing_policy_version_status ON routing_policy_version (status);

-- Languages as a comma-separated list of codes ("en,de"); tier 1 (junior) .. 5; team is free text.
ALTER TABLE agent ADD COLUMN languages VARCHAR(200) DEFAULT 'en' NOT NULL;
ALTER TABLE agent ADD COLUMN tier INT DEFAULT 1 NOT NULL;
ALTER TABLE agent ADD COLUMN team VARCHAR(64);

ALTER TABLE conversation ADD COLUMN predicted_wait_seconds BIGINT;
ALTER TABLE conversation ADD COLUMN actual_wait_seconds BIGINT;
