package com.hyperlocal.flashsale.verifier.counter;

import static org.assertj.core.api.Assertions.assertThat;

import com.hyperlocal.flashsale.crypto.vectors.VoucherTestVectors;
import com.hyperlocal.flashsale.verifier.Fixtures;
import com.hyperlocal.flashsale.verifier.VerifierContext;
import com.hyperlocal.flashsale.verifier.record.DealInfo;
import com.hyperlocal.flashsale.verifier.record.Outcome;
import com.hyperlocal.flashsale.verifier.record.Revocation;
import com.hyperlocal.flashsale.verifier.record.ScanRecord;
import com.hyperlocal.flashsale.verifier.record.SyncState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
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

        ScanRecord row = ctx.scans().find(out.clientId()).orElseThrow();
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
        assertThat(second.message())
                .isEqualTo("Already redeemed at " + ctx.counter().when(first.scannedAt()) + " on this device.");
        assertThat(second.message()).contains("12:00:00 on 1 Mar 2026");
        ScanRecord refusal = ctx.scans().find(second.clientId()).orElseThrow();
        assertThat(refusal.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(refusal.refusalReason()).isEqualTo("ALREADY_REDEEMED");
        assertThat(ctx.scans().pendingCount()).isEqualTo(2);
    }

    @Test
    void withoutKeysTheTillSaysItCannotCheckAndRecordsNothing() throws Exception {
        Files.delete(ctx.config().keyCache());

        ScanOutcome out = ctx.counter().scan(VoucherTestVectors.token("valid.jwt"));

        assertThat(out.verdict()).isEqualTo(Verdict.CANNOT_CHECK);
        assertThat(out.message()).contains("no voucher keys").contains("Refresh keys");
        assertThat(ctx.scans().all()).isEmpty();
    }

    @Test
    void anEmptyScanIsNotRecorded() {
        assertThat(ctx.counter().scan("   ").verdict()).isEqualTo(Verdict.INVALID);
        assertThat(ctx.scans().all()).isEmpty();
    }

    @Test
    void aRedemptionIsOnDiskBeforeValidIsReturned() {
        // Reopening the database file from a second connection sees the row at once.
        ScanOutcome out = ctx.counter().scan(VoucherTestVectors.token("valid.jwt"));
        try (var other = com.hyperlocal.flashsale.verifier.record.TillDatabase.open(
                ctx.config().database())) {
            assertThat(other.scans().find(out.clientId())).isPresent();
        }
    }

    @Test
    void aValidVoucherShowsTheSyncedDealTitle() {
        UUID deal = VoucherTestVectors.validClaims().dealId();
        ctx.database()
                .deals()
                .store(List.of(new DealInfo(deal, "Masala dosa, 2 for 1", null, null, "ACTIVE", null, false)));

        ScanOutcome out = ctx.counter().scan(VoucherTestVectors.token("valid.jwt"));

        assertThat(out.verdict()).isEqualTo(Verdict.VALID);
        assertThat(out.dealTitle()).isEqualTo("Masala dosa, 2 for 1");
    }

    @Test
    void aRevokedVoucherIsInvalidWithTheShopsReasonAndLoggedAsRefused() {
        var claims = VoucherTestVectors.validClaims();
        ctx.database()
                .revocations()
                .add(List.of(new Revocation(
                        claims.claimId(), claims.dealId(), Instant.parse("2026-03-01T10:00:00Z"), "refunded")));

        ScanOutcome out = ctx.counter().scan(VoucherTestVectors.token("valid.jwt"));

        assertThat(out.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(out.reason()).isEqualTo(CounterService.REVOKED);
        assertThat(out.message()).isEqualTo("The shop cancelled this voucher (refunded).");
        ScanRecord row = ctx.scans().find(out.clientId()).orElseThrow();
        assertThat(row.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(row.claimId()).isEqualTo(claims.claimId());
        assertThat(ctx.scans().redeemed(claims.claimId()))
                .as("no redemption recorded")
                .isEmpty();
    }

    @Test
    void aVoucherOfAClosedAndVoidedDealIsInvalid() {
        UUID deal = VoucherTestVectors.validClaims().dealId();
        ctx.database()
                .deals()
                .store(List.of(
                        new DealInfo(deal, "Chai", null, null, "ENDED", Instant.parse("2026-03-01T09:00:00Z"), true)));

        ScanOutcome out = ctx.counter().scan(VoucherTestVectors.token("valid.jwt"));

        assertThat(out.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(out.reason()).isEqualTo(CounterService.DEAL_VOIDED);
        assertThat(out.dealTitle()).isEqualTo("Chai");
    }

    @Test
    void aClosedDealWhoseVouchersWereKeptStillHonoursThem() {
        UUID deal = VoucherTestVectors.validClaims().dealId();
        ctx.database()
                .deals()
                .store(List.of(
                        new DealInfo(deal, "Chai", null, null, "ENDED", Instant.parse("2026-03-01T09:00:00Z"), false)));

        assertThat(ctx.counter().scan(VoucherTestVectors.token("valid.jwt")).verdict())
                .isEqualTo(Verdict.VALID);
    }
}
