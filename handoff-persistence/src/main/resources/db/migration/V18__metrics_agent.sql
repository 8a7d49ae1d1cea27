-- The agent dimension of the KPI roll-ups (issue 15, ADR 0030): an agent's own dashboard and the
-- pilot group beside everyone else. A conversation is the agent's who FIRST accepted it (as its
-- team, ADR 0025): recorded at that acceptance in metric_conversation.first_agent, and its counters
-- from then on (and those counted before the acceptance) are added to that agent's row of
-- metric_agent_daily as well as to its metric_daily row. Conversations nobody accepted have no agent.
-- Handle time (first acceptance -> resolution) is counted on both tables: handled, handle_sum and a
-- histogram handle_h0..handle_h13 (upper bounds in seconds 60, 120, 180, 300, 450, 600, 900, 1200,
-- 1800, 2700, 3600, 5400, 7200, open). Rows written before this migration have no agent.
ALTER TABLE metric_conversation ADD COLUMN first_agent VARCHAR(64);
CREATE INDEX ix_metric_conversation_agent_day ON metric_conversation (first_agent, stat_day);

ALTER TABLE metric_daily ADD COLUMN handled BIGINT NOT NULL DEFAULT 0;
ALTER TABLE metric_daily ADD COLUMN handle_sum BIGINT NOT NULL DEFAULT 0;
ALTER TABLE metric_daily ADD COLUMN handle_h0 BIGINT NOT NULL DEFAULT 0;
ALTER TABLE metric_daily ADD COLUMN handle_h1 BIGINT NOT NULL DEFAULT 0;
ALTER TABLE metric_daily ADD COLUMN handle_h2 BIGINT NOT NULL DEFAULT 0;
ALTER TABLE metric_daily ADD COLUMN handle_h3 BIGINT NOT NULL DEFAULT 0;
ALTER TABLE metric_daily ADD COLUMN handle_h4 BIGINT NOT NULL DEFAULT 0;
ALTER TABLE metric_daily ADD COLUMN handle_h5 BIGINT NOT NULL DEFAULT 0;
ALTER TABLE metric_daily ADD COLUMN handle_h6 BIGINT NOT NULL DEFAULT 0;
ALTER TABLE metric_daily ADD COLUMN handle_h7 BIGINT NOT NULL DEFAULT 0;
ALTER TABLE metric_daily ADD COLUMN handle_h8 BIGINT NOT NULL DEFAULT 0;
ALTER TABLE metric_daily ADD COLUMN handle_h9 BIGINT NOT NULL DEFAULT 0;
ALTER TABLE metric_daily ADD COLUMN handle_h10 BIGINT NOT NULL DEFAULT 0;
ALTER TABLE metric_daily ADD COLUMN handle_h11 BIGINT NOT NULL DEFAULT 0;
ALTER TABLE metric_daily ADD COLUMN handle_h12 BIGINT NOT NULL DEFAULT 0;
ALTER TABLE metric_daily ADD COLUMN handle_h13 BIGINT NOT NULL DEFAULT 0;

-- The same counters as metric_daily, per started day x the agent who first accepted the conversation
-- (username). A 90-day read is days x agents rows, whatever the traffic.
CREATE TABLE metric_agent_daily (
    stat_day            DATE         NOT NULL,
    agent               VARCHAR(64)  NOT NULL,
    started             BIGINT       NOT NULL DEFAULT 0,
    escalated           BIGINT       NOT NULL DEFAULT 0,
    accepted            BIGINT       NOT NULL DEFAULT 0,
    tta_sum             BIGINT       NOT NULL DEFAULT 0,
    tta_h0              BIGINT       NOT NULL DEFAULT 0,
    tta_h1              BIGINT       NOT NULL DEFAULT 0,
    tta_h2              BIGINT       NOT NULL DEFAULT 0,
    tta_h3              BIGINT       NOT NULL DEFAULT 0,
    tta_h4              BIGINT       NOT NULL DEFAULT 0,
    tta_h5              BIGINT       NOT NULL DEFAULT 0,
    tta_h6              BIGINT       NOT NULL DEFAULT 0,
    tta_h7              BIGINT       NOT NULL DEFAULT 0,
    tta_h8              BIGINT       NOT NULL DEFAULT 0,
    tta_h9              BIGINT       NOT NULL DEFAULT 0,
    tta_h10             BIGINT       NOT NULL DEFAULT 0,
    tta_h11             BIGINT       NOT NULL DEFAULT 0,
    tta_h12             BIGINT       NOT NULL DEFAULT 0,
    tta_h13             BIGINT       NOT NULL DEFAULT 0,
    sla_met             BIGINT       NOT NULL DEFAULT 0,
    breach_first        BIGINT       NOT NULL DEFAULT 0,
    breach_update       BIGINT       NOT NULL DEFAULT 0,
    breach_resolution   BIGINT       NOT NULL DEFAULT 0,
    resolved            BIGINT       NOT NULL DEFAULT 0,
    abandoned           BIGINT       NOT NULL DEFAULT 0,
    abandon_wait_sum    BIGINT       NOT NULL DEFAULT 0,
    csat_bot_sum        BIGINT       NOT NULL DEFAULT 0,
    csat_bot_n          BIGINT       NOT NULL DEFAULT 0,
    csat_human_sum      BIGINT       NOT NULL DEFAULT 0,
    csat_human_n        BIGINT       NOT NULL DEFAULT 0,
    transfers           BIGINT       NOT NULL DEFAULT 0,
    not_needed          BIGINT       NOT NULL DEFAULT 0,
    wait_predicted      BIGINT       NOT NULL DEFAULT 0,
    wait_within         BIGINT       NOT NULL DEFAULT 0,
    wr_h0               BIGINT       NOT NULL DEFAULT 0,
    wr_h1               BIGINT       NOT NULL DEFAULT 0,
    wr_h2               BIGINT       NOT NULL DEFAULT 0,
    wr_h3               BIGINT       NOT NULL DEFAULT 0,
    wr_h4               BIGINT       NOT NULL DEFAULT 0,
    wr_h5               BIGINT       NOT NULL DEFAULT 0,
    wr_h6               BIGINT       NOT NULL DEFAULT 0,
    wr_h7               BIGINT       NOT NULL DEFAULT 0,
    wr_h8               BIGINT       NOT NULL DEFAULT 0,
    wr_h9               BIGINT       NOT NULL DEFAULT 0,
    wr_h10              BIGINT       NOT NULL DEFAULT 0,
    handled             BIGINT       NOT NULL DEFAULT 0,
    handle_sum          BIGINT       NOT NULL DEFAULT 0,
    handle_h0           BIGINT       NOT NULL DEFAULT 0,
    handle_h1           BIGINT       NOT NULL DEFAULT 0,
    handle_h2           BIGINT       NOT NULL DEFAULT 0,
    handle_h3           BIGINT       NOT NULL DEFAULT 0,
    handle_h4           BIGINT       NOT NULL DEFAULT 0,
    handle_h5           BIGINT       NOT NULL DEFAULT 0,
    handle_h6           BIGINT       NOT NULL DEFAULT 0,
    handle_h7           BIGINT       NOT NULL DEFAULT 0,
    handle_h8           BIGINT       NOT NULL DEFAULT 0,
    handle_h9           BIGINT       NOT NULL DEFAULT 0,
    handle_h10          BIGINT       NOT NULL DEFAULT 0,
    handle_h11          BIGINT       NOT NULL DEFAULT 0,
    handle_h12          BIGINT       NOT NULL DEFAULT 0,
    handle_h13          BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (stat_day, agent)
);
CREATE INDEX ix_metric_agent_daily_agent ON metric_agent_daily (agent, stat_day);
