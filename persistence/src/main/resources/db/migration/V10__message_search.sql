-- An operator's search (MessageStore.search): the newest messages first, alone or by the partner's party as sender
-- or recipient. Back-end, state and conversation have their indexes already.
create index ix_message_created on lb_message (created_at);
create index ix_message_to_party on lb_message (to_party_id, created_at);
create index ix_message_from_party on lb_message (from_party_id, created_at);
