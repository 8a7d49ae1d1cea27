-- Presence expires by itself (issue 11, item 4): every portal heartbeat stores when the agent was
-- last seen; a presence older than the time-to-live counts as offline, for routing and for the
-- presence timer that writes it back. Presence from before this column existed has no heartbeat,
-- so it is stale at once.
ALTER TABLE agent ADD COLUMN presence_seen_at DATETIME(6);
CREATE INDEX ix_agent_presence_seen ON agent (presence, presence_seen_at);
