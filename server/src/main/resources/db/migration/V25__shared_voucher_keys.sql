-- Voucher keys shared by every instance (flashsale.vouchers.key-encryption-key set): the private JWK
-- lives here sealed with AES-256-GCM (12-byte nonce || ciphertext+tag, the kid as associated data)
-- under a key that only the servers' environment holds. Keys from a keys file or a key folder keep
-- sealed_private_jwk NULL: their private halves never enter the database.
--
-- signs_from: a new key is published at created_at and signs only from signs_from on (the
-- pre-publication window), so every till that refreshed inside the window knows it before it is used.
ALTER TABLE voucher_keys
    ADD COLUMN signs_from         timestamptz,
    ADD COLUMN sealed_private_jwk bytea;
UPDATE voucher_keys SET signs_from = created_at;
ALTER TABLE voucher_keys ALTER COLUMN signs_from SET NOT NULL;
