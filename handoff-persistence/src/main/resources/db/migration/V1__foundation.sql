-- Handoff foundation schema.
-- Runs unchanged on H2 (MODE=LEGACY) and MySQL/MariaDB: AUTO_INCREMENT keys, DATETIME(6) for
-- every instant (order and durations matter), VARCHAR for everything a customer can write.

CREATE TABLE app_user (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    username      VARCHAR(64)  NOT NULL,
    display_name  VARCHAR(120) NOT NULL,
    password_hash VARCHAR(255) NOT NULL,
    role          VARCHAR(16)  NOT NULL,
    enabled       BOOLEAN      NOT NULL,
    created_at    DATETIME(6)  NOT NULL,
    version       BIGINT       NOT NULL,
    CONSTRAINT uq_app_user_username UNIQUE (username)
);

CREATE TABLE agent (
    id                   BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    user_id              BIGINT      NOT NULL,
    presence             VARCHAR(16) NOT NULL,
    max_concurrent_chats INT         NOT NULL,
    last_assigned_at     DATETIME(6),
    version              BIGINT      NOT NULL,
    CONSTRAINT uq_agent_user UNIQUE (user_id),
    CONSTRAINT fk_agent_user FOREIGN KEY (user_id) REFERENCES app_user (id)
);

CREATE TABLE agent_skill (
    agent_id    BIGINT      NOT NULL,
    skill       VARCHAR(64) NOT NULL,
    proficiency INT         NOT NULL,
    PRIMARY KEY (agent_id, skill),
    CONSTRAINT fk_agent_skill_agent FOREIGN KEY (agent_id) REFERENCES agent (id)
);

CREATE TABLE customer (
    id            BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    external_id   VARCHAR(128)   NOT NULL,
    name          VARCHAR(200),
    email         VARCHAR(254),
    tier          VARCHAR(64),
    account_value DECIMAL(15, 2),
    created_at    DATETIME(6)    NOT NULL,
    updated_at    DATETIME(6)    NOT NULL,
    version       BIGINT         NOT NULL,
    CONSTRAINT uq_customer_external_id UNIQUE (external_id)
);

CREATE TABLE conversation (
    id                CHAR(36)      NOT NULL PRIMARY KEY,
    customer_id       BIGINT        NOT NULL,
    channel           VARCHAR(64)   NOT NULL,
    page_url          VARCHAR(2048),
    page_title        VARCHAR(300),
    metadata          VARCHAR(4000),
    state             VARCHAR(16)   NOT NULL,
    required_skill    VARCHAR(64),
    priority          INT           NOT NULL,
    escalation_reason VARCHAR(1000),
    assigned_agent_id BIGINT,
    message_count     INT           NOT NULL,
    created_at        DATETIME(6)   NOT NULL,
    escalated_at      DATETIME(6),
    accepted_at       DATETIME(6),
    closed_at         DATETIME(6),
    resolution        VARCHAR(1000),
    version           BIGINT        NOT NULL,
    CONSTRAINT fk_conversation_customer FOREIGN KEY (customer_id) REFERENCES customer (id),
    CONSTRAINT fk_conversation_agent FOREIGN KEY (assigned_agent_id) REFERENCES agent (id)
);
CREATE INDEX ix_conversation_state ON conversation (state, escalated_at);
CREATE INDEX ix_conversation_agent ON conversation (assigned_agent_id, state);

CREATE TABLE message (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    conversation_id CHAR(36)      NOT NULL,
    seq             INT           NOT NULL,
    author          VARCHAR(16)   NOT NULL,
    author_name     VARCHAR(120),
    text            VARCHAR(4000) NOT NULL,
    intent          VARCHAR(128),
    confidence      DOUBLE,
    page_url        VARCHAR(2048),
    created_at      DATETIME(6)   NOT NULL,
    CONSTRAINT uq_message_seq UNIQUE (conversation_id, seq),
    CONSTRAINT fk_message_conversation FOREIGN KEY (conversation_id) REFERENCES conversation (id)
);

CREATE TABLE trigger_hit (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    conversation_id CHAR(36)      NOT NULL,
    message_seq     INT           NOT NULL,
    trigger_name    VARCHAR(120)  NOT NULL,
    reason          VARCHAR(1000) NOT NULL,
    evidence        VARCHAR(1000),
    created_at      DATETIME(6)   NOT NULL,
    CONSTRAINT fk_trigger_hit_conversation FOREIGN KEY (conversation_id) REFERENCES conversation (id)
);
CREATE INDEX ix_trigger_hit_conversation ON trigger_hit (conversation_id);

CREATE TABLE offer (
    id              BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    conversation_id CHAR(36)    NOT NULL,
    agent_id        BIGINT      NOT NULL,
    state           VARCHAR(16) NOT NULL,
    offered_at      DATETIME(6) NOT NULL,
    responded_at    DATETIME(6),
    version         BIGINT      NOT NULL,
    CONSTRAINT fk_offer_conversation FOREIGN KEY (conversation_id) REFERENCES conversation (id),
    CONSTRAINT fk_offer_agent FOREIGN KEY (agent_id) REFERENCES agent (id)
);
CREATE INDEX ix_offer_agent_state ON offer (agent_id, state);
CREATE INDEX ix_offer_conversation_state ON offer (conversation_id, state);

CREATE TABLE api_key (
    id           BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name         VARCHAR(120) NOT NULL,
    key_prefix   VARCHAR(16) NOT NULL,
    key_hash     CHAR(64)    NOT NULL,
    scope        VARCHAR(16) NOT NULL,
    created_at   DATETIME(6) NOT NULL,
    created_by   VARCHAR(64) NOT NULL,
    revoked_at   DATETIME(6),
    revoked_by   VARCHAR(64),
    last_used_at DATETIME(6),
    CONSTRAINT uq_api_key_hash UNIQUE (key_hash)
);
