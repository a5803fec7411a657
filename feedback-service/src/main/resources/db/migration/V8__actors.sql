-- Who created and who last changed each record (platform AuthoredEntity): the caller the gateway authenticated
-- (API key or person), or feedback-service itself for changes made on other services' events. Subject and display
-- name. Null on rows written before actors were recorded.
ALTER TABLE customer
    ADD COLUMN created_by VARCHAR(255), ADD COLUMN created_by_name VARCHAR(200),
    ADD COLUMN updated_by VARCHAR(255), ADD COLUMN updated_by_name VARCHAR(200);
ALTER TABLE feedback
    ADD COLUMN created_by VARCHAR(255), ADD COLUMN created_by_name VARCHAR(200),
    ADD COLUMN updated_by VARCHAR(255), ADD COLUMN updated_by_name VARCHAR(200);
ALTER TABLE nps_survey
    ADD COLUMN created_by VARCHAR(255), ADD COLUMN created_by_name VARCHAR(200),
    ADD COLUMN updated_by VARCHAR(255), ADD COLUMN updated_by_name VARCHAR(200);
ALTER TABLE nps_response
    ADD COLUMN created_by VARCHAR(255), ADD COLUMN created_by_name VARCHAR(200),
    ADD COLUMN updated_by VARCHAR(255), ADD COLUMN updated_by_name VARCHAR(200);

-- Links and comments: linked_by / author now hold the verified caller's name (older rows keep what the client
-- wrote); what a client sends as linkedBy / author / onBehalfOf is kept apart, as on_behalf_of. "Only its author
-- edits a comment" compares the caller with created_by: a comment written before this migration has none, so it can
-- no longer be edited (its author was never verified).
ALTER TABLE feedback_link
    ADD COLUMN created_by VARCHAR(255), ADD COLUMN created_by_name VARCHAR(200),
    ADD COLUMN updated_by VARCHAR(255), ADD COLUMN updated_by_name VARCHAR(200),
    ADD COLUMN on_behalf_of VARCHAR(200);
ALTER TABLE feedback_comment
    ADD COLUMN created_by VARCHAR(255), ADD COLUMN created_by_name VARCHAR(200),
    ADD COLUMN updated_by VARCHAR(255), ADD COLUMN updated_by_name VARCHAR(200),
    ADD COLUMN on_behalf_of VARCHAR(200);
