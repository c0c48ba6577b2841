package com.hyperlocal.flashsale.voucher;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Key bookkeeping in PostgreSQL: per kid its public JWK, creation, signing start and retirement,
 * the sealed private JWK for shared keys, and the latest voucher expiry (derived from
 * {@code claims}, so it is exact and costs no extra write per claim).
 */
@Repository
class VoucherKeyStore {

    /** Advisory lock id for key changes, so two instances never rotate at the same time. */
    private static final long ROTATION_LOCK = 0x766f7563686b6579L; // "vouchkey"

    record KeyRecord(
            String kid,
            String publicJwk,
            Instant createdAt,
            Instant signsFrom,
            @Nullable Instant retiredAt,
            byte @Nullable [] sealed) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    VoucherKeyStore(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** Runs {@code change} in a transaction holding the key-rotation lock (waits for another instance's). */
    <T> T underRotationLock(Supplier<T> change) {
        return transactions.execute(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(:id)")
                    .param("id", ROTATION_LOCK)
                    .query((rs, n) -> 1)
                    .list();
            return change.get();
        });
    }

    /** Records a key the first time it is seen; a known kid keeps its original times. */
    KeyRecord register(String kid, String publicJwk, Instant createdAt, Instant signsFrom, byte @Nullable [] sealed) {
        jdbc.sql("""
                        INSERT INTO voucher_keys (kid, public_jwk, created_at, signs_from, sealed_private_jwk)
                        VALUES (:kid, :jwk, :at, :from, :sealed)
                        ON CONFLICT (kid) DO NOTHING
                        """)
                .param("kid", kid)
                .param("jwk", publicJwk)
                .param("at", utc(createdAt))
                .param("from", utc(signsFrom))
                .param("sealed", sealed)
                .update();
        return find(kid).orElseThrow();
    }

    Optional<KeyRecord> find(String kid) {
        return jdbc.sql(SELECT + " WHERE kid = :kid")
                .param("kid", kid)
                .query(VoucherKeyStore::row)
                .optional();
    }

    /** The keys shared through the database (those with a sealed private half), oldest first. */
    List<KeyRecord> shared() {
        return jdbc.sql(SELECT + " WHERE sealed_private_jwk IS NOT NULL ORDER BY signs_from, created_at")
                .query(VoucherKeyStore::row)
                .list();
    }

    void retire(String kid, Instant at) {
        jdbc.sql(
                        "UPDATE voucher_keys SET retired_at = :at WHERE kid = :kid AND (retired_at IS NULL OR retired_at > :at)")
                .param("kid", kid)
                .param("at", utc(at))
                .update();
    }

    void unretire(String kid) {
        jdbc.sql("UPDATE voucher_keys SET retired_at = NULL WHERE kid = :kid")
                .param("kid", kid)
                .update();
    }

    /** The latest {@code exp} of any voucher signed with this key, if it signed any (one index probe). */
    Optional<Instant> maxExpiry(String kid) {
        return jdbc.sql("SELECT max(voucher_expires_at) FROM claims WHERE voucher_kid = :kid")
                .param("kid", kid)
                .query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant))
                .single();
    }

    private static final String SELECT =
            "SELECT kid, public_jwk, created_at, signs_from, retired_at, sealed_private_jwk FROM voucher_keys";

    private static KeyRecord row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new KeyRecord(
                rs.getString(1),
                rs.getString(2),
                rs.getTimestamp(3).toInstant(),
                rs.getTimestamp(4).toInstant(),
                instant(rs.getTimestamp(5)),
                rs.getBytes(6));
    }

    private static @Nullable Instant instant(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static java.time.OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
