package com.hyperlocal.flashsale.events;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The outbox table (V40). Every event is written by a trigger (V40, V42) in the transaction that
 * makes the change, so no code path can change a row without its event; this class only reads,
 * marks and purges them for the relay.
 */
@Repository
public class Outbox {

    private final JdbcClient jdbc;

    Outbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
