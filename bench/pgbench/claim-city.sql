-- The city ceiling: one claim per transaction on a random deal of the city's (bench_city maps
-- 1..CITY_DEALS to their ids), otherwise the same statements as claim.sql — what PostgreSQL commits
-- when claims are spread over many rows and nobody batches them.
-- Run: pgbench -n -M prepared -f bench/pgbench/claim-city.sql -D deals=1000 -c N -j 2 -T 15
\set d random(1, :deals)
\set u random(1, 9000000000000000000)
SELECT id AS deal FROM bench_city WHERE n = :d \gset
BEGIN;
SELECT merchant_id, remaining_inventory, valid_from, valid_until FROM deals WHERE id = :deal FOR UPDATE;
SELECT id FROM claims WHERE deal_id = :deal AND user_id = ANY(ARRAY['pgc-' || :client_id::text || '-' || :u::text]);
INSERT INTO claims (id, deal_id, user_id, claimed_at, voucher_token, voucher_kid, voucher_expires_at)
VALUES (gen_random_uuid(), :deal, 'pgc-' || :client_id::text || '-' || :u::text, now(),
        repeat('x', 480), 'pgbench', now() + interval '1 day')
ON CONFLICT (deal_id, user_id) DO NOTHING;
UPDATE deals SET remaining_inventory = remaining_inventory - 1, updated_at = now()
WHERE id = :deal AND remaining_inventory >= 1;
COMMIT;
