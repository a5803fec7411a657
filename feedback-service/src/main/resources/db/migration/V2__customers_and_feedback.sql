-- Customers: who gives feedback, and how much they weigh (annual revenue).
CREATE TABLE customer (
    id                 UUID          PRIMARY KEY,
    external_crm_id    VARCHAR(100)  NOT NULL,
    name               VARCHAR(200)  NOT NULL,
    segment            VARCHAR(100),
    tier               VARCHAR(20)   NOT NULL,
    revenue_amount     NUMERIC(19,2),
    revenue_currency   CHAR(3),
    contact_email      VARCHAR(254),
    created_at         TIMESTAMPTZ   NOT NULL,
    updated_at         TIMESTAMPTZ   NOT NULL,
    version            BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT customer_revenue_both CHECK ((revenue_amount IS NULL) = (revenue_currency IS NULL)),
    CONSTRAINT customer_revenue_non_negative CHECK (revenue_amount IS NULL OR revenue_amount >= 0)
);
CREATE UNIQUE INDEX customer_crm_id_unique ON customer (external_crm_id);
CREATE INDEX customer_created ON customer (created_at, id);

-- Feedback from every channel; (source, external_reference) identifies an item of the channel.
CREATE TABLE feedback (
    id                  UUID          PRIMARY KEY,
    source              VARCHAR(20)   NOT NULL,
    external_reference  VARCHAR(200),
    customer_id         UUID          NOT NULL REFERENCES customer (id),
    product_id          UUID          NOT NULL,
    title               VARCHAR(200)  NOT NULL,
    text                TEXT          NOT NULL,
    received_at         TIMESTAMPTZ   NOT NULL,
    tags                TEXT[]        NOT NULL DEFAULT '{}',
    owner               VARCHAR(200),
    status              VARCHAR(20)   NOT NULL,
    sentiment_score     NUMERIC(4,3)  NOT NULL,
    sentiment_label     VARCHAR(10)   NOT NULL,
    created_at          TIMESTAMPTZ   NOT NULL,
    updated_at          TIMESTAMPTZ   NOT NULL,
    version             BIGINT        NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX feedback_source_reference_unique ON feedback (source, external_reference)
    WHERE external_reference IS NOT NULL;
CREATE INDEX feedback_received ON feedback (received_at, id);
CREATE INDEX feedback_customer ON feedback (customer_id);
CREATE INDEX feedback_product ON feedback (product_id);
CREATE INDEX feedback_tags ON feedback USING GIN (tags);
-- Full-text search over title + text; the list query uses exactly this expression so the index applies.
CREATE INDEX feedback_fulltext ON feedback USING GIN (to_tsvector('english', title || ' ' || text));
