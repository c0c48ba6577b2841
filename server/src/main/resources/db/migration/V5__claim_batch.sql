-- One group-commit batch of claims in ONE statement (one network round trip and one commit) instead of
-- five. Under a stampede the critical section is bounded by round trips, not by work: measured on the
-- benchmark machine, a 41-claim batch took 16 ms as five statements while the lock waited.
--
-- The rules are the same as before and still rest on the table constraints: the deal row is locked,
-- each user gets at most one claim (UNIQUE (deal_id, user_id); a conflict aborts the whole batch),
-- grants never exceed what is left (conditional decrement; CHECK remaining >= 0).
--
-- Vouchers are signed by the caller before the call, for the deal terms it believes (merchant,
-- valid_from, valid_until). If the locked row says otherwise nothing is written and a 'TERMS' row
-- returns the real terms, so the caller signs again. Rows returned:
--   'MISSING'                                      the deal does not exist
--   'NOT_ACTIVE' / 'TERMS'                         nothing written; the deal's terms
--   'GRANTED' / 'HELD' per user with a claim       HELD carries the claim the user already had
--   'DEAL'                                         always last on success: remaining after the batch
-- A user with no row was refused as sold out.
CREATE FUNCTION claim_batch(p_deal uuid, p_merchant uuid, p_valid_from timestamptz, p_valid_until timestamptz,
                            p_expires_at timestamptz, p_now timestamptz, p_ids uuid[], p_users varchar[],
                            p_claimed_at timestamptz[], p_tokens text[], p_kids varchar[])
    RETURNS TABLE (status text, user_id varchar, claim_id uuid, claimed_at timestamptz, voucher_token text,
                   voucher_expires_at timestamptz, merchant_id uuid, valid_from timestamptz,
                   valid_until timestamptz, remaining integer)
    LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
    d        record;
    wanted   integer;
    inserted uuid[];
    granted  integer;
BEGIN
    SELECT x.merchant_id, x.remaining_inventory, x.valid_from, x.valid_until INTO d
    FROM deals x WHERE x.id = p_deal FOR UPDATE;
    IF NOT FOUND THEN
        RETURN QUERY SELECT 'MISSING'::text, NULL::varchar, NULL::uuid, NULL::timestamptz, NULL::text,
                            NULL::timestamptz, NULL::uuid, NULL::timestamptz, NULL::timestamptz, NULL::integer;
        RETURN;
    END IF;
    IF p_now < d.valid_from OR p_now >= d.valid_until
            OR p_merchant IS DISTINCT FROM d.merchant_id OR p_valid_from IS DISTINCT FROM d.valid_from
            OR p_valid_until IS DISTINCT FROM d.valid_until THEN
        RETURN QUERY SELECT CASE WHEN p_now < d.valid_from OR p_now >= d.valid_until THEN 'NOT_ACTIVE' ELSE 'TERMS' END,
                            NULL::varchar, NULL::uuid, NULL::timestamptz, NULL::text, NULL::timestamptz,
                            d.merchant_id, d.valid_from, d.valid_until, d.remaining_inventory;
        RETURN;
    END IF;

    -- First request of each user, in arrival order; those without a claim yet, up to what is left.
    WITH req AS (
        SELECT r.id, r.user_id, r.claimed_at, r.token, r.kid, r.ord
        FROM unnest(p_ids, p_users, p_claimed_at, p_tokens, p_kids) WITH ORDINALITY
             AS r(id, user_id, claimed_at, token, kid, ord)
    ), firsts AS (
        SELECT DISTINCT ON (req.user_id) req.* FROM req ORDER BY req.user_id, req.ord
    ), fresh AS MATERIALIZED (
        SELECT f.* FROM firsts f
        WHERE NOT EXISTS (SELECT 1 FROM claims c WHERE c.deal_id = p_deal AND c.user_id = f.user_id)
        ORDER BY f.ord
        LIMIT d.remaining_inventory
    ), ins AS (
        INSERT INTO claims (id, deal_id, user_id, claimed_at, voucher_token, voucher_kid, voucher_expires_at)
        SELECT fresh.id, p_deal, fresh.user_id, fresh.claimed_at, fresh.token, fresh.kid, p_expires_at FROM fresh
        ON CONFLICT ON CONSTRAINT claims_one_per_user DO NOTHING
        RETURNING claims.id
    )
    SELECT (SELECT count(*) FROM fresh), (SELECT array_agg(ins.id) FROM ins) INTO wanted, inserted;
    granted := coalesce(cardinality(inserted), 0);
    IF granted <> wanted THEN
        -- Only possible if another writer bypassed the row lock; abort the whole batch.
        RAISE EXCEPTION 'concurrent claim detected for deal %', p_deal;
    END IF;
    IF granted > 0 THEN
        UPDATE deals SET remaining_inventory = remaining_inventory - granted, updated_at = now()
        WHERE id = p_deal AND remaining_inventory >= granted;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'inventory of deal % changed under the row lock', p_deal;
        END IF;
    END IF;

    RETURN QUERY
        SELECT CASE WHEN c.id = ANY(inserted) THEN 'GRANTED' ELSE 'HELD' END, c.user_id, c.id, c.claimed_at,
               CASE WHEN c.id = ANY(inserted) THEN NULL ELSE c.voucher_token END, c.voucher_expires_at,
               NULL::uuid, NULL::timestamptz, NULL::timestamptz, NULL::integer
        FROM claims c WHERE c.deal_id = p_deal AND c.user_id = ANY(p_users);
    RETURN QUERY SELECT 'DEAL'::text, NULL::varchar, NULL::uuid, NULL::timestamptz, NULL::text, NULL::timestamptz,
                        d.merchant_id, d.valid_from, d.valid_until, d.remaining_inventory - granted;
END;
$$;
