package com.hyperlocal.flashsale.verifier.record;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Revoked vouchers, added to incrementally by each sync; a voucher on it is refused offline. */
public final class RevocationList {

    private final Sql sql;

    RevocationList(Sql sql) {
        this.sql = sql;
    }

    /** Adds revocations; one already known is kept as it was (revocations are never undone). */
    public void add(List<Revocation> revocations) {
        sql.inTransaction(() -> {
            for (Revocation r : revocations) {
                sql.update(
                        "INSERT OR IGNORE INTO revocations (claim_id, deal_id, revoked_at, reason) "
                                + "VALUES (?,?,?,?)",
                        r.claimId(),
                        r.dealId(),
                        r.revokedAt(),
                        r.reason());
            }
        });
    }

    public Optional<Revocation> find(UUID claimId) {
        return sql.first(
                "SELECT claim_id, deal_id, revoked_at, reason FROM revocations WHERE claim_id = ?",
                Rows::revocation,
                claimId);
    }

    public int count() {
        return sql.first("SELECT count(*) FROM revocations", rs -> rs.getInt(1)).orElse(0);
    }
}
