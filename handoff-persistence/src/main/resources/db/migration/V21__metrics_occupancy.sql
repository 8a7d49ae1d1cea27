-- Occupancy against capacity (issue 15, ADR 0034), per agent and CALENDAR day (UTC) of the activity,
-- not per started day of a conversation: time is counted on the day it passed, split at midnight.
--   online_seconds   presence online or busy (signed in and working)
--   away_seconds     presence away
--   capacity_seconds online or busy seconds x the agent's capacity (max concurrent chats) at the start
--                    of that presence interval: the chat-seconds the agent could have carried
--   chat_seconds     seconds the agent owned chats (acceptance or transfer to them, until resolution,
--                    close, or transfer away), summed over chats: two chats for an hour are 7200
-- Occupancy = chat_seconds / capacity_seconds. A presence interval is counted when it closes (the next
-- presence change); one without a sign-out (expired session, server restart) is closed by the
-- presence timer at the last heartbeat + handoff.presence.ttl-seconds, and never counts more than 24 h.
CREATE TABLE metric_occupancy_daily (
    stat_day         DATE        NOT NULL,
    agent            VARCHAR(64) NOT NULL,
    online_seconds   BIGINT      NOT NULL DEFAULT 0,
    away_seconds     BIGINT      NOT NULL DEFAULT 0,
    capacity_seconds BIGINT      NOT NULL DEFAULT 0,
    chat_seconds     BIGINT      NOT NULL DEFAULT 0,
    PRIMARY KEY (stat_day, agent)
);
CREATE INDEX ix_metric_occupancy_agent ON metric_occupancy_daily (agent, stat_day);

-- Each agent's open presence interval: the presence since when, with the capacity then.
CREATE TABLE metric_presence (
    agent    VARCHAR(64) NOT NULL PRIMARY KEY,
    presence VARCHAR(16) NOT NULL,
    since    DATETIME(6) NOT NULL,
    capacity INT         NOT NULL
);

-- Who owns the conversation now and since when: its open chat-time interval.
ALTER TABLE metric_conversation ADD COLUMN owner VARCHAR(64);
ALTER TABLE metric_conversation ADD COLUMN owned_since DATETIME(6);
