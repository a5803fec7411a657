-- Links from feedback to features of the catalog (part of the feedback aggregate: its ETag guards them).
CREATE TABLE feedback_link (
    id           UUID         PRIMARY KEY,
    feedback_id  UUID         NOT NULL REFERENCES feedback (id) ON DELETE CASCADE,
    feature_id   UUID         NOT NULL,
    product_id   UUID         NOT NULL,   -- the feature's product when linked
    importance   VARCHAR(20)  NOT NULL,
    linked_by    VARCHAR(200),
    linked_at    TIMESTAMPTZ  NOT NULL,
    updated_at   TIMESTAMPTZ  NOT NULL,
    CONSTRAINT feedback_link_once UNIQUE (feedback_id, feature_id)
);
CREATE INDEX feedback_link_feature ON feedback_link (feature_id, feedback_id);

-- Cross-functional discussion on a feedback item, in order.
CREATE TABLE feedback_comment (
    id           UUID          PRIMARY KEY,
    feedback_id  UUID          NOT NULL REFERENCES feedback (id) ON DELETE CASCADE,
    author       VARCHAR(200)  NOT NULL,
    discipline   VARCHAR(20)   NOT NULL,
    text         TEXT          NOT NULL,
    created_at   TIMESTAMPTZ   NOT NULL,
    updated_at   TIMESTAMPTZ   NOT NULL,
    version      BIGINT        NOT NULL DEFAULT 0
);
CREATE INDEX feedback_comment_order ON feedback_comment (feedback_id, created_at, id);

-- Loops closed: one row per (released feature, customer), so a customer is told once per feature.
CREATE TABLE loop_closure (
    feature_id   UUID         NOT NULL,
    customer_id  UUID         NOT NULL,
    closed_at    TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (feature_id, customer_id)
);
