CREATE TABLE milestone (
    id          UUID          PRIMARY KEY,
    project_id  UUID          NOT NULL REFERENCES project (id),
    name        VARCHAR(200)  NOT NULL,
    due_date    DATE          NOT NULL,
    reached_at  TIMESTAMPTZ,
    created_at  TIMESTAMPTZ   NOT NULL,
    updated_at  TIMESTAMPTZ   NOT NULL,
    version     BIGINT        NOT NULL DEFAULT 0
);
CREATE INDEX milestone_project_due ON milestone (project_id, due_date, id);
