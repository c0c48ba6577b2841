package com.hyperlocal.flashsale.verifier.counter;

import static org.assertj.core.api.Assertions.assertThat;

import com.hyperlocal.flashsale.crypto.vectors.VoucherTestVectors;
import com.hyperlocal.flashsale.verifier.Fixtures;
import com.hyperlocal.flashsale.verifier.VerifierContext;
import com.hyperlocal.flashsale.verifier.record.Outcome;
import com.hyperlocal.flashsale.verifier.record.ScanRecord;
import com.hyperlocal.flashsale.verifier.record.SyncState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Scan → verify → record with every common-crypto conformance vector. */
class CounterServiceTest {

    @TempDir
    Path dir;
    VerifierContext ctx;

    @BeforeEach
    void setUp() throws Exception {
        ctx = Fixtures.context(dir, "", "counter-1");
    }

    @AfterEach
    void tearDown() {
        ctx.close();
    }

    static Stream<VoucherTestVectors.Vector> vectors() {
        return VoucherTestVectors.all().stream();
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void everyVectorGetsItsVerdictAndIsRecordedForSync(VoucherTestVectors.Vector v) {
        ScanOutcome out = ctx.counter().scan(v.token());

        ScanRecord row = ctx.store().find(out.clientId()).orElseThrow();
        assertThat(row.syncState()).isEqualTo(SyncState.PENDING);
        if (v.expectValid()) {
            assertThat(out.verdict()).isEqualTo(Verdict.VALID);
            assertThat(row.outcome()).isEqualTo(Outcome.REDEEMED);
            assertThat(row.claimId()).isEqualTo(VoucherTestVectors.validClaims().claimId());
            assertThat(out.userId()).isEqualTo(VoucherTestVectors.validClaims().userId());
            assertThat(out.dealId()).isEqualTo(VoucherTestVectors.validClaims().dealId());
        } else {
            String reason = v.expectedReason().orElseThrow().name();
            assertThat(out.verdict()).isEqualTo(Verdict.INVALID);
            assertThat(out.reason()).isEqualTo(reason);
            assertThat(out.message()).isEqualTo(v.expectedReason().get().message());
            assertThat(row.outcome()).isEqualTo(Outcome.REFUSED);
            assertThat(row.refusalReason()).isEqualTo(reason);
            assertThat(row.token().length()).isLessThanOrEqualTo(4096);
        }
    }

    @Test
    void theSameVoucherTwiceIsAlreadyRedeemedWithTheFirstTime() {
        String token = VoucherTestVectors.token("valid.jwt");
        ScanOutcome first = ctx.counter().scan(token);
        ScanOutcome second = ctx.counter().scan("  " + token + "\n");

        assertThat(first.verdict()).isEqualTo(Verdict.VALID);
        assertThat(second.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(second.message()).isEqualTo("Already redeemed at "
                + ctx.counter().when(first.scannedAt()) + " on this device.");
        assertThat(second.message()).contains("12:00:00 on 1 Mar 2026");
        ScanRecord refusal = ctx.store().find(second.clientId()).orElseThrow();
        assertThat(refusal.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(refusal.refusalReason()).isEqualTo("ALREADY_REDEEMED");
        assertThat(ctx.store().pendingCount()).isEqualTo(2);
    }

    @Test
    void withoutKeysTheTillSaysItCannotCheckAndRecordsNothing() throws Exception {
        Files.delete(ctx.config().keyCache());

        ScanOutcome out = ctx.counter().scan(VoucherTestVectors.token("valid.jwt"));

        assertThat(out.verdict()).isEqualTo(Verdict.CANNOT_CHECK);
        assertThat(out.message()).contains("no voucher keys").contains("Refresh keys");
        assertThat(ctx.store().all()).isEmpty();
    }

    @Test
    void anEmptyScanIsNotRecorded() {
        assertThat(ctx.counter().scan("   ").verdict()).isEqualTo(Verdict.INVALID);
        assertThat(ctx.store().all()).isEmpty();
    }

    @Test
    void aRedemptionIsOnDiskBeforeValidIsReturned() {
        // Reopening the database file from a second connection sees the row at once.
        ScanOutcome out = ctx.counter().scan(VoucherTestVectors.token("valid.jwt"));
        try (var other = com.hyperlocal.flashsale.verifier.record.RedemptionStore.open(ctx.config().database())) {
            assertThat(other.find(out.clientId())).isPresent();
        }
    }
}
