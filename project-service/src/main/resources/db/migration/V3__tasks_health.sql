-- Tasks of a project; dependsOn lists tasks of the same project that must be DONE before this one starts.
CREATE TABLE task (
    id               UUID          PRIMARY KEY,
    project_id       UUID          NOT NULL REFERENCES project (id),
    title            VARCHAR(200)  NOT NULL,
    estimate_hours   NUMERIC(8, 2) NOT NULL CHECK (estimate_hours > 0),
    remaining_hours  NUMERIC(8, 2) NOT NULL CHECK (remaining_hours >= 0),
    assignee         VARCHAR(200),
    status           VARCHAR(20)   NOT NULL,
    blocked_reason   VARCHAR(1000),
    planned_start    DATE,
    planned_end      DATE,
    milestone_id     UUID          REFERENCES milestone (id),
    depends_on       UUID[]        NOT NULL DEFAULT '{}',
    created_at       TIMESTAMPTZ   NOT NULL,
    updated_at       TIMESTAMPTZ   NOT NULL,
    version          BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT task_dates CHECK (planned_end IS NULL OR planned_start IS NULL OR planned_end >= planned_start)
);
CREATE INDEX task_project_created ON task (project_id, created_at, id);

-- The task estimates captured when the project was approved (part of its baseline).
CREATE TABLE task_baseline (
    project_id      UUID          NOT NULL REFERENCES project (id),
    task_id         UUID          NOT NULL REFERENCES task (id),
    estimate_hours  NUMERIC(8, 2) NOT NULL,
    PRIMARY KEY (project_id, task_id)
);

ALTER TABLE project ADD COLUMN baseline_estimate_hours NUMERIC(10, 2);
-- The health last computed (GREEN, AMBER, RED; null before approval) and when the budget was first exceeded.
ALTER TABLE project ADD COLUMN health VARCHAR(10);
ALTER TABLE project ADD COLUMN budget_exceeded_at TIMESTAMPTZ;
CREATE INDEX project_health ON project (health);

-- Remaining hours of a project's tasks at the end of each day something changed (the burndown).
CREATE TABLE remaining_hours_day (
    project_id       UUID          NOT NULL REFERENCES project (id),
    day              DATE          NOT NULL,
    remaining_hours  NUMERIC(12, 2) NOT NULL,
    PRIMARY KEY (project_id, day)
);
