-- Merchant webhooks. The signing secret is kept encrypted (AES-GCM, key outside the database), since
-- the server needs it back to sign; it is shown to the merchant once, at registration.
CREATE TABLE webhooks (
    id               uuid          PRIMARY KEY,
    merchant_id      uuid          NOT NULL REFERENCES merchants (id),
    url              varchar(2048) NOT NULL,
    secret_encrypted text          NOT NULL,
    created_at       timestamptz   NOT NULL
);
CREATE INDEX webhooks_merchant_id ON webhooks (merchant_id);

-- One row per (webhook, event): the unique key makes a redelivered event a no-op (idempotent by
-- event id). body is exactly the bytes sent and signed.
CREATE TABLE webhook_deliveries (
    id              uuid         PRIMARY KEY,
    webhook_id      uuid         NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
    event_id        uuid         NOT NULL,
    event_type      varchar(40)  NOT NULL,
    deal_id         uuid,
    body            text         NOT NULL,
    status          varchar(12)  NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'DELIVERED', 'PARKED')),
    attempts        integer      NOT NULL DEFAULT 0,
    next_attempt_at timestamptz  NOT NULL,
    last_attempt_at timestamptz,
    last_status     integer,
    last_error      varchar(300),
    created_at      timestamptz  NOT NULL,
    delivered_at    timestamptz,
    CONSTRAINT webhook_deliveries_once UNIQUE (webhook_id, event_id)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX webhook_deliveries_webhook_created ON webhook_deliveries (webhook_id, created_at DESC);
