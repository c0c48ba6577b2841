package com.hyperlocal.flashsale.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.hyperlocal.flashsale.cli.FakeHttpPeer.Answer;
import com.hyperlocal.flashsale.crypto.vectors.VoucherTestVectors;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code voucher revoke} names the claim from an id or a token; {@code deal close --void-vouchers} asks for it. */
class RevokeAndCloseTest {

    static final String KEY = "fsk_abcd1234_" + "k".repeat(43);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneId.of("UTC"));

    @TempDir
    Path dir;

    private CliRun.Result run(FakeHttpPeer peer, String... args) {
        return CliRun.run(CliRun.env(dir, CLOCK, "FLASHDEAL_SERVER", peer.url(), "FLASHDEAL_API_KEY", KEY), args);
    }

    private static FakeHttpPeer revocations() {
        return new FakeHttpPeer(s -> {
            String claim = s.path().replaceAll(".*/claims/([^/]+)/revoke", "$1");
            return new Answer(
                    200,
                    "application/json",
                    "{\"claimId\":\"" + claim + "\",\"dealId\":\""
                            + VoucherTestVectors.validClaims().dealId() + "\",\"revokedAt\":\"2026-03-01T12:00:00.5Z\","
                            + "\"reason\":\"refund\"}",
                    Map.of());
        });
    }

    @Test
    void aTokenIsRevokedByTheClaimIdItNames() {
        UUID claim = VoucherTestVectors.validClaims().claimId();
        try (FakeHttpPeer peer = revocations()) {
            CliRun.Result r =
                    run(peer, "voucher", "revoke", VoucherTestVectors.token("valid.jwt"), "--reason", "refund");

            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(peer.seen).singleElement().satisfies(s -> {
                assertThat(s.method()).isEqualTo("POST");
                assertThat(s.path()).isEqualTo("/api/v1/merchant/claims/" + claim + "/revoke");
                assertThat(s.body()).isEqualTo("{\"reason\":\"refund\"}");
                assertThat(s.header("Authorization")).isEqualTo("Bearer " + KEY);
            });
            assertThat(r.out())
                    .isEqualTo("Revoked voucher " + claim + " of deal "
                            + VoucherTestVectors.validClaims().dealId() + " at 2026-03-01 12:00:00 UTC (refund). "
                            + "Tills refuse it after their next sync.\n");
        }
    }

    @Test
    void aClaimIdIsRevokedWithoutReason() {
        UUID claim = UUID.randomUUID();
        try (FakeHttpPeer peer = revocations()) {
            CliRun.Result r = run(peer, "voucher", "revoke", claim.toString(), "-o", "json");

            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(peer.seen.get(0).body()).isEqualTo("{}");
            assertThat(r.out()).contains("\"claimId\" : \"" + claim + "\"");
        }
    }

    @Test
    void neitherIdNorTokenOrALongReasonIsAUsageErrorAndNothingIsSent() {
        try (FakeHttpPeer peer = revocations()) {
            CliRun.Result garbage = run(peer, "voucher", "revoke", "not-a-voucher");
            CliRun.Result longReason =
                    run(peer, "voucher", "revoke", UUID.randomUUID().toString(), "--reason", "x".repeat(201));

            assertThat(garbage.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(garbage.err()).contains("'not-a-voucher' is neither a voucher id nor a voucher token");
            assertThat(longReason.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(longReason.err()).contains("--reason: at most 200 characters");
            assertThat(peer.seen).isEmpty();
        }
    }

    @Test
    void anUnknownVoucherIsExit5() {
        try (FakeHttpPeer peer = new FakeHttpPeer(s -> Answer.problem(404, "not-found", "Claim x does not exist"))) {
            CliRun.Result r = run(peer, "voucher", "revoke", UUID.randomUUID().toString());

            assertThat(r.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
            assertThat(r.err()).isEqualTo("flashdeal: Claim x does not exist (404)\n");
        }
    }

    @Test
    void closeWithVoidVouchersAsksForItAndSaysHowManyWereRevoked() {
        UUID id = UUID.randomUUID();
        try (FakeHttpPeer peer = new FakeHttpPeer(s -> new Answer(
                200,
                "application/json",
                "{\"id\":\"" + id
                        + "\",\"status\":\"ENDED\",\"validUntil\":\"2026-03-01T12:00:00Z\""
                        + (s.path().contains("voidVouchers=true") ? ",\"voidedVouchers\":4" : "") + "}",
                Map.of()))) {
            CliRun.Result voiding = run(peer, "deal", "close", id.toString(), "--void-vouchers");
            CliRun.Result plain = run(peer, "deal", "close", id.toString());

            assertThat(peer.seen)
                    .extracting(FakeHttpPeer.Seen::path)
                    .containsExactly(
                            "/api/v1/merchant/deals/" + id + "/close?voidVouchers=true",
                            "/api/v1/merchant/deals/" + id + "/close");
            assertThat(voiding.out())
                    .isEqualTo("Closed deal " + id + " (ENDED since 2026-03-01 12:00:00 UTC).\n"
                            + "4 unredeemed voucher(s) revoked now.\n");
            assertThat(plain.out()).isEqualTo("Closed deal " + id + " (ENDED since 2026-03-01 12:00:00 UTC).\n");
        }
    }
}
