-- The gateway's own schema. API keys for client systems: only a hash of the key is stored, the key itself is shown
-- once when it is issued. Authentication, scopes and rate limits that use this table come with the auth work.
CREATE TABLE api_key (
    id            UUID        PRIMARY KEY,
    client_name   TEXT        NOT NULL,
    key_prefix    TEXT        NOT NULL,
    key_hash      TEXT        NOT NULL UNIQUE,
    scopes        TEXT[]      NOT NULL DEFAULT '{}',
    rate_limit_per_minute INTEGER CHECK (rate_limit_per_minute IS NULL OR rate_limit_per_minute > 0),
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    revoked_at    TIMESTAMPTZ
);

CREATE INDEX api_key_prefix_idx ON api_key (key_prefix);
