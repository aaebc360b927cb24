-- Settings an operator changes at run time (SettingStore): the back-end routing rules of V5 and now the partners, in
-- one table, one row per change, never updated. The rules' rows are kept as they are.
-- Same dialect-neutral SQL as V1, for H2 and PostgreSQL.

alter table lb_backend_rules rename to lb_settings;
alter table lb_settings rename column rules_text to setting_text;
alter table lb_settings add column setting varchar(32) default 'backend-rules' not null;
create index lb_settings_latest on lb_settings (setting, version);
