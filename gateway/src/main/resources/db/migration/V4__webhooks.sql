-- Webhooks (/api/v1/webhooks): subscriptions, one delivery row per (subscription, event), and every attempt.

-- A subscription. Its signing secret must be usable to sign, so it is stored encrypted (AES-GCM with
-- tandem.gateway.webhooks.secret-encryption-key, "aesgcm:" prefix) or, without a key, as it is ("plain:" prefix).
CREATE TABLE webhook_subscription (
    id                    UUID         PRIMARY KEY,
    url                   VARCHAR(2048) NOT NULL,
    event_types           TEXT[]       NOT NULL,
    subjects              TEXT[]       NOT NULL DEFAULT '{}',
    description           VARCHAR(500),
    status                VARCHAR(20)  NOT NULL CHECK (status IN ('ENABLED', 'PAUSED', 'DISABLED')),
    disabled_reason       TEXT,
    disabled_at           TIMESTAMPTZ,
    secret                TEXT         NOT NULL,
    previous_secret       TEXT,
    previous_secret_expires_at TIMESTAMPTZ,
    secret_rotated_at     TIMESTAMPTZ,
    -- the current failure streak: first failed attempt since the last success, events given up in a row
    failing_since         TIMESTAMPTZ,
    consecutive_given_up  INT          NOT NULL DEFAULT 0,
    created_at            TIMESTAMPTZ  NOT NULL,
    created_by            TEXT,
    updated_at            TIMESTAMPTZ  NOT NULL,
    version               BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX webhook_subscription_created_idx ON webhook_subscription (created_at, id);

-- One event to deliver to one subscription. seq is the order the events were queued in: a delivery is sent only
-- when no earlier delivery of the same subscription and subject is still PENDING or SENDING (order per subject).
-- SENDING rows are claimed by one gateway instance until lease_until; a crashed instance's rows are claimed again
-- after it. body is the exact structured CloudEvent sent on every attempt.
CREATE TABLE webhook_delivery (
    id               UUID         PRIMARY KEY,
    seq              BIGSERIAL    NOT NULL UNIQUE,
    subscription_id  UUID         NOT NULL REFERENCES webhook_subscription (id) ON DELETE CASCADE,
    event_source     VARCHAR(200) NOT NULL,
    event_id         VARCHAR(200) NOT NULL,
    event_type       VARCHAR(200) NOT NULL,
    subject          VARCHAR(200) NOT NULL DEFAULT '',
    event_time       TIMESTAMPTZ,
    topic            VARCHAR(200) NOT NULL,
    kafka_partition  INT          NOT NULL,
    kafka_offset     BIGINT       NOT NULL,
    body             TEXT         NOT NULL,
    state            VARCHAR(20)  NOT NULL CHECK (state IN ('PENDING', 'SENDING', 'DELIVERED', 'FAILED')),
    attempts         INT          NOT NULL DEFAULT 0,
    queued_at        TIMESTAMPTZ  NOT NULL,
    next_attempt_at  TIMESTAMPTZ  NOT NULL,
    lease_until      TIMESTAMPTZ,
    last_attempt_at  TIMESTAMPTZ,
    last_status_code INT,
    last_latency_ms  INT,
    last_error       TEXT,
    delivered_at     TIMESTAMPTZ,
    created_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT webhook_delivery_once UNIQUE (subscription_id, event_source, event_id)
);
-- the dispatcher's scan: due rows only
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE state IN ('PENDING', 'SENDING');
-- "is an earlier delivery of this subject still open?"
CREATE INDEX webhook_delivery_open_by_subject ON webhook_delivery (subscription_id, subject, seq)
    WHERE state IN ('PENDING', 'SENDING');
-- the delivery log, newest first
CREATE INDEX webhook_delivery_log ON webhook_delivery (subscription_id, seq);

-- Every attempt: when, what came back (status code or error) and how long it took.
CREATE TABLE webhook_attempt (
    id              BIGSERIAL    PRIMARY KEY,
    delivery_id     UUID         NOT NULL REFERENCES webhook_delivery (id) ON DELETE CASCADE,
    attempt         INT          NOT NULL,
    attempted_at    TIMESTAMPTZ  NOT NULL,
    status_code     INT,
    latency_ms      INT          NOT NULL,
    error           TEXT,
    succeeded       BOOLEAN      NOT NULL
);
CREATE INDEX webhook_attempt_delivery ON webhook_attempt (delivery_id, id);
