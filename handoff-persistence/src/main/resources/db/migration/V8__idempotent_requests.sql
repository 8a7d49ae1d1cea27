-- Idempotent writes (issue #11, ADR 0014). A POST with an Idempotency-Key is remembered per API key
-- (key_hash = SHA-256 of the API key's id and the Idempotency-Key) with a hash of what was asked and,
-- once answered, the answer a retry gets; rows expire (expires_at) and are purged.
CREATE TABLE idempotent_request (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    key_hash      CHAR(64)      NOT NULL,
    api_key_id    BIGINT        NOT NULL,
    request_hash  CHAR(64)      NOT NULL,
    answered      BOOLEAN       NOT NULL,
    status        INT,
    location      VARCHAR(2048),
    response_body LONGTEXT,
    created_at    DATETIME(6)   NOT NULL,
    expires_at    DATETIME(6)   NOT NULL,
    version       BIGINT        NOT NULL,
    CONSTRAINT uq_idempotent_request_key UNIQUE (key_hash)
);
CREATE INDEX ix_idempotent_request_expires ON idempotent_request (expires_at);

-- The bot platform's own id for a message: posting it again in the same conversation stores nothing new.
ALTER TABLE message ADD COLUMN client_message_id VARCHAR(128);
CREATE UNIQUE INDEX uq_message_client_id ON message (conversation_id, client_message_id);
