package com.hyperlocal.flashsale.verifier.record;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The merchant's deals as of the last sync, for titles and "closed and voided" offline. */
public final class DealCatalog {

    private static final String SELECT =
            "SELECT deal_id, title, valid_from, valid_until, status, closed_at, " + "vouchers_voided FROM deals ";

    private final Sql sql;

    DealCatalog(Sql sql) {
        this.sql = sql;
    }

    /** Replaces the catalogue with the server's full list (a deal the server no longer lists is kept). */
    public void store(List<DealInfo> deals) {
        sql.inTransaction(() -> {
            for (DealInfo d : deals) {
                sql.update(
                        "INSERT OR REPLACE INTO deals (deal_id, title, valid_from, valid_until, status, "
                                + "closed_at, vouchers_voided) VALUES (?,?,?,?,?,?,?)",
                        d.id(),
                        d.title(),
                        d.validFrom(),
                        d.validUntil(),
                        d.status(),
                        d.closedAt(),
                        d.vouchersVoided() ? 1 : 0);
            }
        });
    }

    public Optional<DealInfo> find(UUID dealId) {
        return sql.first(SELECT + "WHERE deal_id = ?", Rows::deal, dealId);
    }

    public int count() {
        return sql.first("SELECT count(*) FROM deals", rs -> rs.getInt(1)).orElse(0);
    }

    public List<DealInfo> all() {
        return sql.query(SELECT + "ORDER BY title", Rows::deal);
    }
}
