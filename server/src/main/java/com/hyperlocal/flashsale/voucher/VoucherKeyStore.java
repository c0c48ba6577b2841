package com.hyperlocal.flashsale.voucher;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Key bookkeeping in PostgreSQL: creation and retirement times per kid, and the latest voucher
 * expiry per kid (derived from {@code claims}, so it is exact and costs no extra write per claim).
 * Only public JWKs are stored here.
 */
@Repository
class VoucherKeyStore {

    record KeyRecord(Instant createdAt, Instant retiredAt) {
    }

    private final JdbcClient jdbc;

    VoucherKeyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a key the first time it is seen; a known kid keeps its original times. */
    KeyRecord register(String kid, String publicJwk, Instant createdAt) {
        jdbc.sql("""
                        INSERT INTO voucher_keys (kid, public_jwk, created_at) VALUES (:kid, :jwk, :at)
                        ON CONFLICT (kid) DO NOTHING
                        """)
                .param("kid", kid).param("jwk", publicJwk).param("at", createdAt.atOffset(ZoneOffset.UTC))
                .update();
        return jdbc.sql("SELECT created_at, retired_at FROM voucher_keys WHERE kid = :kid")
                .param("kid", kid)
                .query((rs, n) -> new KeyRecord(rs.getTimestamp(1).toInstant(),
                        rs.getTimestamp(2) != null ? rs.getTimestamp(2).toInstant() : null))
                .single();
    }

    void retire(String kid, Instant at) {
        jdbc.sql("UPDATE voucher_keys SET retired_at = :at WHERE kid = :kid AND retired_at IS NULL")
                .param("kid", kid).param("at", at.atOffset(ZoneOffset.UTC)).update();
    }

    void unretire(String kid) {
        jdbc.sql("UPDATE voucher_keys SET retired_at = NULL WHERE kid = :kid").param("kid", kid).update();
    }

    /** The latest {@code exp} of any voucher signed with this key, if it signed any. */
    Optional<Instant> maxExpiry(String kid) {
        return jdbc.sql("SELECT max(voucher_expires_at) FROM claims WHERE voucher_kid = :kid")
                .param("kid", kid)
                .query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1)).map(java.sql.Timestamp::toInstant))
                .single();
    }
}
