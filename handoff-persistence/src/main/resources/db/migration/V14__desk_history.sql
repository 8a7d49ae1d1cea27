-- The desk's history (issue 12, item 7): searches of conversations by date, by customer and by agent,
-- and a customer's page, each a set-based query. Newest first by start time; an agent's
-- conversations are the ones the journal names them in (accepted, transferred, resolved ...).
CREATE INDEX ix_conversation_created ON conversation (created_at);
CREATE INDEX ix_conversation_customer_created ON conversation (customer_id, created_at);
CREATE INDEX ix_domain_event_agent ON domain_event (agent, conversation_id);
CREATE INDEX ix_trigger_hit_name ON trigger_hit (trigger_name, conversation_id);
