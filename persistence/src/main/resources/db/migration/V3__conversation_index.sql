-- Routing an inbound message asks for the earlier messages of its conversation (MessageStore.conversation): without
-- this index every reception scanned lb_message. Same dialect-neutral SQL as V1, for H2 and PostgreSQL.

create index ix_message_conversation on lb_message (conversation_id, created_at);
