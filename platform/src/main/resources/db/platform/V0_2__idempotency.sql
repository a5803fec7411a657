-- Idempotency keys of creates (Idempotency-Key header), written in the same transaction as the created resource,
-- so a create that fails or rolls back leaves no key behind. Rows are purged 24 hours after creation
-- (tandem.idempotency.retention); a key reused after that is a new request.
CREATE TABLE idempotency_key (
    scope               VARCHAR(200) NOT NULL,   -- the operation, e.g. 'POST /api/v1/products'
    idempotency_key     VARCHAR(255) NOT NULL,   -- as the client sent it
    request_fingerprint CHAR(64)     NOT NULL,   -- hex SHA-256 of the canonical JSON of the request body
    response_status     INT,                     -- null only while the first request's transaction is open
    response_headers    TEXT,                    -- JSON object of the replayed headers (Location, ETag, Content-Type)
    response_body       TEXT,                    -- JSON body of the first response, replayed verbatim
    created_at          TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (scope, idempotency_key)
);
-- The purge deletes by age.
CREATE INDEX idempotency_key_created_at ON idempotency_key (created_at);
