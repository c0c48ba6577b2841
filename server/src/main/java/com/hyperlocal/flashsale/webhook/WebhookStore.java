package com.hyperlocal.flashsale.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for webhooks (V41). The unique (webhook, event) key, not this code, makes deliveries idempotent. */
@Repository
class WebhookStore {

    private static final String DELIVERY_COLUMNS = """
            d.id, d.webhook_id, d.event_id, d.event_type, d.deal_id, d.status, d.attempts, d.next_attempt_at,
            d.last_attempt_at, d.last_status, d.last_error, d.created_at, d.delivered_at""";

    private final JdbcClient jdbc;

    WebhookStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Webhook(UUID id, UUID merchantId, String url, String secretEncrypted, Instant createdAt) {}

    /** What a dispatcher needs for one attempt. */
    record Due(
            UUID id,
            UUID eventId,
            String eventType,
            String body,
            int attempts,
            Instant createdAt,
            String url,
            String secretEncrypted) {}

    void insert(Webhook w) {
        jdbc.sql("""
                        INSERT INTO webhooks (id, merchant_id, url, secret_encrypted, created_at)
                        VALUES (:id, :m, :url, :secret, :at)""")
                .param("id", w.id())
                .param("m", w.merchantId())
                .param("url", w.url())
                .param("secret", w.secretEncrypted())
                .param("at", utc(w.createdAt()))
                .update();
    }

    /** Serialises registrations of one merchant, so the per-merchant limit holds under concurrency. */
    int countForUpdate(UUID merchantId) {
        jdbc.sql("SELECT id FROM merchants WHERE id = :m FOR UPDATE")
                .param("m", merchantId)
                .query(UUID.class)
                .list();
        return jdbc.sql("SELECT count(*) FROM webhooks WHERE merchant_id = :m")
                .param("m", merchantId)
                .query(Integer.class)
                .single();
    }

    List<Webhook> list(UUID merchantId) {
        return jdbc.sql(
                        "SELECT id, merchant_id, url, secret_encrypted, created_at FROM webhooks WHERE merchant_id = :m "
                                + "ORDER BY created_at, id")
                .param("m", merchantId)
                .query(WebhookStore::webhook)
                .list();
    }

    Optional<Webhook> find(UUID merchantId, UUID id) {
        return jdbc.sql("SELECT id, merchant_id, url, secret_encrypted, created_at FROM webhooks "
                        + "WHERE merchant_id = :m AND id = :id")
                .param("m", merchantId)
                .param("id", id)
                .query(WebhookStore::webhook)
                .optional();
    }

    boolean delete(UUID merchantId, UUID id) {
        return jdbc.sql("DELETE FROM webhooks WHERE merchant_id = :m AND id = :id")
                        .param("m", merchantId)
                        .param("id", id)
                        .update()
                == 1;
    }

    /** One delivery per webhook of the merchant; an event seen before adds nothing. Returns rows added. */
    int enqueue(UUID merchantId, UUID eventId, String eventType, @Nullable UUID dealId, String body, Instant now) {
        return jdbc.sql("""
                        INSERT INTO webhook_deliveries (id, webhook_id, event_id, event_type, deal_id, body,
                                                        next_attempt_at, created_at)
                        SELECT gen_random_uuid(), w.id, :event, :type, :deal, :body, :now, :now
                        FROM webhooks w WHERE w.merchant_id = :m
                        ON CONFLICT ON CONSTRAINT webhook_deliveries_once DO NOTHING""")
                .param("m", merchantId)
                .param("event", eventId)
                .param("type", eventType)
                .param("deal", dealId)
                .param("body", body)
                .param("now", utc(now))
                .update();
    }

    UUID enqueueOne(UUID webhookId, UUID eventId, String eventType, String body, Instant now) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO webhook_deliveries (id, webhook_id, event_id, event_type, body, next_attempt_at,
                                                        created_at, attempts)
                        VALUES (:id, :w, :event, :type, :body, :lease, :now, 0)""")
                .param("id", id)
                .param("w", webhookId)
                .param("event", eventId)
                .param("type", eventType)
                .param("body", body)
                .param("now", utc(now))
                .param("lease", utc(now.plusSeconds(3600)))
                .update();
        return id;
    }

    /**
     * Takes up to {@code limit} due deliveries and leases them until {@code leaseUntil}, so no other
     * dispatcher takes them meanwhile (and a crashed one's lease simply runs out).
     */
    List<Due> takeDue(Instant now, Instant leaseUntil, int limit) {
        return jdbc.sql("""
                        WITH due AS (
                            SELECT id FROM webhook_deliveries
                            WHERE status = 'PENDING' AND next_attempt_at <= :now
                            ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                        UPDATE webhook_deliveries d SET next_attempt_at = :lease
                        FROM due, webhooks w WHERE d.id = due.id AND w.id = d.webhook_id
                        RETURNING d.id, d.event_id, d.event_type, d.body, d.attempts, d.created_at, w.url,
                                  w.secret_encrypted""")
                .param("now", utc(now))
                .param("lease", utc(leaseUntil))
                .param("limit", limit)
                .query((rs, n) -> new Due(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getInt(5),
                        present(rs, 6),
                        rs.getString(7),
                        rs.getString(8)))
                .list();
    }

    Optional<Due> byId(UUID deliveryId) {
        return jdbc.sql("""
                        SELECT d.id, d.event_id, d.event_type, d.body, d.attempts, d.created_at, w.url, w.secret_encrypted
                        FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id WHERE d.id = :id""")
                .param("id", deliveryId)
                .query((rs, n) -> new Due(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getInt(5),
                        present(rs, 6),
                        rs.getString(7),
                        rs.getString(8)))
                .optional();
    }

    /** Records one attempt: DELIVERED, PENDING again at {@code nextAttempt}, or PARKED. */
    void recordAttempt(
            UUID id,
            String status,
            Instant at,
            Instant nextAttempt,
            @Nullable Integer httpStatus,
            @Nullable String error) {
        jdbc.sql("""
                        UPDATE webhook_deliveries SET status = :status, attempts = attempts + 1, last_attempt_at = :at,
                            next_attempt_at = :next, last_status = :http, last_error = :error,
                            delivered_at = CASE WHEN :status = 'DELIVERED' THEN CAST(:at AS timestamptz) END
                        WHERE id = :id""")
                .param("id", id)
                .param("status", status)
                .param("at", utc(at))
                .param("next", utc(nextAttempt))
                .param("http", httpStatus)
                .param("error", error == null ? null : truncate(error, 300))
                .update();
    }

    List<WebhookDeliveryView> deliveries(
            UUID merchantId, @Nullable String status, @Nullable UUID webhookId, int limit) {
        return jdbc.sql("SELECT " + DELIVERY_COLUMNS + """
                         FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id
                        WHERE w.merchant_id = :m AND (CAST(:status AS varchar) IS NULL OR d.status = :status)
                          AND (CAST(:w AS uuid) IS NULL OR d.webhook_id = :w)
                        ORDER BY d.created_at DESC, d.id LIMIT :limit""")
                .param("m", merchantId)
                .param("status", status)
                .param("w", webhookId)
                .param("limit", limit)
                .query(WebhookStore::delivery)
                .list();
    }

    Optional<WebhookDeliveryView> delivery(UUID id) {
        return jdbc.sql("SELECT " + DELIVERY_COLUMNS + " FROM webhook_deliveries d WHERE d.id = :id")
                .param("id", id)
                .query(WebhookStore::delivery)
                .optional();
    }

    private static WebhookDeliveryView delivery(ResultSet rs, int n) throws SQLException {
        int http = rs.getInt(10);
        Integer lastStatus = rs.wasNull() ? null : http;
        return new WebhookDeliveryView(
                rs.getObject(1, UUID.class),
                rs.getObject(2, UUID.class),
                rs.getObject(3, UUID.class),
                rs.getString(4),
                rs.getObject(5, UUID.class),
                rs.getString(6),
                rs.getInt(7),
                present(rs, 8),
                instant(rs, 9),
                lastStatus,
                rs.getString(11),
                present(rs, 12),
                instant(rs, 13));
    }

    private static Webhook webhook(ResultSet rs, int n) throws SQLException {
        return new Webhook(
                rs.getObject(1, UUID.class),
                rs.getObject(2, UUID.class),
                rs.getString(3),
                rs.getString(4),
                present(rs, 5));
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    private static Instant present(ResultSet rs, int column) throws SQLException {
        return Objects.requireNonNull(instant(rs, column), "a NOT NULL column");
    }

    private static @Nullable Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
