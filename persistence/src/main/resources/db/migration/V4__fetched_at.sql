-- A pull back-end's fetch (getMessageById, GET message) is recorded, so that a fetched but unacknowledged message is
-- left out of its pending list for a lease and offered again after it (MessageStore.recordFetch / unfetched).
-- Same dialect-neutral SQL as V1, for H2 and PostgreSQL.

alter table lb_message add column fetched_at timestamp with time zone;
