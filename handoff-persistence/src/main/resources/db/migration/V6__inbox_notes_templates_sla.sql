-- The agent's workspace and the customer panel: SLA clocks on the conversation, internal notes (also transfer and consult
-- notes), colleagues consulted, admin-managed reply templates, and recorded SLA breaches.
ALTER TABLE conversation ADD COLUMN owned_since DATETIME(6);
ALTER TABLE conversation ADD COLUMN first_response_at DATETIME(6);
ALTER TABLE conversation ADD COLUMN last_agent_message_at DATETIME(6);
ALTER TABLE conversation ADD COLUMN last_customer_message_at DATETIME(6);
-- Set when the customer was told that nobody can take the chat right now (nobody-online, queue-full).
ALTER TABLE conversation ADD COLUMN unavailable_notice VARCHAR(32);

-- Customer profile details (API, CSV import, CRM) and the link to the CRM record.
ALTER TABLE customer ADD COLUMN company VARCHAR(200);
ALTER TABLE customer ADD COLUMN renewal_date DATE;
ALTER TABLE customer ADD COLUMN notes VARCHAR(2000);
ALTER TABLE customer ADD COLUMN crm_source VARCHAR(32);
ALTER TABLE customer ADD COLUMN crm_id VARCHAR(128);
ALTER TABLE customer ADD COLUMN crm_url VARCHAR(2048);
ALTER TABLE customer ADD COLUMN crm_owner VARCHAR(120);
ALTER TABLE customer ADD COLUMN crm_synced_at DATETIME(6);

CREATE TABLE chat_note (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    conversation_id CHAR(36)      NOT NULL,
    kind            VARCHAR(16)   NOT NULL,
    author          VARCHAR(64)   NOT NULL,
    author_name     VARCHAR(120)  NOT NULL,
    text            VARCHAR(2000) NOT NULL,
    created_at      DATETIME(6)   NOT NULL,
    CONSTRAINT fk_chat_note_conversation FOREIGN KEY (conversation_id) REFERENCES conversation (id)
);
CREATE INDEX ix_chat_note_conversation ON chat_note (conversation_id);

CREATE TABLE chat_consult (
    conversation_id CHAR(36)    NOT NULL,
    agent           VARCHAR(64) NOT NULL,
    invited_by      VARCHAR(64) NOT NULL,
    created_at      DATETIME(6) NOT NULL,
    CONSTRAINT pk_chat_consult PRIMARY KEY (conversation_id, agent),
    CONSTRAINT fk_chat_consult_conversation FOREIGN KEY (conversation_id) REFERENCES conversation (id)
);

CREATE TABLE reply_template (
    id         BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name       VARCHAR(120)  NOT NULL,
    kind       VARCHAR(16)   NOT NULL,
    topic      VARCHAR(64),
    body       VARCHAR(2000) NOT NULL,
    updated_by VARCHAR(64)   NOT NULL,
    updated_at DATETIME(6)   NOT NULL,
    version    BIGINT        NOT NULL,
    CONSTRAINT uq_reply_template_name UNIQUE (name)
);

CREATE TABLE sla_breach (
    id              BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    conversation_id CHAR(36)    NOT NULL,
    kind            VARCHAR(24) NOT NULL,
    agent           VARCHAR(64) NOT NULL,
    due_at          DATETIME(6) NOT NULL,
    detected_at     DATETIME(6) NOT NULL,
    CONSTRAINT uq_sla_breach UNIQUE (conversation_id, kind, due_at),
    CONSTRAINT fk_sla_breach_conversation FOREIGN KEY (conversation_id) REFERENCES conversation (id)
);
CREATE INDEX ix_sla_breach_detected ON sla_breach (detected_at);
