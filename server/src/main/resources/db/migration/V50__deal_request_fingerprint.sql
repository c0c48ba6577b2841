-- What the request that first used an Idempotency-Key asked for (hex SHA-256 of its canonical
-- form), so the same key with another body is refused instead of answered with the first deal.
-- Deals created before this column have NULL and are matched by key alone.
ALTER TABLE deals ADD COLUMN request_fingerprint varchar(64);
