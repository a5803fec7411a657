-- Retention (platform EventRetention): processed inbox rows are purged by age, oldest first.
CREATE INDEX inbox_event_processed_at ON inbox_event (processed_at);
