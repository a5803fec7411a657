-- Test-only table for the HTTP-convention tests (problem+json, ETag, pagination, idempotency).
CREATE TABLE test_widget (
    id          UUID         PRIMARY KEY,
    name        VARCHAR(50)  NOT NULL,
    quantity    INT          NOT NULL,
    color       VARCHAR(20)  NOT NULL,
    due         DATE,
    batch       VARCHAR(60),
    created_at  TIMESTAMPTZ  NOT NULL,
    version     BIGINT       NOT NULL
);
CREATE INDEX test_widget_keyset ON test_widget (created_at, id);
