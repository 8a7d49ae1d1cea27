-- Integrations (issue 14): connectors an admin configures (signed webhooks, Slack, Zendesk, ...),
-- and a transactional outbox. Every domain event writes one outbox row per enabled connector that
-- wants it, in the same transaction as the change; a worker delivers the rows afterwards with
-- retries, back-off and a dead-letter state (ADR 0021). Secrets are stored encrypted (AES-GCM,
-- key from handoff.integrations.secret-key), never in clear.
CREATE TABLE integration_connector (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    kind            VARCHAR(16)   NOT NULL,
    name            VARCHAR(80)   NOT NULL,
    enabled         BOOLEAN       NOT NULL,
    url             VARCHAR(500),
    settings        VARCHAR(4000) NOT NULL,
    secrets         VARCHAR(4000),
    created_at      DATETIME(6)   NOT NULL,
    updated_at      DATETIME(6)   NOT NULL,
    last_success_at DATETIME(6),
    failing_since   DATETIME(6),
    last_error      VARCHAR(500),
    version         BIGINT        NOT NULL,
    CONSTRAINT uq_integration_connector_name UNIQUE (name)
);

-- status: PENDING (waiting for its next attempt), SENDING (claimed by a worker until claimed_until),
-- DELIVERED, DEAD (gave up after handoff.integrations.max-attempts; an admin may replay it).
CREATE TABLE integration_outbox (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    connector_id    BIGINT        NOT NULL,
    event_id        CHAR(36)      NOT NULL,
    event_type      VARCHAR(40)   NOT NULL,
    conversation_id CHAR(36),
    payload         VARCHAR(4000) NOT NULL,
    status          VARCHAR(12)   NOT NULL,
    attempts        INT           NOT NULL,
    next_attempt_at DATETIME(6)   NOT NULL,
    claimed_by      VARCHAR(40),
    claimed_until   DATETIME(6),
    created_at      DATETIME(6)   NOT NULL,
    delivered_at    DATETIME(6),
    last_status     INT,
    last_error      VARCHAR(500),
    CONSTRAINT fk_outbox_connector FOREIGN KEY (connector_id) REFERENCES integration_connector (id),
    CONSTRAINT uq_outbox_event UNIQUE (connector_id, event_id)
);
CREATE INDEX ix_outbox_due ON integration_outbox (status, next_attempt_at);
CREATE INDEX ix_outbox_order ON integration_outbox (connector_id, conversation_id, status);

-- One row per delivery attempt, for the health page (error rate, latency percentiles).
CREATE TABLE integration_attempt (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    connector_id  BIGINT       NOT NULL,
    outbox_id     BIGINT       NOT NULL,
    attempted_at  DATETIME(6)  NOT NULL,
    ok            BOOLEAN      NOT NULL,
    http_status   INT,
    latency_ms    INT          NOT NULL,
    error         VARCHAR(300)
);
CREATE INDEX ix_attempt_connector_time ON integration_attempt (connector_id, attempted_at);

-- What a connector made for a conversation: the Zendesk ticket, the Slack message (channel + ts).
CREATE TABLE integration_link (
    connector_id    BIGINT        NOT NULL,
    conversation_id CHAR(36)      NOT NULL,
    external_id     VARCHAR(100)  NOT NULL,
    external_url    VARCHAR(500),
    extra           VARCHAR(200),
    created_at      DATETIME(6)   NOT NULL,
    PRIMARY KEY (connector_id, conversation_id)
);
CREATE INDEX ix_integration_link_external ON integration_link (connector_id, external_id);

-- Who is who in the other system: a Slack member id -> a Handoff agent's username.
CREATE TABLE integration_identity (
    connector_id  BIGINT       NOT NULL,
    external_user VARCHAR(64)  NOT NULL,
    username      VARCHAR(64)  NOT NULL,
    PRIMARY KEY (connector_id, external_user)
);
