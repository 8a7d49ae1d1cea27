-- The fail-over benchmark's desk (issue 16): 15,000 agents with two chats each and 300,000 handoffs
-- waiting, added to a Handoff database that has been migrated (one start of the server). Every row is
-- written in one INSERT ... SELECT per table from a table of numbers, so seeding takes seconds.
-- Agents: fo-agent-1 .. fo-agent-15000 (team fo-team-<n mod 50>, skills general + one of five topics),
-- online with a heartbeat now; chats: 30,000 ASSIGNED (two per agent); waiting: 300,000 QUEUED over
-- the five topics, escalated over the last 10 minutes, customers fo-customer-1 .. fo-customer-330000.
DROP TABLE IF EXISTS fo_digit;
CREATE TABLE fo_digit (d INT NOT NULL PRIMARY KEY);
INSERT INTO fo_digit VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9);
DROP TABLE IF EXISTS fo_n;
CREATE TABLE fo_n (n INT NOT NULL PRIMARY KEY);
INSERT INTO fo_n
SELECT 1 + a.d + 10 * b.d + 100 * c.d + 1000 * d.d + 10000 * e.d + 100000 * f.d
FROM fo_digit a, fo_digit b, fo_digit c, fo_digit d, fo_digit e, fo_digit f
WHERE a.d + 10 * b.d + 100 * c.d + 1000 * d.d + 10000 * e.d + 100000 * f.d < 330000;

INSERT INTO app_user (username, display_name, password_hash, role, enabled, created_at, version)
SELECT CONCAT('fo-agent-', n), CONCAT('Fail-over Agent ', n), 'not-a-password-hash', 'AGENT', 1, NOW(6), 0
FROM fo_n WHERE n <= 15000;

INSERT INTO agent (user_id, presence, max_concurrent_chats, version, languages, tier, team, presence_seen_at)
SELECT u.id, 'ONLINE', 2, 0, 'en', 1 + (CAST(SUBSTRING(u.username, 10) AS UNSIGNED) MOD 5),
       CONCAT('fo-team-', CAST(SUBSTRING(u.username, 10) AS UNSIGNED) MOD 50), NOW(6)
FROM app_user u WHERE u.username LIKE 'fo-agent-%';

INSERT INTO agent_skill (agent_id, skill, proficiency)
SELECT a.id, 'general', 3 FROM agent a JOIN app_user u ON u.id = a.user_id WHERE u.username LIKE 'fo-agent-%';
INSERT INTO agent_skill (agent_id, skill, proficiency)
SELECT a.id, ELT(1 + (a.id MOD 5), 'billing', 'technical', 'refunds', 'account', 'shipping'), 1 + (a.id MOD 5)
FROM agent a JOIN app_user u ON u.id = a.user_id WHERE u.username LIKE 'fo-agent-%';

INSERT INTO customer (external_id, name, tier, account_value, created_at, updated_at, version)
SELECT CONCAT('fo-customer-', n), CONCAT('Customer ', n), ELT(1 + (n MOD 4), 'free', 'pro', 'business', 'enterprise'),
       (n MOD 1000) * 37.5, NOW(6), NOW(6), 0
FROM fo_n;

-- 30,000 chats owned: customers 1..30000, two per agent
INSERT INTO conversation (id, customer_id, channel, state, required_skill, priority, assigned_agent_id, message_count,
                          created_at, escalated_at, accepted_at, owned_since, version)
SELECT CONCAT('f0000000-0000-4000-8000-', LPAD(n, 12, '0')), c.id, 'web', 'ASSIGNED', 'general', 50, a.id, 4,
       NOW(6) - INTERVAL 20 MINUTE, NOW(6) - INTERVAL 15 MINUTE, NOW(6) - INTERVAL 14 MINUTE, NOW(6) - INTERVAL 14 MINUTE, 0
FROM fo_n
JOIN customer c ON c.external_id = CONCAT('fo-customer-', n)
JOIN app_user u ON u.username = CONCAT('fo-agent-', 1 + ((n - 1) MOD 15000))
JOIN agent a ON a.user_id = u.id
WHERE n <= 30000;

-- 300,000 waiting: customers 30001..330000
INSERT INTO conversation (id, customer_id, channel, state, required_skill, priority, message_count, created_at, escalated_at,
                          predicted_wait_seconds, version)
SELECT CONCAT('f0000000-0000-4000-8000-', LPAD(n, 12, '0')), c.id, 'web', 'QUEUED',
       ELT(1 + (n MOD 6), 'general', 'billing', 'technical', 'refunds', 'account', 'shipping'), 10 * (n MOD 10), 3,
       NOW(6) - INTERVAL (n MOD 600) SECOND - INTERVAL 1 MINUTE, NOW(6) - INTERVAL (n MOD 600) SECOND, 600, 0
FROM fo_n
JOIN customer c ON c.external_id = CONCAT('fo-customer-', n)
WHERE n > 30000;

DROP TABLE fo_n;
DROP TABLE fo_digit;
SELECT state, COUNT(*) AS conversations FROM conversation GROUP BY state;
SELECT COUNT(*) AS agents FROM agent;
