-- The case record looks for the conversations active since a moment (MessageStore.activeConversations), to watch
-- their time limits: without this index that scanned lb_message. Same dialect-neutral SQL as V1.

create index ix_message_kind_created on lb_message (kind, created_at);
