CREATE TABLE risk (
    id           UUID           PRIMARY KEY,
    project_id   UUID           NOT NULL REFERENCES project (id),
    title        VARCHAR(200)   NOT NULL,
    probability  INTEGER        NOT NULL CHECK (probability BETWEEN 1 AND 5),
    impact       INTEGER        NOT NULL CHECK (impact BETWEEN 1 AND 5),
    -- probability × impact, stored so the list can be ordered and paged by it
    exposure     INTEGER        NOT NULL CHECK (exposure = probability * impact),
    mitigation   VARCHAR(4000),
    owner        VARCHAR(200),
    status       VARCHAR(20)    NOT NULL,
    created_at   TIMESTAMPTZ    NOT NULL,
    updated_at   TIMESTAMPTZ    NOT NULL,
    version      BIGINT         NOT NULL DEFAULT 0
);
CREATE INDEX risk_project_exposure ON risk (project_id, exposure DESC, created_at, id);
