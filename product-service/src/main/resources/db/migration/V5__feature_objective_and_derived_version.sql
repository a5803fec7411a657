-- A feature may serve one objective of its own product. The composite foreign key backs up "same product" (a feature
-- without an objective is not checked: MATCH SIMPLE). Objectives cannot be deleted, so no ON DELETE is needed.
ALTER TABLE objective ADD CONSTRAINT objective_id_product UNIQUE (id, product_id);
ALTER TABLE feature ADD COLUMN objective_id UUID;
ALTER TABLE feature ADD CONSTRAINT feature_objective_same_product
    FOREIGN KEY (objective_id, product_id) REFERENCES objective (id, product_id);
CREATE INDEX feature_objective ON feature (objective_id);

-- Version of what a feature read shows but other services' events change: its demand (feedback links, customer
-- revenue) and its risks (project health). Bumped only when that state really changes; the feature's ETag is
-- "<feature version>.<this version>", so a 304 never hides such a change. No foreign key: demand is recomputed at
-- start-up for every feature that ever had links, including deleted ones.
CREATE TABLE feature_derived_version (
    feature_id  UUID    PRIMARY KEY,
    version     BIGINT  NOT NULL
);
