-- KPI roll-ups (issue 15, ADR 0022). Written from the domain events by MetricsRecorder in the
-- transaction of the change (IN_PROGRESS observer), with single-statement upserts that add to the
-- counters (INSERT ... ON DUPLICATE KEY UPDATE c = c + VALUES(c) on MariaDB/MySQL, MERGE on H2), so
-- concurrent transactions never lose an increment. Every measure is attributed to the day the
-- conversation started (UTC): a cohort. The dashboards read only these tables.

-- One row per conversation: the dimensions of its cohort and what has been counted for it, so that
-- later events find their row and nothing is counted twice; the drill-down lists these rows.
CREATE TABLE metric_conversation (
    conversation_id        CHAR(36)     NOT NULL PRIMARY KEY,
    stat_day               DATE         NOT NULL,
    channel                VARCHAR(64)  NOT NULL,
    skill                  VARCHAR(64)  NOT NULL DEFAULT '',
    trig                   VARCHAR(120) NOT NULL DEFAULT '',
    started_at             DATETIME(6)  NOT NULL,
    escalated_at           DATETIME(6),
    accepted_at            DATETIME(6),
    wait_seconds           BIGINT,
    predicted_wait_seconds BIGINT,
    agent                  VARCHAR(64),
    outcome                VARCHAR(16),
    abandoned_wait_seconds BIGINT,
    csat                   INT,
    csat_human             BOOLEAN      NOT NULL DEFAULT FALSE,
    transfers              INT          NOT NULL DEFAULT 0,
    not_needed             BOOLEAN      NOT NULL DEFAULT FALSE,
    breaches               INT          NOT NULL DEFAULT 0,
    -- made by the demo history (90 days of figures): no conversation or transcript behind the row
    history                BOOLEAN      NOT NULL DEFAULT FALSE
);
CREATE INDEX ix_metric_conversation_day ON metric_conversation (stat_day, trig);

-- Counters per started day x skill x channel trigger. A conversation the bot kept has skill '' and
-- trig ''; 'started' is counted there for every conversation, the rest under its escalation's skill
-- and first trigger. Histograms: time-to-agent in seconds (tta_h*, upper bounds 10, 20, 30, 45, 60,
-- 90, 120, 180, 300, 600, 900, 1800, 3600, open) and actual/predicted wait (wr_h*, upper bounds
-- 0.25, 0.5, 0.75, 0.9, 1.1, 1.25, 1.5, 2, 3, 5, open); see docs/dashboards.md.
CREATE TABLE metric_daily (
    stat_day            DATE         NOT NULL,
    skill               VARCHAR(64)  NOT NULL,
    channel             VARCHAR(64)  NOT NULL,
    trig                VARCHAR(120) NOT NULL,
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
    PRIMARY KEY (stat_day, skill, channel, trig)
);

-- Every trigger that fired on an escalation (not only the first) and the "not needed" flags against
-- it, per started day x trigger x skill x channel: trigger precision.
CREATE TABLE metric_trigger_daily (
    stat_day   DATE         NOT NULL,
    trig       VARCHAR(120) NOT NULL,
    skill      VARCHAR(64)  NOT NULL,
    channel    VARCHAR(64)  NOT NULL,
    fired      BIGINT       NOT NULL DEFAULT 0,
    not_needed BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (stat_day, trig, skill, channel)
);
