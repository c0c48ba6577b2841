-- Signed vouchers. Each claim keeps the exact token it was issued (signed in the claim's own
-- transaction), so fetching the claim again always returns the same voucher.
--
-- The voucher columns stay nullable: claims written before V2 (development data folders) have
-- no voucher and cannot get one retroactively without re-signing. New claims always fill all
-- three, which the CHECK enforces as all-or-nothing.
ALTER TABLE claims
    ADD COLUMN voucher_token      text,
    ADD COLUMN voucher_kid        varchar(64),
    ADD COLUMN voucher_expires_at timestamptz,
    ADD CONSTRAINT claims_voucher_all_or_nothing CHECK (
        (voucher_token IS NULL) = (voucher_kid IS NULL)
        AND (voucher_kid IS NULL) = (voucher_expires_at IS NULL));

-- "Latest expiry of any voucher signed with key K" is one backward index probe per key: this is
-- what keeps a retired key in the published JWKS (no counter row to update on the hot path).
CREATE INDEX claims_voucher_kid_expiry ON claims (voucher_kid, voucher_expires_at);

-- Bookkeeping of signing keys (public halves only; private keys never enter the database).
-- created_at drives automatic rotation; retired_at is when the key stopped signing new vouchers.
CREATE TABLE voucher_keys (
    kid        varchar(64) PRIMARY KEY,
    public_jwk text        NOT NULL,
    created_at timestamptz NOT NULL,
    retired_at timestamptz
);
