-- GET /api/v1/me/claims: a shopper's vouchers, newest first, without scanning every claim.
CREATE INDEX claims_by_user ON claims (user_id, claimed_at DESC, id DESC);
