-- First response as a duration and a distribution (issue 15, ADR 0034). First response = seconds from
-- the escalation to the first message a person (Author AGENT: the owning agent or a supervisor) wrote
-- in the chat, counted once per handoff: a transfer or a requeue does not start a new one, and the
-- conversation keeps the one it has. Counted on the conversation's row of metric_daily (its started
-- day, skill, channel, first trigger and team) and on its first agent's row of metric_agent_daily, as
-- time-to-agent is: responded (how many), fr_sum (seconds) and a histogram fr_h0..fr_h13 with the
-- time-to-agent buckets (upper bounds in seconds 10, 20, 30, 45, 60, 90, 120, 180, 300, 600, 900,
-- 1800, 3600, open). Rows written before this migration count no first response.
ALTER TABLE metric_conversation ADD COLUMN first_response_seconds BIGINT;
ALTER TABLE metric_daily ADD COLUMN responded BIGINT NOT NULL DEFAULT 0;
ALTER TABLE metric_daily ADD COLUMN fr_sum BIGINT NOT NULL DEFAULT 0;
ALTER TABLE metric_daily ADD COLUMN fr_h0 BIGINT NOT NULL DEFAULT 0;
ALTER TABLE metric_daily ADD COLUMN fr_h1 BIGINT NOT NULL DEFAULT 0;
ALTER TABLE metric_daily ADD COLUMN fr_h2 BIGINT NOT NULL DEFAULT 0;
ALTER TABLE metric_daily ADD COLUMN fr_h3 BIGINT NOT NULL DEFAULT 0;
ALTER TABLE metric_daily ADD COLUMN fr_h4 BIGINT NOT NULL DEFAULT 0;
ALTER TABLE metric_daily ADD COLUMN fr_h5 BIGINT NOT NULL DEFAULT 0;
ALTER TABLE metric_daily ADD COLUMN fr_h6 BIGINT NOT NULL DEFAULT 0;
ALTER TABLE metric_daily ADD COLUMN fr_h7 BIGINT NOT NULL DEFAULT 0;
ALTER TABLE metric_daily ADD COLUMN fr_h8 BIGINT NOT NULL DEFAULT 0;
ALTER TABLE metric_daily ADD COLUMN fr_h9 BIGINT NOT NULL DEFAULT 0;
ALTER TABLE metric_daily ADD COLUMN fr_h10 BIGINT NOT NULL DEFAULT 0;
ALTER TABLE metric_daily ADD COLUMN fr_h11 BIGINT NOT NULL DEFAULT 0;
ALTER TABLE metric_daily ADD COLUMN fr_h12 BIGINT NOT NULL DEFAULT 0;
ALTER TABLE metric_daily ADD COLUMN fr_h13 BIGINT NOT NULL DEFAULT 0;
ALTER TABLE metric_agent_daily ADD COLUMN responded BIGINT NOT NULL DEFAULT 0;
ALTER TABLE metric_agent_daily ADD COLUMN fr_sum BIGINT NOT NULL DEFAULT 0;
ALTER TABLE metric_agent_daily ADD COLUMN fr_h0 BIGINT NOT NULL DEFAULT 0;
ALTER TABLE metric_agent_daily ADD COLUMN fr_h1 BIGINT NOT NULL DEFAULT 0;
ALTER TABLE metric_agent_daily ADD COLUMN fr_h2 BIGINT NOT NULL DEFAULT 0;
ALTER TABLE metric_agent_daily ADD COLUMN fr_h3 BIGINT NOT NULL DEFAULT 0;
ALTER TABLE metric_agent_daily ADD COLUMN fr_h4 BIGINT NOT NULL DEFAULT 0;
ALTER TABLE metric_agent_daily ADD COLUMN fr_h5 BIGINT NOT NULL DEFAULT 0;
ALTER TABLE metric_agent_daily ADD COLUMN fr_h6 BIGINT NOT NULL DEFAULT 0;
ALTER TABLE metric_agent_daily ADD COLUMN fr_h7 BIGINT NOT NULL DEFAULT 0;
ALTER TABLE metric_agent_daily ADD COLUMN fr_h8 BIGINT NOT NULL DEFAULT 0;
ALTER TABLE metric_agent_daily ADD COLUMN fr_h9 BIGINT NOT NULL DEFAULT 0;
ALTER TABLE metric_agent_daily ADD COLUMN fr_h10 BIGINT NOT NULL DEFAULT 0;
ALTER TABLE metric_agent_daily ADD COLUMN fr_h11 BIGINT NOT NULL DEFAULT 0;
ALTER TABLE metric_agent_daily ADD COLUMN fr_h12 BIGINT NOT NULL DEFAULT 0;
ALTER TABLE metric_agent_daily ADD COLUMN fr_h13 BIGINT NOT NULL DEFAULT 0;
