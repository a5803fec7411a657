-- Every lifecycle move of a product: who, when, why, from, to.
CREATE TABLE product_lifecycle_change (
    id          UUID          PRIMARY KEY,
    product_id  UUID          NOT NULL REFERENCES product (id) ON DELETE CASCADE,
    from_stage  VARCHAR(20)   NOT NULL,
    to_stage    VARCHAR(20)   NOT NULL,
    reason      VARCHAR(2000) NOT NULL,
    changed_by  VARCHAR(200)  NOT NULL,
    changed_at  TIMESTAMPTZ   NOT NULL
);
CREATE INDEX product_lifecycle_change_product ON product_lifecycle_change (product_id, changed_at, id);

CREATE INDEX product_name ON product (name, id);
CREATE INDEX product_owner ON product (owner);

-- Features of a product. The foreign key (no cascade) backs up "a product with features cannot be deleted".
CREATE TABLE feature (
    id                UUID          PRIMARY KEY,
    product_id        UUID          NOT NULL REFERENCES product (id),
    title             VARCHAR(200)  NOT NULL,
    problem           VARCHAR(4000),
    status            VARCHAR(20)   NOT NULL,
    rejection_reason  VARCHAR(2000),
    reach             BIGINT        CHECK (reach >= 0),
    impact            NUMERIC(4, 2) CHECK (impact IN (0.25, 0.5, 1, 2, 3)),
    confidence        INTEGER       CHECK (confidence BETWEEN 0 AND 100),
    effort            NUMERIC(9, 2) CHECK (effort > 0),
    score             NUMERIC(30, 2),
    created_at        TIMESTAMPTZ   NOT NULL,
    updated_at        TIMESTAMPTZ   NOT NULL,
    version           BIGINT        NOT NULL DEFAULT 0
);
CREATE INDEX feature_created ON feature (created_at, id);
CREATE INDEX feature_product_created ON feature (product_id, created_at, id);
CREATE INDEX feature_score ON feature ((coalesce(score, -1)), id);
