-- The customer's side of the handoff (issue 13): sites that embed the chat widget and their visitors, help articles
-- the demo bot answers from and the widget shows while a customer waits, the texts the customer is sent (admin-edited),
-- CSAT answers, and the callback / e-mail follow-ups that become tasks for agents.

CREATE TABLE widget_site (
    id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name                VARCHAR(120)  NOT NULL,
    site_key            VARCHAR(64)   NOT NULL,
    -- space-separated origins (scheme://host[:port]) allowed to call the widget API
    allowed_origins     VARCHAR(2000) NOT NULL,
    -- 'demo': the built-in demo bot answers; 'external': a bot platform answers through the bot API
    bot_mode            VARCHAR(16)   NOT NULL,
    visitor_per_minute  INT           NOT NULL,
    site_per_minute     INT           NOT NULL,
    -- past this wait in the queue the customer is offered a callback or an e-mail answer
    offer_after_seconds INT           NOT NULL,
    enabled             BOOLEAN       NOT NULL,
    created_at          DATETIME(6)   NOT NULL,
    version             BIGINT        NOT NULL,
    CONSTRAINT uq_widget_site_key UNIQUE (site_key),
    CONSTRAINT uq_widget_site_name UNIQUE (name)
);

CREATE TABLE widget_visitor (
    id                   BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    site_id              BIGINT       NOT NULL,
    -- SHA-256 of the visitor's session token; the token itself is only ever in the visitor's browser
    token_hash           CHAR(64)     NOT NULL,
    customer_external_id VARCHAR(128) NOT NULL,
    -- what the embedding page said about the signed-in visitor (optional), for the conversations it starts
    customer_name        VARCHAR(200),
    customer_email       VARCHAR(320),
    conversation_id      CHAR(36),
    created_at           DATETIME(6)  NOT NULL,
    last_seen_at         DATETIME(6)  NOT NULL,
    version              BIGINT       NOT NULL,
    CONSTRAINT uq_widget_visitor_token UNIQUE (token_hash),
    CONSTRAINT fk_widget_visitor_site FOREIGN KEY (site_id) REFERENCES widget_site (id)
);
CREATE INDEX ix_widget_visitor_conversation ON widget_visitor (conversation_id);

CREATE TABLE help_article (
    id         BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    slug       VARCHAR(120)  NOT NULL,
    title      VARCHAR(200)  NOT NULL,
    body       VARCHAR(4000) NOT NULL,
    topic      VARCHAR(64)   NOT NULL,
    published  BOOLEAN       NOT NULL,
    updated_by VARCHAR(64)   NOT NULL,
    updated_at DATETIME(6)   NOT NULL,
    version    BIGINT        NOT NULL,
    CONSTRAINT uq_help_article_slug UNIQUE (slug)
);

-- What the customer is told at each step; topic '*' is the fallback for every topic.
CREATE TABLE customer_template (
    id         BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    kind       VARCHAR(24)   NOT NULL,
    topic      VARCHAR(64)   NOT NULL,
    body       VARCHAR(1000) NOT NULL,
    updated_by VARCHAR(64)   NOT NULL,
    updated_at DATETIME(6)   NOT NULL,
    version    BIGINT        NOT NULL,
    CONSTRAINT uq_customer_template UNIQUE (kind, topic)
);

CREATE TABLE csat_response (
    conversation_id CHAR(36)      NOT NULL PRIMARY KEY,
    rating          INT           NOT NULL,
    comment         VARCHAR(1000),
    agent           VARCHAR(64),
    escalated       BOOLEAN       NOT NULL,
    created_at      DATETIME(6)   NOT NULL,
    CONSTRAINT fk_csat_conversation FOREIGN KEY (conversation_id) REFERENCES conversation (id)
);

CREATE TABLE follow_up_task (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    conversation_id CHAR(36)      NOT NULL,
    kind            VARCHAR(16)   NOT NULL,
    skill           VARCHAR(64)   NOT NULL,
    contact         VARCHAR(320)  NOT NULL,
    preferred_time  VARCHAR(120),
    customer_name   VARCHAR(200),
    state           VARCHAR(16)   NOT NULL,
    created_at      DATETIME(6)   NOT NULL,
    due_at          DATETIME(6)   NOT NULL,
    done_at         DATETIME(6),
    done_by         VARCHAR(64),
    answer          VARCHAR(4000),
    delivery        VARCHAR(16),
    version         BIGINT        NOT NULL,
    CONSTRAINT fk_follow_up_conversation FOREIGN KEY (conversation_id) REFERENCES conversation (id)
);
CREATE INDEX ix_follow_up_state ON follow_up_task (state, due_at);

-- A customer who writes after the resolve continues in a new conversation that points back at the old one.
ALTER TABLE conversation ADD COLUMN previous_conversation_id CHAR(36);
