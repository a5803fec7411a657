CREATE TABLE program (
    id           UUID          PRIMARY KEY,
    program_key  VARCHAR(10)   NOT NULL,
    name         VARCHAR(200)  NOT NULL,
    description  VARCHAR(4000),
    owner        VARCHAR(200),
    created_at   TIMESTAMPTZ   NOT NULL,
    updated_at   TIMESTAMPTZ   NOT NULL,
    version      BIGINT        NOT NULL DEFAULT 0
);
-- Keys are stored upper-case, so this makes them unique regardless of the case a client sent.
CREATE UNIQUE INDEX program_key_unique ON program (program_key);
CREATE INDEX program_created ON program (created_at, id);

CREATE TABLE project (
    id                         UUID          PRIMARY KEY,
    project_key                VARCHAR(10)   NOT NULL,
    name                       VARCHAR(200)  NOT NULL,
    program_id                 UUID          REFERENCES program (id),
    product_id                 UUID,
    feature_ids                UUID[]        NOT NULL DEFAULT '{}',
    manager                    VARCHAR(200),
    scope                      VARCHAR(4000),
    budget_amount              NUMERIC(17, 2),
    budget_currency            CHAR(3),
    planned_start              DATE,
    planned_end                DATE,
    status                     VARCHAR(20)   NOT NULL,
    status_reason              VARCHAR(1000),
    initial_estimate_pm        NUMERIC(10, 2),
    -- The feature a PROPOSED project was proposed for (feature.committed); one proposal per feature.
    proposed_for_feature_id    UUID,
    baseline_budget_amount     NUMERIC(17, 2),
    baseline_budget_currency   CHAR(3),
    baseline_planned_start     DATE,
    baseline_planned_end       DATE,
    baseline_taken_at          TIMESTAMPTZ,
    created_at                 TIMESTAMPTZ   NOT NULL,
    updated_at                 TIMESTAMPTZ   NOT NULL,
    version                    BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT project_dates CHECK (planned_end IS NULL OR planned_start IS NULL OR planned_end >= planned_start),
    CONSTRAINT project_budget CHECK ((budget_amount IS NULL) = (budget_currency IS NULL))
);
CREATE UNIQUE INDEX project_key_unique ON project (project_key);
CREATE UNIQUE INDEX project_proposed_for_feature_unique ON project (proposed_for_feature_id)
    WHERE proposed_for_feature_id IS NOT NULL;
CREATE INDEX project_created ON project (created_at, id);
CREATE INDEX project_name ON project (name, id);
CREATE INDEX project_program ON project (program_id);
CREATE INDEX project_product ON project (product_id);
