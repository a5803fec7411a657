-- Objectives of a product for a period (e.g. 2027-Q1), with their key results and the measurements of those.
CREATE TABLE objective (
    id           UUID          PRIMARY KEY,
    product_id   UUID          NOT NULL REFERENCES product (id),
    title        VARCHAR(200)  NOT NULL,
    description  VARCHAR(4000),
    period       VARCHAR(7)    NOT NULL CHECK (period ~ '^\d{4}-Q[1-4]$'),
    created_at   TIMESTAMPTZ   NOT NULL,
    updated_at   TIMESTAMPTZ   NOT NULL,
    version      BIGINT        NOT NULL DEFAULT 0
);
CREATE INDEX objective_created ON objective (created_at, id);
CREATE INDEX objective_product_created ON objective (product_id, created_at, id);

CREATE TABLE key_result (
    id                   UUID           PRIMARY KEY,
    objective_id         UUID           NOT NULL REFERENCES objective (id) ON DELETE CASCADE,
    position             INTEGER        NOT NULL,
    metric               VARCHAR(200)   NOT NULL,
    unit                 VARCHAR(50)    NOT NULL,
    baseline             NUMERIC(19, 4) NOT NULL,
    target               NUMERIC(19, 4) NOT NULL,
    direction            VARCHAR(10)    NOT NULL,
    current_value        NUMERIC(19, 4) NOT NULL,
    current_measured_at  TIMESTAMPTZ,
    UNIQUE (objective_id, position)
);

CREATE TABLE key_result_measurement (
    id             UUID           PRIMARY KEY,
    key_result_id  UUID           NOT NULL REFERENCES key_result (id) ON DELETE CASCADE,
    value          NUMERIC(19, 4) NOT NULL,
    measured_at    TIMESTAMPTZ    NOT NULL,
    source         VARCHAR(200)   NOT NULL,
    recorded_at    TIMESTAMPTZ    NOT NULL
);
CREATE INDEX key_result_measurement_time ON key_result_measurement (key_result_id, measured_at, id);
