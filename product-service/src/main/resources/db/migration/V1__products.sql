CREATE TABLE product (
    id               UUID         PRIMARY KEY,
    product_key      VARCHAR(10)  NOT NULL,
    name             VARCHAR(200) NOT NULL,
    vision           VARCHAR(4000),
    target_segments  TEXT[]       NOT NULL DEFAULT '{}',
    lifecycle_stage  VARCHAR(20)  NOT NULL,
    owner            VARCHAR(200),
    created_at       TIMESTAMPTZ  NOT NULL,
    updated_at       TIMESTAMPTZ  NOT NULL,
    version          BIGINT       NOT NULL DEFAULT 0
);
-- Keys are stored upper-case, so this makes them unique regardless of the case a client sent.
CREATE UNIQUE INDEX product_key_unique ON product (product_key);
CREATE INDEX product_created ON product (created_at, id);
