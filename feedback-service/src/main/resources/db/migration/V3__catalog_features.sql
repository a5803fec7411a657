-- A deleted product stays in the replica (existing feedback keeps pointing at it) but takes no new feedback.
ALTER TABLE catalog_product ADD COLUMN deleted_at TIMESTAMPTZ;

-- Local replica of product-service's features, kept from tandem.product.events (never written by this service's API).
CREATE TABLE catalog_feature (
    id              UUID         PRIMARY KEY,
    product_id      UUID         NOT NULL,
    title           VARCHAR(200) NOT NULL,
    status          VARCHAR(20)  NOT NULL,
    source_version  BIGINT       NOT NULL,   -- the feature's version the replica reflects; older events are ignored
    updated_at      TIMESTAMPTZ  NOT NULL,
    deleted_at      TIMESTAMPTZ
);
CREATE INDEX catalog_feature_product ON catalog_feature (product_id, id);
