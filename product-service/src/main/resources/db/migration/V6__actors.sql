-- Who created and who last changed each record (platform AuthoredEntity): the caller the gateway authenticated
-- (API key or person), or product-service itself for changes made on other services' events. Subject and display
-- name. Null on rows written before actors were recorded.
ALTER TABLE product
    ADD COLUMN created_by VARCHAR(255), ADD COLUMN created_by_name VARCHAR(200),
    ADD COLUMN updated_by VARCHAR(255), ADD COLUMN updated_by_name VARCHAR(200);
ALTER TABLE feature
    ADD COLUMN created_by VARCHAR(255), ADD COLUMN created_by_name VARCHAR(200),
    ADD COLUMN updated_by VARCHAR(255), ADD COLUMN updated_by_name VARCHAR(200);
ALTER TABLE objective
    ADD COLUMN created_by VARCHAR(255), ADD COLUMN created_by_name VARCHAR(200),
    ADD COLUMN updated_by VARCHAR(255), ADD COLUMN updated_by_name VARCHAR(200);
ALTER TABLE product_release
    ADD COLUMN created_by VARCHAR(255), ADD COLUMN created_by_name VARCHAR(200),
    ADD COLUMN updated_by VARCHAR(255), ADD COLUMN updated_by_name VARCHAR(200);
ALTER TABLE key_result_measurement
    ADD COLUMN created_by VARCHAR(255), ADD COLUMN created_by_name VARCHAR(200),
    ADD COLUMN updated_by VARCHAR(255), ADD COLUMN updated_by_name VARCHAR(200);

-- Lifecycle changes and pivots: changed_by / pivoted_by now hold the verified caller's name (older rows keep what the
-- client wrote); what a client sends as changedBy / pivotedBy / onBehalfOf is kept apart, as on_behalf_of.
ALTER TABLE product_lifecycle_change
    ADD COLUMN created_by VARCHAR(255), ADD COLUMN created_by_name VARCHAR(200),
    ADD COLUMN updated_by VARCHAR(255), ADD COLUMN updated_by_name VARCHAR(200),
    ADD COLUMN on_behalf_of VARCHAR(200);
ALTER TABLE product_pivot
    ADD COLUMN created_by VARCHAR(255), ADD COLUMN created_by_name VARCHAR(200),
    ADD COLUMN updated_by VARCHAR(255), ADD COLUMN updated_by_name VARCHAR(200),
    ADD COLUMN on_behalf_of VARCHAR(200);
