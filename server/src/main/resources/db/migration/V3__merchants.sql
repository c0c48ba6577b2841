-- Merchant accounts with API keys (stored as SHA-256 of a 256-bit random key; shown once).
-- V2 is the voucher migration.

CREATE TABLE merchants (
    id         uuid         PRIMARY KEY,
    name       varchar(120) NOT NULL CHECK (length(btrim(name)) > 0),
    created_at timestamptz  NOT NULL
);

CREATE TABLE merchant_api_keys (
    id          uuid        PRIMARY KEY,
    merchant_id uuid        NOT NULL REFERENCES merchants (id),
    key_hash    char(64)    NOT NULL UNIQUE,
    key_prefix  varchar(16) NOT NULL,
    created_at  timestamptz NOT NULL,
    revoked_at  timestamptz
);
CREATE INDEX merchant_api_keys_merchant_id ON merchant_api_keys (merchant_id);

-- Deals made before accounts existed keep an owner.
INSERT INTO merchants (id, name, created_at)
SELECT DISTINCT merchant_id, 'Merchant ' || left(merchant_id::text, 8), now() FROM deals
ON CONFLICT DO NOTHING;
ALTER TABLE deals ADD CONSTRAINT deals_merchant_fk FOREIGN KEY (merchant_id) REFERENCES merchants (id);

-- Idempotent creation (bulk import retries) and early close.
ALTER TABLE deals ADD COLUMN idempotency_key varchar(100);
ALTER TABLE deals ADD COLUMN closed_at timestamptz;
CREATE UNIQUE INDEX deals_merchant_idempotency_key ON deals (merchant_id, idempotency_key)
    WHERE idempotency_key IS NOT NULL;
