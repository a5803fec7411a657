CREATE TABLE project_member (
    id                  UUID           PRIMARY KEY,
    project_id          UUID           NOT NULL REFERENCES project (id),
    person_id           VARCHAR(200)   NOT NULL,
    role                VARCHAR(100)   NOT NULL,
    allocation_percent  INTEGER        NOT NULL CHECK (allocation_percent BETWEEN 1 AND 100),
    hourly_rate_amount  NUMERIC(17, 2) NOT NULL,
    hourly_rate_currency CHAR(3)       NOT NULL,
    created_at          TIMESTAMPTZ    NOT NULL,
    updated_at          TIMESTAMPTZ    NOT NULL,
    version             BIGINT         NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX project_member_person ON project_member (project_id, person_id);
CREATE INDEX project_member_created ON project_member (project_id, created_at, id);
CREATE INDEX project_member_person_id ON project_member (person_id);

CREATE TABLE time_entry (
    id             UUID           PRIMARY KEY,
    project_id     UUID           NOT NULL REFERENCES project (id),
    person_id      VARCHAR(200)   NOT NULL,
    task_id        UUID           NOT NULL REFERENCES task (id),
    work_date      DATE           NOT NULL,
    hours          NUMERIC(4, 2)  NOT NULL CHECK (hours > 0 AND hours <= 24),
    cost_amount    NUMERIC(17, 2) NOT NULL,
    cost_currency  CHAR(3)        NOT NULL,
    note           VARCHAR(1000),
    created_at     TIMESTAMPTZ    NOT NULL
);
CREATE INDEX time_entry_project ON time_entry (project_id, created_at, id);

CREATE TABLE expense_entry (
    id              UUID           PRIMARY KEY,
    project_id      UUID           NOT NULL REFERENCES project (id),
    amount          NUMERIC(17, 2) NOT NULL,
    currency        CHAR(3)        NOT NULL,
    category        VARCHAR(100)   NOT NULL,
    expense_date    DATE           NOT NULL,
    description     VARCHAR(1000),
    created_at      TIMESTAMPTZ    NOT NULL
);
CREATE INDEX expense_entry_project ON expense_entry (project_id, created_at, id);
