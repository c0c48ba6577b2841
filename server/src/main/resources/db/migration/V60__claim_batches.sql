-- Group commit across deals: the claims of many deals in ONE statement (one round trip, one commit)
-- instead of one per deal. A city of small sales sends one or two claims per deal at a time, so a
-- commit per deal made the city slower than one hot deal (docs/benchmarks.md, findings).
--
-- Each deal goes through claim_batch (V5) unchanged, so every per-deal rule still rests on the deal's
-- row lock and the table constraints. The caller sends the deals sorted by id, so two overlapping
-- batches lock their rows in the same order and cannot deadlock; claims are grouped by deal in the
-- arrays, p_ends[i] being the (1-based, inclusive) index of deal i's last claim. A deal with unknown
-- terms is sent with a NULL merchant and no claims and answers 'TERMS' (or 'MISSING'/'NOT_ACTIVE').
-- Any exception aborts the whole statement, so nothing is half-written; the caller then retries the
-- deals one by one so that one faulty deal cannot fail the others.
CREATE FUNCTION claim_batches(p_deals uuid[], p_merchants uuid[], p_valid_froms timestamptz[],
                              p_valid_untils timestamptz[], p_expires_ats timestamptz[], p_now timestamptz,
                              p_ends integer[], p_ids uuid[], p_users varchar[], p_claimed_at timestamptz[],
                              p_tokens text[], p_kids varchar[])
    RETURNS TABLE (deal_id uuid, status text, user_id varchar, claim_id uuid, claimed_at timestamptz,
                   voucher_token text, voucher_expires_at timestamptz, merchant_id uuid, valid_from timestamptz,
                   valid_until timestamptz, remaining integer)
    LANGUAGE plpgsql AS $$
DECLARE
    i     integer;
    first integer := 1;
BEGIN
    IF cardinality(p_ends) IS DISTINCT FROM cardinality(p_deals) THEN
        RAISE EXCEPTION 'claim_batches: % deals but % ends', cardinality(p_deals), cardinality(p_ends);
    END IF;
    FOR i IN 1 .. coalesce(cardinality(p_deals), 0) LOOP
        IF i > 1 AND p_deals[i] <= p_deals[i - 1] THEN
            RAISE EXCEPTION 'claim_batches: deals must be distinct and sorted';
        END IF;
        RETURN QUERY
            SELECT p_deals[i], b.* FROM claim_batch(
                p_deals[i], p_merchants[i], p_valid_froms[i], p_valid_untils[i], p_expires_ats[i], p_now,
                coalesce(p_ids[first:p_ends[i]], '{}'), coalesce(p_users[first:p_ends[i]], '{}'),
                coalesce(p_claimed_at[first:p_ends[i]], '{}'), coalesce(p_tokens[first:p_ends[i]], '{}'),
                coalesce(p_kids[first:p_ends[i]], '{}')) b;
        first := p_ends[i] + 1;
    END LOOP;
END;
$$;
