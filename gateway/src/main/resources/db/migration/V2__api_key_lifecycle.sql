-- API keys get an expiry, an audit trail (who created it, when it was last used) and an optimistic-lock version.
-- The secret is a 256-bit random value: a fast SHA-256 of it cannot be brute-forced (unlike a password, there is
-- nothing to guess), so key_hash needs no salt or slow hash; it is compared in constant time after a lookup by prefix.
ALTER TABLE api_key ADD COLUMN expires_at   TIMESTAMPTZ;
ALTER TABLE api_key ADD COLUMN last_used_at TIMESTAMPTZ;
ALTER TABLE api_key ADD COLUMN created_by   TEXT;
ALTER TABLE api_key ADD COLUMN version      BIGINT NOT NULL DEFAULT 0;
-- keyset pagination of the admin list (oldest first)
CREATE INDEX api_key_created_idx ON api_key (created_at, id);
