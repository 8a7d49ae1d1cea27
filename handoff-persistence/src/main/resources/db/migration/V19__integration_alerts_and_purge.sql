-- Integrations (issue 14, ADR 0031): the e-mail alert of a failing connector is sent once per
-- incident (alerted_at: when the "failing" mail of the current incident went out; cleared with the
-- "recovered" mail), and old outbox rows and attempts are purged by age in batches.
ALTER TABLE integration_connector ADD COLUMN alerted_at DATETIME(6);
CREATE INDEX ix_outbox_delivered ON integration_outbox (status, delivered_at);
CREATE INDEX ix_attempt_time ON integration_attempt (attempted_at);
