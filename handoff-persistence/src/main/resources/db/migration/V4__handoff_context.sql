-- The context package captured when a chat is handed to a person: the pre-handoff summary (and
-- which summarizer wrote it), the facts found in the transcript, and the pages the customer visited.
CREATE TABLE handoff_context (
    conversation_id CHAR(36)      NOT NULL PRIMARY KEY,
    summary         VARCHAR(1000) NOT NULL,
    summary_source  VARCHAR(120)  NOT NULL,
    summary_note    VARCHAR(200),
    captured_at     DATETIME(6)   NOT NULL,
    version         BIGINT        NOT NULL,
    CONSTRAINT fk_handoff_context_conversation FOREIGN KEY (conversation_id) REFERENCES conversation (id)
);

CREATE TABLE handoff_context_fact (
    conversation_id CHAR(36)     NOT NULL,
    position        INT          NOT NULL,
    kind            VARCHAR(32)  NOT NULL,
    fact_value      VARCHAR(200) NOT NULL,
    normalized      VARCHAR(200) NOT NULL,
    message_line    INT          NOT NULL,
    CONSTRAINT pk_handoff_context_fact PRIMARY KEY (conversation_id, position),
    CONSTRAINT fk_handoff_context_fact FOREIGN KEY (conversation_id) REFERENCES handoff_context (conversation_id) ON DELETE CASCADE
);

CREATE TABLE handoff_context_page (
    conversation_id CHAR(36)      NOT NULL,
    position        INT           NOT NULL,
    url             VARCHAR(2048) NOT NULL,
    title           VARCHAR(300),
    seen_at         DATETIME(6)   NOT NULL,
    CONSTRAINT pk_handoff_context_page PRIMARY KEY (conversation_id, position),
    CONSTRAINT fk_handoff_context_page FOREIGN KEY (conversation_id) REFERENCES handoff_context (conversation_id) ON DELETE CASCADE
);

-- "This escalation was not needed": one row per trigger that fired on the conversation.
CREATE TABLE escalation_feedback (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    conversation_id CHAR(36)      NOT NULL,
    trigger_name    VARCHAR(120)  NOT NULL,
    agent           VARCHAR(64)   NOT NULL,
    reason          VARCHAR(1000),
    created_at      DATETIME(6)   NOT NULL,
    CONSTRAINT uq_escalation_feedback UNIQUE (conversation_id, trigger_name),
    CONSTRAINT fk_escalation_feedback_conversation FOREIGN KEY (conversation_id) REFERENCES conversation (id)
);
CREATE INDEX ix_escalation_feedback_trigger ON escalation_feedback (trigger_name);

-- The page a conversation started on (the current page keeps changing), for the page trail.
ALTER TABLE conversation ADD COLUMN entry_page_url VARCHAR(2048);
ALTER TABLE conversation ADD COLUMN entry_page_title VARCHAR(300);
