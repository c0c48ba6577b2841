package com.hyperlocal.flashsale.claim;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads claims outside the claim lock. */
@Repository
class ClaimQuery {

    private static final String COLUMNS =
            "SELECT id, deal_id, user_id, claimed_at, voucher_token, voucher_expires_at FROM claims ";

    private final JdbcClient jdbc;

    ClaimQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Claim> byId(UUID id) {
        return jdbc.sql(COLUMNS + "WHERE id = :id")
                .param("id", id)
                .query(ClaimQuery::row)
                .optional();
    }

    Optional<Claim> byDealAndUser(UUID dealId, String userId) {
        return jdbc.sql(COLUMNS + "WHERE deal_id = :deal AND user_id = :user")
                .param("deal", dealId)
                .param("user", userId)
                .query(ClaimQuery::row)
                .optional();
    }

    /** One page of a user's claims, newest first; one row more than asked tells whether there is a next page. */
    java.util.List<Claim> byUser(String userId, int offset, int limit) {
        return jdbc.sql(COLUMNS + "WHERE user_id = :user ORDER BY claimed_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .param("user", userId)
                .param("limit", limit)
                .param("offset", offset)
                .query(ClaimQuery::row)
                .list();
    }

    static Claim row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        java.sql.Timestamp expires = rs.getTimestamp("voucher_expires_at");
        return new Claim(
                rs.getObject("id", UUID.class),
                rs.getObject("deal_id", UUID.class),
                rs.getString("user_id"),
                rs.getTimestamp("claimed_at").toInstant(),
                rs.getString("voucher_token"),
                expires != null ? expires.toInstant() : null);
    }
}
