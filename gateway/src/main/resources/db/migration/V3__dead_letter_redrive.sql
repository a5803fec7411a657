-- Dead letters redriven through the admin API (/api/v1/admin/dead-letters): the dead-letter topics themselves are
-- append-only, so the gateway remembers which records it sent back to their topic, when and on whose request.
CREATE TABLE dead_letter_redrive (
    dlq_topic     VARCHAR(255) NOT NULL,
    dlq_partition INT          NOT NULL,
    dlq_offset    BIGINT       NOT NULL,
    event_id      VARCHAR(200),
    redriven_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    redriven_by   TEXT,
    PRIMARY KEY (dlq_topic, dlq_partition, dlq_offset)
);
