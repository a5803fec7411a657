-- Who caused each event (platform Actors): published as the CloudEvents extensions actor, actorname and actorkind
-- (the kind follows from the subject). Null on rows written before actors were recorded.
ALTER TABLE outbox_event
    ADD COLUMN actor_subject VARCHAR(255),
    ADD COLUMN actor_name    VARCHAR(200);

-- The history of each record (platform History): one row per change, written in the change's transaction, never
-- purged (unlike outbox_event, which is deleted after its retention). `state` is the record's state after the
-- change, what the next change is compared with; `changes` is {field: {from, to}} of the fields that changed.
CREATE TABLE record_history (
    id             BIGSERIAL    PRIMARY KEY,
    record_type    VARCHAR(100) NOT NULL,             -- the aggregate type, e.g. 'product'
    record_id      VARCHAR(100) NOT NULL,
    event_type     VARCHAR(200) NOT NULL,             -- the CloudEvents type of the change's event
    actor_subject  VARCHAR(255) NOT NULL,
    actor_name     VARCHAR(200) NOT NULL,
    changes        JSONB        NOT NULL,
    state          JSONB        NOT NULL,
    changed_at     TIMESTAMPTZ  NOT NULL
);
-- A record's history, newest first (the id is the keyset: writers of one record are serialised, see History).
CREATE INDEX record_history_of_record ON record_history (record_type, record_id, id DESC);
