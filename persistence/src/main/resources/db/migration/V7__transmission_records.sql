-- Transmissions made outside the system, as their originator recorded them (Reg (EU) 2023/1543 Art 19(6)). Rows are
-- inserted, never updated or deleted: the store has no statement that would (a correction is a row of its own).
-- Same dialect-neutral SQL as V1, for H2 and PostgreSQL.

create table lb_transmission_record (
    id                 uuid          not null primary key,
    backend_name       varchar(100)  not null,
    backend_record_id  varchar(255),
    conversation_id    varchar(255)  not null,
    related_message_id uuid,
    transmitted_at     timestamp with time zone not null,
    sender             varchar(255)  not null,
    recipient          varchar(255)  not null,
    file_name          varchar(255)  not null,
    file_size          bigint        not null,
    reason             varchar(32)   not null,
    channel            varchar(255)  not null,
    hash_algorithm     varchar(16)   not null,
    hash_value         varchar(128)  not null,
    instrument         varchar(64)   not null,
    form               varchar(64)   not null,
    operator           varchar(255),
    corrects           uuid          references lb_transmission_record (id),
    note               varchar(2000),
    recorded_at        timestamp with time zone not null,
    payload_id         varchar(64)   not null,
    mime_type          varchar(255)  not null,
    size_bytes         bigint        not null,
    sha256             char(64)      not null,
    constraint uq_record_backend unique (backend_name, backend_record_id)
);

create index ix_record_conversation on lb_transmission_record (conversation_id, recorded_at);
