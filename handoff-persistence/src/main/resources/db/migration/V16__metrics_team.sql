-- The team dimension of the KPI roll-ups (issue 15, ADR 0025). A conversation's team is the team
-- (agent.team, as set on Admin -> Users & agents) of the agent who FIRST accepted it, recorded at that
-- acceptance: a later transfer, or the agent moving to another team, does not move the conversation.
-- Until it is accepted a conversation has team '' (the bot's conversations, those waiting, and those
-- whose customer left the queue). Rows written before this migration keep team ''.
ALTER TABLE metric_conversation ADD COLUMN team VARCHAR(64) NOT NULL DEFAULT '';
CREATE INDEX ix_metric_conversation_team_day ON metric_conversation (team, stat_day);

ALTER TABLE metric_daily ADD COLUMN team VARCHAR(64) NOT NULL DEFAULT '';
ALTER TABLE metric_daily DROP PRIMARY KEY;
ALTER TABLE metric_daily ADD PRIMARY KEY (stat_day, skill, channel, trig, team);
