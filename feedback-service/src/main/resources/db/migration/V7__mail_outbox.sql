-- Mails telling customers that a loop closed: one row per mail, written (already rendered) in the transaction that
-- publishes its feedback.loop-closed event, sent at least once by MailRelay (see the service README, "Customers told
-- by e-mail"). A row is done when sent_at or abandoned_at is set; until then it is due from next_attempt_at.
CREATE TABLE mail_outbox (
    id                    UUID           PRIMARY KEY,   -- also the mail's Message-ID (<id@tandem>), the same on a resend
    customer_id           UUID           NOT NULL REFERENCES customer (id),
    loop_closed_event_id  UUID,                         -- ce_id of the feedback.loop-closed event it goes with
    recipient             VARCHAR(254)   NOT NULL,
    subject               VARCHAR(500)   NOT NULL,
    text_body             TEXT           NOT NULL,
    html_body             TEXT,
    created_at            TIMESTAMPTZ    NOT NULL,
    attempts              INT            NOT NULL DEFAULT 0,
    next_attempt_at       TIMESTAMPTZ    NOT NULL,
    sent_at               TIMESTAMPTZ,                  -- the SMTP server accepted it
    abandoned_at          TIMESTAMPTZ,                  -- not sent, and never will be: last_error says why
    last_error            VARCHAR(1000)
);
-- What the relay claims: the due rows, oldest due first.
CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at) WHERE sent_at IS NULL AND abandoned_at IS NULL;
CREATE INDEX mail_outbox_customer ON mail_outbox (customer_id);
