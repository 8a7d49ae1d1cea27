-- Labelled suites made by admins (the shipped suite stays a resource): each case is a message or a
-- short transcript, whether it should escalate, and optionally the trigger expected to catch it.
-- A suite marked as a gate is added to the shipped suite when a draft is checked before publishing.
CREATE TABLE labelled_suite (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name        VARCHAR(80)   NOT NULL,
    description VARCHAR(1000),
    gate        BOOLEAN       NOT NULL,
    created_by  VARCHAR(64)   NOT NULL,
    created_at  DATETIME(6)   NOT NULL,
    updated_by  VARCHAR(64)   NOT NULL,
    updated_at  DATETIME(6)   NOT NULL,
    version     BIGINT        NOT NULL,
    CONSTRAINT uq_labelled_suite_name UNIQUE (name)
);

CREATE TABLE labelled_suite_case (
    suite_id         BIGINT        NOT NULL,
    position         INT           NOT NULL,
    case_key         VARCHAR(64)   NOT NULL,
    text             VARCHAR(4000) NOT NULL,
    expected         BOOLEAN       NOT NULL,
    category         VARCHAR(120),
    expected_trigger VARCHAR(120),
    notes            VARCHAR(1000),
    CONSTRAINT pk_labelled_suite_case PRIMARY KEY (suite_id, position),
    CONSTRAINT fk_labelled_suite_case_suite FOREIGN KEY (suite_id) REFERENCES labelled_suite (id) ON DELETE CASCADE
);
