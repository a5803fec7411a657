-- Local replica of product-service's products, kept from tandem.product.events (never written by this service's API).
CREATE TABLE catalog_product (
    id               UUID         PRIMARY KEY,
    product_key      VARCHAR(10)  NOT NULL,
    name             VARCHAR(200) NOT NULL,
    lifecycle_stage  VARCHAR(20)  NOT NULL,
    source_version   BIGINT       NOT NULL,   -- the product's version the replica reflects; older events are ignored
    updated_at       TIMESTAMPTZ  NOT NULL
);
CREATE INDEX catalog_product_key ON catalog_product (product_key, id);
