-- Domain events (issue 10): what happened to a conversation (started, escalated, accepted,
-- transferred, resolved, closed, ...), written in the same transaction as the change that caused
-- it. Metrics roll-ups (issue 15) and the integration outbox (issue 14) are built from this
-- journal, never from scans of messages. The payload is the event as JSON.
CREATE TABLE domain_event (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    type            VARCHAR(40)   NOT NULL,
    conversation_id CHAR(36)      NOT NULL,
    agent           VARCHAR(64),
    occurred_at     DATETIME(6)   NOT NULL,
    payload         VARCHAR(4000) NOT NULL
);
CREATE INDEX ix_domain_event_time ON domain_event (occurred_at, type);
CREATE INDEX ix_domain_event_conversation ON domain_event (conversation_id, id);
