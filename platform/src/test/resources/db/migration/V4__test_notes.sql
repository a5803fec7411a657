-- Test-only table for the actor and record-history tests: an authored entity (platform AuthoredEntity).
CREATE TABLE test_note (
    id              UUID         PRIMARY KEY,
    text            VARCHAR(200) NOT NULL,
    tags            VARCHAR(200)[] NOT NULL,
    price           NUMERIC(10, 2),
    created_by      VARCHAR(255),
    created_by_name VARCHAR(200),
    updated_by      VARCHAR(255),
    updated_by_name VARCHAR(200),
    version         BIGINT       NOT NULL
);
