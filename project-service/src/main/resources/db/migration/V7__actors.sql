-- Who created and who last changed each record (platform AuthoredEntity): the caller the gateway authenticated
-- (API key or person), or project-service itself for changes made on other services' events or on a schedule
-- (health re-evaluation). Subject and display name. Null on rows written before actors were recorded.
ALTER TABLE program
    ADD COLUMN created_by VARCHAR(255), ADD COLUMN created_by_name VARCHAR(200),
    ADD COLUMN updated_by VARCHAR(255), ADD COLUMN updated_by_name VARCHAR(200);
ALTER TABLE project
    ADD COLUMN created_by VARCHAR(255), ADD COLUMN created_by_name VARCHAR(200),
    ADD COLUMN updated_by VARCHAR(255), ADD COLUMN updated_by_name VARCHAR(200);
ALTER TABLE milestone
    ADD COLUMN created_by VARCHAR(255), ADD COLUMN created_by_name VARCHAR(200),
    ADD COLUMN updated_by VARCHAR(255), ADD COLUMN updated_by_name VARCHAR(200);
ALTER TABLE task
    ADD COLUMN created_by VARCHAR(255), ADD COLUMN created_by_name VARCHAR(200),
    ADD COLUMN updated_by VARCHAR(255), ADD COLUMN updated_by_name VARCHAR(200);
ALTER TABLE risk
    ADD COLUMN created_by VARCHAR(255), ADD COLUMN created_by_name VARCHAR(200),
    ADD COLUMN updated_by VARCHAR(255), ADD COLUMN updated_by_name VARCHAR(200);
ALTER TABLE project_member
    ADD COLUMN created_by VARCHAR(255), ADD COLUMN created_by_name VARCHAR(200),
    ADD COLUMN updated_by VARCHAR(255), ADD COLUMN updated_by_name VARCHAR(200);
ALTER TABLE time_entry
    ADD COLUMN created_by VARCHAR(255), ADD COLUMN created_by_name VARCHAR(200),
    ADD COLUMN updated_by VARCHAR(255), ADD COLUMN updated_by_name VARCHAR(200);
ALTER TABLE expense_entry
    ADD COLUMN created_by VARCHAR(255), ADD COLUMN created_by_name VARCHAR(200),
    ADD COLUMN updated_by VARCHAR(255), ADD COLUMN updated_by_name VARCHAR(200);
