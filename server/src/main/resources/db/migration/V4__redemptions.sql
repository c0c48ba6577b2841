-- Redemptions uploaded by offline verifier devices. Idempotent by the device's client id; at most
-- one ACCEPTED redemption per voucher (claim), enforced here; a second device's redemption of the
-- same voucher is kept as CONFLICT, never dropped. REFUSED scans are kept as LOGGED.

CREATE TABLE redemptions (
    id             uuid        PRIMARY KEY,
    merchant_id    uuid        NOT NULL REFERENCES merchants (id),
    client_id      uuid        NOT NULL,
    device_id      varchar(64) NOT NULL,
    claim_id       uuid        REFERENCES claims (id),
    deal_id        uuid,
    user_id        varchar(64),
    token          text        NOT NULL CHECK (length(token) <= 4096),
    outcome        varchar(16) NOT NULL CHECK (outcome IN ('REDEEMED', 'REFUSED')),
    refusal_reason varchar(64),
    status         varchar(16) NOT NULL CHECK (status IN ('ACCEPTED', 'CONFLICT', 'LOGGED')),
    conflicts_with uuid        REFERENCES redemptions (id),
    scanned_at     timestamptz NOT NULL,
    received_at    timestamptz NOT NULL,
    CONSTRAINT redemptions_client_id_once UNIQUE (merchant_id, client_id),
    CONSTRAINT redemptions_redeemed_has_claim CHECK (outcome = 'REFUSED' OR claim_id IS NOT NULL),
    CONSTRAINT redemptions_conflict_names_first CHECK ((status = 'CONFLICT') = (conflicts_with IS NOT NULL))
);

CREATE UNIQUE INDEX redemptions_one_accepted_per_voucher ON redemptions (claim_id) WHERE status = 'ACCEPTED';
CREATE INDEX redemptions_merchant_received ON redemptions (merchant_id, received_at DESC);
