-- Several servers on one database (issue 16, ADR 0038): the cluster-wide duties (SLA sweep, presence
-- expiry, outbox delivery, integration upkeep, abandoned-widget sweep, idempotency purge, start-up
-- seeding) run on the one server that holds a lease in this table. A holder renews its lease every
-- few seconds; when it stops (shut down, killed, cut off from the database), another server takes
-- the lease once expires_at has passed, by the database's clock. token grows with every new holder.
CREATE TABLE cluster_lease (
    name        VARCHAR(64)  NOT NULL,
    holder      VARCHAR(128),
    token       BIGINT       NOT NULL DEFAULT 0,
    expires_at  DATETIME(3)  NOT NULL,
    acquired_at DATETIME(3),
    CONSTRAINT pk_cluster_lease PRIMARY KEY (name)
);
INSERT INTO cluster_lease (name, holder, token, expires_at) VALUES ('duties', NULL, 0, '1970-01-01 00:00:00');
INSERT INTO cluster_lease (name, holder, token, expires_at) VALUES ('seeding', NULL, 0, '1970-01-01 00:00:00');
