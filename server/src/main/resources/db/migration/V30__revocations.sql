-- Vouchers a merchant cancelled (refund, fraud, a deal closed with its vouchers voided). Tills
-- fetch them incrementally by seq, so a merchant's seqs must become visible in order: every
-- writer first locks the merchant's row (FOR NO KEY UPDATE, which foreign-key checks do not
-- wait for), so a merchant's revocations commit one after another in seq order.
CREATE TABLE revocations (
    seq         bigserial    PRIMARY KEY,
    claim_id    uuid         NOT NULL REFERENCES claims (id),
    deal_id     uuid         NOT NULL REFERENCES deals (id),
    merchant_id uuid         NOT NULL REFERENCES merchants (id),
    reason      varchar(200),
    revoked_at  timestamptz  NOT NULL,
    CONSTRAINT revocations_once_per_voucher UNIQUE (claim_id)
);
CREATE INDEX revocations_merchant_seq ON revocations (merchant_id, seq);

-- A redemption uploaded after its voucher was revoked is kept as a CONFLICT naming the
-- revocation (a CONFLICT now names the first redemption, the revocation, or both).
ALTER TABLE redemptions ADD COLUMN revoked_claim_id uuid REFERENCES revocations (claim_id);
ALTER TABLE redemptions DROP CONSTRAINT redemptions_conflict_names_first;
ALTER TABLE redemptions ADD CONSTRAINT redemptions_conflict_names_cause
    CHECK ((status = 'CONFLICT') = (conflicts_with IS NOT NULL OR revoked_claim_id IS NOT NULL));
