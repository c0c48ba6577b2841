package com.hyperlocal.flashsale.verifier.record;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Column text ↔ Java values. Times are ISO-8601 instants, ids canonical UUID text. */
final class Rows {

    private Rows() {}

    static @Nullable String text(@Nullable Object value) {
        return value == null ? null : value.toString();
    }

    static ScanRecord scan(ResultSet rs) throws SQLException {
        String conflictId = rs.getString("conflict_redemption_id");
        String conflictDevice = rs.getString("conflict_device_id");
        ServerAnswer.Conflict conflict = conflictId == null && conflictDevice == null
                ? null
                : new ServerAnswer.Conflict(
                        uuid(conflictId),
                        conflictDevice,
                        instant(rs.getString("conflict_scanned_at")),
                        instant(rs.getString("conflict_received_at")));
        return new ScanRecord(
                UUID.fromString(notNull(rs, "client_id")),
                notNull(rs, "token"),
                uuid(rs.getString("claim_id")),
                uuid(rs.getString("deal_id")),
                rs.getString("user_id"),
                instant(rs.getString("expires_at")),
                Instant.parse(notNull(rs, "scanned_at")),
                Outcome.valueOf(notNull(rs, "outcome")),
                rs.getString("refusal_reason"),
                SyncState.valueOf(notNull(rs, "sync_state")),
                rs.getString("server_status"),
                rs.getString("server_reason"),
                uuid(rs.getString("redemption_id")),
                conflict,
                instant(rs.getString("synced_at")));
    }

    static DealInfo deal(ResultSet rs) throws SQLException {
        return new DealInfo(
                UUID.fromString(notNull(rs, "deal_id")),
                notNull(rs, "title"),
                instant(rs.getString("valid_from")),
                instant(rs.getString("valid_until")),
                rs.getString("status"),
                instant(rs.getString("closed_at")),
                rs.getInt("vouchers_voided") != 0);
    }

    static Revocation revocation(ResultSet rs) throws SQLException {
        return new Revocation(
                UUID.fromString(notNull(rs, "claim_id")),
                uuid(rs.getString("deal_id")),
                instant(rs.getString("revoked_at")),
                rs.getString("reason"));
    }

    /** A column every row has: NOT NULL or the key the till always writes (see {@link Schema}). */
    private static String notNull(ResultSet rs, String column) throws SQLException {
        return Objects.requireNonNull(rs.getString(column), () -> column + " is missing from a stored row");
    }

    private static @Nullable UUID uuid(@Nullable String s) {
        return s == null ? null : UUID.fromString(s);
    }

    private static @Nullable Instant instant(@Nullable String s) {
        return s == null ? null : Instant.parse(s);
    }
}
