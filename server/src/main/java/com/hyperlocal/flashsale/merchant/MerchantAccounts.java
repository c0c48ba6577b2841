package com.hyperlocal.flashsale.merchant;

import com.hyperlocal.flashsale.web.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Merchants and their API keys. Keys are returned in clear only by the call that creates them. */
@Repository
class MerchantAccounts {

    private final JdbcClient jdbc;
    private final Clock clock;

    MerchantAccounts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record CreatedMerchant(UUID id, String name, UUID keyId, String apiKey) {
        @Override
        public String toString() {
            return "CreatedMerchant[id=" + id + ", name=" + name + ", keyId=" + keyId + "]";
        }
    }

    record CreatedKey(UUID keyId, String apiKey) {
        @Override
        public String toString() {
            return "CreatedKey[keyId=" + keyId + "]";
        }
    }

    record KeyInfo(
            UUID keyId,
            String prefix,
            Instant createdAt,
            @Nullable Instant revokedAt) {}

    record MerchantInfo(UUID id, String name, Instant createdAt, List<KeyInfo> keys) {}

    @Transactional
    CreatedMerchant create(String name) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO merchants (id, name, created_at) VALUES (:id, :name, :at)")
                .param("id", id)
                .param("name", name.strip())
                .param("at", now())
                .update();
        CreatedKey key = addKey(id);
        return new CreatedMerchant(id, name.strip(), key.keyId(), key.apiKey());
    }

    @Transactional
    CreatedKey addKey(UUID merchantId) {
        requireMerchant(merchantId);
        ApiKeys.NewKey key = ApiKeys.generate();
        UUID keyId = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO merchant_api_keys (id, merchant_id, key_hash, key_prefix, created_at)
                        VALUES (:id, :merchant, :hash, :prefix, :at)""")
                .param("id", keyId)
                .param("merchant", merchantId)
                .param("hash", key.hash())
                .param("prefix", key.prefix())
                .param("at", now())
                .update();
        return new CreatedKey(keyId, key.key());
    }

    @Transactional
    void revokeKey(UUID merchantId, UUID keyId) {
        int changed = jdbc.sql("""
                        UPDATE merchant_api_keys SET revoked_at = coalesce(revoked_at, :at)
                        WHERE id = :id AND merchant_id = :merchant""")
                .param("at", now())
                .param("id", keyId)
                .param("merchant", merchantId)
                .update();
        if (changed == 0) {
            throw new NotFoundException("API key", keyId);
        }
    }

    /** The merchant owning an unrevoked key with this hash. */
    Optional<AuthenticatedMerchant> byKeyHash(String hash) {
        return jdbc.sql("""
                        SELECT m.id, m.name FROM merchant_api_keys k JOIN merchants m ON m.id = k.merchant_id
                        WHERE k.key_hash = :hash AND k.revoked_at IS NULL""")
                .param("hash", hash)
                .query((rs, n) -> new AuthenticatedMerchant(rs.getObject(1, UUID.class), rs.getString(2)))
                .optional();
    }

    List<MerchantInfo> list() {
        return jdbc.sql("SELECT id, name, created_at FROM merchants ORDER BY created_at, id")
                .query((rs, n) -> new MerchantInfo(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getTimestamp(3).toInstant(),
                        keysOf(rs.getObject(1, UUID.class))))
                .list();
    }

    boolean exists(UUID merchantId) {
        return jdbc.sql("SELECT count(*) FROM merchants WHERE id = :id")
                        .param("id", merchantId)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    private List<KeyInfo> keysOf(UUID merchantId) {
        return jdbc.sql("""
                        SELECT id, key_prefix, created_at, revoked_at FROM merchant_api_keys
                        WHERE merchant_id = :m ORDER BY created_at, id""")
                .param("m", merchantId)
                .query((rs, n) -> new KeyInfo(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()))
                .list();
    }

    private void requireMerchant(UUID merchantId) {
        if (!exists(merchantId)) {
            throw new NotFoundException("Merchant", merchantId);
        }
    }

    private java.time.OffsetDateTime now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }
}
