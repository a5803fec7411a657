-- Replicas of feedback-service's state, kept from tandem.feedback.events (never written by the API).
-- Customers: only what demand needs. version = the customer's version in feedback-service; older events are ignored.
CREATE TABLE customer_replica (
    customer_id      UUID           PRIMARY KEY,
    revenue_amount   NUMERIC(17, 2),
    revenue_currency VARCHAR(3),
    version          BIGINT         NOT NULL
);

-- Feedback items known to exist (pivot evidence). A deleted item is removed.
CREATE TABLE feedback_replica (
    feedback_id  UUID    PRIMARY KEY,
    product_id   UUID,
    customer_id  UUID,
    version      BIGINT  NOT NULL
);

-- Links between feedback items and features, with the importance the customer gave. No foreign key to feature:
-- a link may arrive before or after the feature's own history here, and must survive either order.
CREATE TABLE feedback_link (
    feedback_id  UUID        NOT NULL,
    feature_id   UUID        NOT NULL,
    customer_id  UUID,
    importance   VARCHAR(20) NOT NULL,
    version      BIGINT      NOT NULL,
    PRIMARY KEY (feedback_id, feature_id)
);
CREATE INDEX feedback_link_feature ON feedback_link (feature_id);
CREATE INDEX feedback_link_customer ON feedback_link (customer_id);

-- Demand per feature, recomputed from the replicas whenever a link or a linked customer changes (and at start-up,
-- so a change of the configured rates takes effect).
CREATE TABLE feature_demand (
    feature_id                 UUID           PRIMARY KEY,
    feedback_count             INTEGER        NOT NULL,
    customer_count             INTEGER        NOT NULL,
    weighted_demand            NUMERIC(24, 2) NOT NULL,
    currency                   VARCHAR(3)     NOT NULL,
    customers_without_revenue  INTEGER        NOT NULL,
    customers_without_rate     INTEGER        NOT NULL,
    nice_to_have               INTEGER        NOT NULL,
    important                  INTEGER        NOT NULL,
    critical                   INTEGER        NOT NULL
);
CREATE INDEX feature_demand_weighted ON feature_demand (weighted_demand, feature_id);

-- Risk of a feature from the health of each project that delivers it (one row per AMBER/RED project; GREEN removes it).
CREATE TABLE feature_risk (
    feature_id  UUID          NOT NULL REFERENCES feature (id) ON DELETE CASCADE,
    project_id  UUID          NOT NULL,
    project_key VARCHAR(50),
    health      VARCHAR(10)   NOT NULL,
    reasons     TEXT          NOT NULL,
    changed_at  TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (feature_id, project_id)
);

ALTER TABLE feature ADD COLUMN at_risk BOOLEAN NOT NULL DEFAULT FALSE;

-- Releases of a product; features are assigned to one.
CREATE TABLE product_release (
    id           UUID          PRIMARY KEY,
    product_id   UUID          NOT NULL REFERENCES product (id),
    name         VARCHAR(200)  NOT NULL,
    description  VARCHAR(4000),
    target_date  DATE          NOT NULL,
    status       VARCHAR(20)   NOT NULL,
    released_at  TIMESTAMPTZ,
    created_at   TIMESTAMPTZ   NOT NULL,
    updated_at   TIMESTAMPTZ   NOT NULL,
    version      BIGINT        NOT NULL DEFAULT 0
);
CREATE INDEX product_release_created ON product_release (created_at, id);
CREATE INDEX product_release_product ON product_release (product_id, target_date);

ALTER TABLE feature ADD COLUMN release_id UUID REFERENCES product_release (id);
CREATE INDEX feature_release ON feature (release_id);

-- Pivots of a product: before/after vision and segments, rationale and evidence (JSON array).
CREATE TABLE product_pivot (
    id               UUID          PRIMARY KEY,
    product_id       UUID          NOT NULL REFERENCES product (id) ON DELETE CASCADE,
    vision_before    VARCHAR(4000),
    vision_after     VARCHAR(4000),
    segments_before  TEXT[]        NOT NULL,
    segments_after   TEXT[]        NOT NULL,
    rationale        VARCHAR(4000) NOT NULL,
    evidence         TEXT          NOT NULL,
    pivoted_by       VARCHAR(200),
    pivoted_at       TIMESTAMPTZ   NOT NULL
);
CREATE INDEX product_pivot_product ON product_pivot (product_id, pivoted_at, id);
