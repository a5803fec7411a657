-- NPS surveys per product, and the customers' answers (one per customer and survey).
CREATE TABLE nps_survey (
    id          UUID          PRIMARY KEY,
    product_id  UUID          NOT NULL,
    question    VARCHAR(500)  NOT NULL,
    opens_at    TIMESTAMPTZ   NOT NULL,
    closes_at   TIMESTAMPTZ   NOT NULL,
    created_at  TIMESTAMPTZ   NOT NULL,
    version     BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT nps_survey_window CHECK (closes_at > opens_at)
);
CREATE INDEX nps_survey_product ON nps_survey (product_id, created_at, id);
CREATE INDEX nps_survey_created ON nps_survey (created_at, id);

CREATE TABLE nps_response (
    id            UUID          PRIMARY KEY,
    survey_id     UUID          NOT NULL REFERENCES nps_survey (id),
    customer_id   UUID          NOT NULL REFERENCES customer (id),
    score         SMALLINT      NOT NULL CHECK (score BETWEEN 0 AND 10),
    comment       TEXT,
    feedback_id   UUID,
    responded_at  TIMESTAMPTZ   NOT NULL,
    CONSTRAINT nps_response_once UNIQUE (survey_id, customer_id)
);
