-- Versioned trigger sets: one working draft, published versions numbered 1, 2, 3… (the newest is
-- live), retired ones kept for history and rollback. The document is the JSON of
-- docs/triggers.md; the bench figures and any override of the publishing floor are audited here.
CREATE TABLE trigger_set_version (
    id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    version_no          INT,
    status              VARCHAR(16)   NOT NULL,
    name                VARCHAR(120)  NOT NULL,
    document            LONGTEXT      NOT NULL,
    created_by          VARCHAR(64)   NOT NULL,
    created_at          DATETIME(6)   NOT NULL,
    published_by        VARCHAR(64),
    published_at        DATETIME(6),
    change_note         VARCHAR(1000),
    catch_rate          DOUBLE,
    false_positive_rate DOUBLE,
    override_reason     VARCHAR(1000),
    version             BIGINT        NOT NULL,
    CONSTRAINT uq_trigger_set_version_no UNIQUE (version_no)
);
CREATE INDEX ix_trigger_set_version_status ON trigger_set_version (status);
