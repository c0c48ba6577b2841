-- Domain events leave the database through this outbox: a row is written in the SAME transaction as
-- the change it describes (so a rolled-back change leaves no event), and the relay publishes rows in
-- seq order to the broker and then marks them (so a broker outage only makes rows wait).
--
-- Claims, sold-out, deal and redemption events are written by triggers: the claim batch stays ONE
-- statement and one round trip (claim_batch, V5), and no code path can change those rows without its
-- event. A statement-level trigger writes one 'claims.granted' row per deal per INSERT (one per claim
-- batch), listing every claim the batch granted.
--
-- Ordering per deal: every writer of a deal's events holds that deal's row lock (claim_batch locks it,
-- deal insert/update hold it) when the row takes its seq, so a deal's seq order is its commit order.
CREATE TABLE outbox_events (
    seq          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id     uuid        NOT NULL DEFAULT gen_random_uuid() UNIQUE,
    event_type   varchar(40) NOT NULL,
    deal_id      uuid,
    merchant_id  uuid,
    payload      jsonb       NOT NULL,
    occurred_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
    published_at timestamptz
);
CREATE INDEX outbox_events_unpublished ON outbox_events (seq) WHERE published_at IS NULL;
CREATE INDEX outbox_events_published_at ON outbox_events (published_at) WHERE published_at IS NOT NULL;

CREATE FUNCTION outbox_claims_granted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- Runs inside claim_batch's INSERT, before its decrement: remaining after = remaining now - granted.
    INSERT INTO outbox_events (event_type, deal_id, merchant_id, payload)
    SELECT 'claims.granted', d.id, d.merchant_id,
           jsonb_build_object('dealId', d.id, 'count', g.n, 'remaining', d.remaining_inventory - g.n,
                              'claims', g.claims)
    FROM (SELECT n.deal_id, count(*) AS n,
                 jsonb_agg(jsonb_build_object('claimId', n.id, 'claimedAt', n.claimed_at) ORDER BY n.claimed_at, n.id)
                     AS claims
          FROM new_claims n GROUP BY n.deal_id) g
    JOIN deals d ON d.id = g.deal_id
    ORDER BY d.id;
    RETURN NULL;
END;
$$;
CREATE TRIGGER claims_outbox AFTER INSERT ON claims REFERENCING NEW TABLE AS new_claims
    FOR EACH STATEMENT EXECUTE FUNCTION outbox_claims_granted();

CREATE FUNCTION outbox_deal_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO outbox_events (event_type, deal_id, merchant_id, payload)
        VALUES ('deal.created', NEW.id, NEW.merchant_id,
                jsonb_build_object('dealId', NEW.id, 'title', NEW.title, 'totalInventory', NEW.total_inventory,
                                   'validFrom', NEW.valid_from, 'validUntil', NEW.valid_until,
                                   'latitude', NEW.latitude, 'longitude', NEW.longitude));
        RETURN NULL;
    END IF;
    IF NEW.closed_at IS NOT NULL AND OLD.closed_at IS NULL THEN
        INSERT INTO outbox_events (event_type, deal_id, merchant_id, payload)
        VALUES ('deal.closed', NEW.id, NEW.merchant_id,
                jsonb_build_object('dealId', NEW.id, 'closedAt', NEW.closed_at, 'remaining', NEW.remaining_inventory));
    END IF;
    IF NEW.remaining_inventory = 0 AND OLD.remaining_inventory > 0 THEN
        INSERT INTO outbox_events (event_type, deal_id, merchant_id, payload)
        VALUES ('deal.sold_out', NEW.id, NEW.merchant_id,
                jsonb_build_object('dealId', NEW.id, 'totalInventory', NEW.total_inventory));
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER deals_outbox_insert AFTER INSERT ON deals FOR EACH ROW EXECUTE FUNCTION outbox_deal_changed();
CREATE TRIGGER deals_outbox_update AFTER UPDATE OF closed_at, remaining_inventory ON deals
    FOR EACH ROW EXECUTE FUNCTION outbox_deal_changed();

CREATE FUNCTION outbox_redemption() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.status = 'ACCEPTED' AND NEW.outcome = 'REDEEMED' THEN
        INSERT INTO outbox_events (event_type, deal_id, merchant_id, payload)
        VALUES ('redemption.recorded', NEW.deal_id, NEW.merchant_id,
                jsonb_build_object('redemptionId', NEW.id, 'dealId', NEW.deal_id, 'claimId', NEW.claim_id,
                                   'deviceId', NEW.device_id, 'scannedAt', NEW.scanned_at));
    ELSIF NEW.status = 'CONFLICT' THEN
        INSERT INTO outbox_events (event_type, deal_id, merchant_id, payload)
        VALUES ('redemption.conflict', NEW.deal_id, NEW.merchant_id,
                jsonb_build_object('redemptionId', NEW.id, 'dealId', NEW.deal_id, 'claimId', NEW.claim_id,
                                   'deviceId', NEW.device_id, 'scannedAt', NEW.scanned_at,
                                   'firstRedemptionId', NEW.conflicts_with));
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER redemptions_outbox AFTER INSERT ON redemptions FOR EACH ROW EXECUTE FUNCTION outbox_redemption();
