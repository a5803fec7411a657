-- Platform tables every service has. Platform migrations use versions 0.x; service migrations start at 1.

-- Transactional outbox: written in the same transaction as the state change it announces.
CREATE TABLE outbox_event (
    position        BIGSERIAL    PRIMARY KEY,          -- commit-independent insertion order, for the relay's scan
    event_id        UUID         NOT NULL UNIQUE,      -- CloudEvents id, stable across retries
    topic           VARCHAR(200) NOT NULL,
    aggregate_type  VARCHAR(100) NOT NULL,
    aggregate_id    VARCHAR(100) NOT NULL,
    sequence        BIGINT       NOT NULL,
    event_type      VARCHAR(200) NOT NULL,
    payload         TEXT         NOT NULL,
    traceparent     VARCHAR(55),
    occurred_at     TIMESTAMPTZ  NOT NULL,
    sent_at         TIMESTAMPTZ,
    attempts        INT          NOT NULL DEFAULT 0,
    last_error      TEXT,
    CONSTRAINT outbox_event_aggregate_sequence UNIQUE (aggregate_type, aggregate_id, sequence)
);
-- The relay scans unsent rows only; this partial index keeps that cheap however many rows were sent.
CREATE INDEX outbox_event_unsent ON outbox_event (position) WHERE sent_at IS NULL;

-- Last sequence number handed out per aggregate (CloudEvents `sequence` extension).
CREATE TABLE outbox_aggregate_sequence (
    aggregate_type  VARCHAR(100) NOT NULL,
    aggregate_id    VARCHAR(100) NOT NULL,
    last_sequence   BIGINT       NOT NULL,
    PRIMARY KEY (aggregate_type, aggregate_id)
);

-- Inbox: ids of processed events, written in the same transaction as the effect.
CREATE TABLE inbox_event (
    source          VARCHAR(200) NOT NULL,
    event_id        VARCHAR(200) NOT NULL,
    event_type      VARCHAR(200) NOT NULL,
    subject         VARCHAR(200),
    topic           VARCHAR(200) NOT NULL,
    kafka_partition INT          NOT NULL,
    kafka_offset    BIGINT       NOT NULL,
    processed_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (source, event_id)
);
