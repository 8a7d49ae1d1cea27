-- One routing engine per cluster (issue 16, ADR 0044): only the server holding the 'routing' lease
-- routes. Another server that changes routing state (an escalation, an accept, a decline, a transfer,
-- a presence or profile change, ...) writes its change as before plus a row here, in the same
-- transaction; the holder applies each row by reconciling the handoff or agent named from the
-- database, then deletes it. The rows outlive the holder: a new holder drains what is left.
CREATE TABLE routing_request (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    kind        VARCHAR(32)  NOT NULL,
    handoff_id  CHAR(36),
    agent_id    BIGINT,
    created_at  DATETIME(6)  NOT NULL,
    CONSTRAINT pk_routing_request PRIMARY KEY (id)
);
INSERT INTO cluster_lease (name, holder, token, expires_at) VALUES ('routing', NULL, 0, '1970-01-01 00:00:00');
