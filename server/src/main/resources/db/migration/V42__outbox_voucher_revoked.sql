-- 'voucher.revoked' is written by a trigger like the other events: a revocation row and its event
-- commit together, one event per voucher, also when closing a deal voids its vouchers in one statement.
-- A voucher's event follows its claim's: the claim must exist (foreign key) before it can be revoked.
CREATE FUNCTION outbox_voucher_revoked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO outbox_events (event_type, deal_id, merchant_id, payload)
    VALUES ('voucher.revoked', NEW.deal_id, NEW.merchant_id,
            jsonb_build_object('claimId', NEW.claim_id, 'dealId', NEW.deal_id,
                               'reason', COALESCE(NEW.reason, ''), 'revokedAt', NEW.revoked_at));
    RETURN NULL;
END $$;

CREATE TRIGGER revocations_outbox AFTER INSERT ON revocations FOR EACH ROW EXECUTE FUNCTION outbox_voucher_revoked();
