-- One claim per transaction on ONE deal row: ClaimWriter.write's statements for a batch of one,
-- minus the ES256 signing (a fixed token of a real token's length stands in for it).
-- Run: pgbench -n -M prepared -f bench/pgbench/claim.sql -D deal=<uuid> -c N -j 2 -T 15
-- A random 63-bit user number keeps users distinct (a collision is ~1e-9 per run; the invariant
-- check after the run would catch it).
\set u random(1, 9000000000000000000)
BEGIN;
SELECT merchant_id, remaining_inventory, valid_from, valid_until FROM deals WHERE id = :deal FOR UPDATE;
SELECT id FROM claims WHERE deal_id = :deal AND user_id = ANY(ARRAY['pgb-' || :client_id::text || '-' || :u::text]);
INSERT INTO claims (id, deal_id, user_id, claimed_at, voucher_token, voucher_kid, voucher_expires_at)
VALUES (gen_random_uuid(), :deal, 'pgb-' || :client_id::text || '-' || :u::text, now(),
        repeat('x', 480), 'pgbench', now() + interval '1 day')
ON CONFLICT (deal_id, user_id) DO NOTHING;
UPDATE deals SET remaining_inventory = remaining_inventory - 1, updated_at = now()
WHERE id = :deal AND remaining_inventory >= 1;
COMMIT;
