package com.hyperlocal.flashsale.verifier.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanLogTest {

    @TempDir
    Path dir;

    static NewScan redeemed(UUID claim) {
        return new NewScan(
                UUID.randomUUID(),
                "tok-" + claim,
                claim,
                UUID.randomUUID(),
                "user-1",
                Instant.parse("2026-03-08T12:00:00Z"),
                Instant.parse("2026-03-01T12:00:00Z"),
                Outcome.REDEEMED,
                null);
    }

    @Test
    void recordsSurviveCloseAndReopen() {
        Path file = dir.resolve("v.db");
        NewScan scan = redeemed(UUID.randomUUID());
        try (TillDatabase db = TillDatabase.open(file)) {
            assertThat(db.scans().redeem(scan)).isInstanceOf(RecordResult.Recorded.class);
        }
        try (TillDatabase db = TillDatabase.open(file)) {
            ScanRecord row = db.scans().find(scan.clientId()).orElseThrow();
            assertThat(row.claimId()).isEqualTo(scan.claimId());
            assertThat(row.syncState()).isEqualTo(SyncState.PENDING);
            assertThat(db.scans().pending(10)).extracting(ScanRecord::clientId).containsExactly(scan.clientId());
        }
    }

    @Test
    void walJournalAndFullSynchronousAreOn() throws Exception {
        Path file = dir.resolve("v.db");
        TillDatabase.open(file).close();
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + file);
                var rs = c.createStatement().executeQuery("PRAGMA journal_mode")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("wal"); // WAL is persistent in the file
        }
        try (TillDatabase db = TillDatabase.open(file)) {
            // synchronous is per connection: read it through the store's own connection settings.
            try (var rs = db.connection().createStatement().executeQuery("PRAGMA synchronous")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(2); // FULL
            }
        }
    }

    @Test
    void theDatabaseItselfRefusesASecondRedemptionOfOneVoucher() throws Exception {
        Path file = dir.resolve("v.db");
        UUID claim = UUID.randomUUID();
        try (TillDatabase db = TillDatabase.open(file)) {
            db.scans().redeem(redeemed(claim));
        }
        // Bypass the store's check entirely: the unique index still says no.
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            assertThatThrownBy(() -> c.createStatement()
                            .execute("INSERT INTO scans (client_id, token, claim_id, "
                                    + "scanned_at, outcome) VALUES ('" + UUID.randomUUID() + "', 't', '" + claim + "', "
                                    + "'2026-03-01T12:00:00Z', 'REDEEMED')"))
                    .hasMessageContaining("UNIQUE constraint failed");
            // A refused (logged) scan of the same voucher is fine.
            c.createStatement()
                    .execute("INSERT INTO scans (client_id, token, claim_id, scanned_at, outcome) VALUES ('"
                            + UUID.randomUUID() + "', 't', '" + claim + "', '2026-03-01T12:00:00Z', 'REFUSED')");
        }
    }

    @Test
    void aSecondRedeemIsRecordedAsARefusalNamingTheFirst() {
        try (TillDatabase db = TillDatabase.open(dir.resolve("v.db"))) {
            UUID claim = UUID.randomUUID();
            NewScan first = redeemed(claim);
            db.scans().redeem(first);
            RecordResult again = db.scans().redeem(redeemed(claim));
            assertThat(again).isInstanceOf(RecordResult.AlreadyRedeemed.class);
            RecordResult.AlreadyRedeemed a = (RecordResult.AlreadyRedeemed) again;
            assertThat(a.first().clientId()).isEqualTo(first.clientId());
            assertThat(a.refusal().outcome()).isEqualTo(Outcome.REFUSED);
            assertThat(a.refusal().refusalReason()).isEqualTo(ScanLog.ALREADY_REDEEMED);
        }
    }

    @Test
    void answersApplyOnceEvenWhenReceivedTwice() {
        try (TillDatabase db = TillDatabase.open(dir.resolve("v.db"))) {
            NewScan scan = redeemed(UUID.randomUUID());
            db.scans().redeem(scan);
            ServerAnswer ok = new ServerAnswer(scan.clientId(), "ACCEPTED", UUID.randomUUID(), null, null);
            assertThat(db.scans().applyAnswers(List.of(ok), Instant.now())).isEqualTo(1);
            ServerAnswer dup =
                    new ServerAnswer(scan.clientId(), "DUPLICATE", ok.redemptionId(), "already recorded", null);
            assertThat(db.scans().applyAnswers(List.of(dup), Instant.now())).isZero();
            assertThat(db.scans().find(scan.clientId()).orElseThrow().serverStatus())
                    .isEqualTo("ACCEPTED");
            assertThat(db.scans().pendingCount()).isZero();
        }
    }
}
