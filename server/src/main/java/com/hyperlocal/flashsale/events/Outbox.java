package com.hyperlocal.flashsale.events;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox table (V40). Most events are written by triggers in the transaction that makes the
 * change; events with no table change of their own are appended here by the code that makes it,
 * inside its transaction.
 */
@Repository
public class Outbox {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    Outbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records that a voucher was revoked. Call it inside the revocation's own transaction (it joins
     * it, and refuses to run without one) so the event exists exactly when the revocation commits.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void voucherRevoked(UUID claimId, UUID dealId, UUID merchantId, String reason, Instant revokedAt) {
        String payload = JSON.writeValueAsString(java.util.Map.of(
                "claimId",
                claimId.toString(),
                "dealId",
                dealId.toString(),
                "reason",
                reason == null ? "" : reason,
                "revokedAt",
                revokedAt.toString()));
        append(EventType.VOUCHER_REVOKED, dealId, merchantId, payload);
    }

    void append(EventType type, UUID dealId, UUID merchantId, String payloadJson) {
        jdbc.sql("""
                        INSERT INTO outbox_events (event_type, deal_id, merchant_id, payload)
                        VALUES (:type, :deal, :merchant, CAST(:payload AS jsonb))""")
                .param("type", type.wireName())
                .param("deal", dealId)
                .param("merchant", merchantId)
                .param("payload", payloadJson)
                .update();
    }

    /** The oldest unpublished rows, in seq order (the order they are published in). */
    List<OutboxEvent> pending(int limit) {
        return jdbc.sql("""
                        SELECT seq, event_id, event_type, deal_id, merchant_id, payload::text, occurred_at
                        FROM outbox_events WHERE published_at IS NULL ORDER BY seq LIMIT :limit""").param("limit", limit).query(Outbox::row).list();
    }

    void markPublished(List<OutboxEvent> events, Instant at) {
        jdbc.sql("UPDATE outbox_events SET published_at = :at WHERE seq = ANY(CAST(:seqs AS bigint[]))")
                .param("at", at.atOffset(ZoneOffset.UTC))
                .param("seqs", events.stream().map(OutboxEvent::seq).toArray(Long[]::new))
                .update();
    }

    public long pendingCount() {
        return jdbc.sql("SELECT count(*) FROM outbox_events WHERE published_at IS NULL")
                .query(Long.class)
                .single();
    }

    int purgePublishedBefore(Instant before) {
        return jdbc.sql("DELETE FROM outbox_events WHERE published_at < :before")
                .param("before", before.atOffset(ZoneOffset.UTC))
                .update();
    }

    /** Takes the relay's lock for the current transaction; false if another relay holds it. */
    boolean tryRelayLock() {
        return Boolean.TRUE.equals(jdbc.sql("SELECT pg_try_advisory_xact_lock(7317004001)")
                .query(Boolean.class)
                .single());
    }

    private static OutboxEvent row(ResultSet rs, int n) throws SQLException {
        return new OutboxEvent(
                rs.getLong(1),
                rs.getObject(2, UUID.class),
                rs.getString(3),
                rs.getObject(4, UUID.class),
                rs.getObject(5, UUID.class),
                rs.getString(6),
                rs.getTimestamp(7).toInstant());
    }
}
