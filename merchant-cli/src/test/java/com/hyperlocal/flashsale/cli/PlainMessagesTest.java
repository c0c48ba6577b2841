package com.hyperlocal.flashsale.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.hyperlocal.flashsale.cli.FakeHttpPeer.Answer;
import com.hyperlocal.flashsale.crypto.vectors.VoucherTestVectors;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the merchant reads: one plain line per failure, local times with their zone, whole seconds. */
class PlainMessagesTest {

    static final String KEY = "fsk_abcd1234_" + "k".repeat(43);
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @TempDir
    Path dir;

    private CliRun.Result run(Clock clock, String server, String... args) {
        return CliRun.run(CliRun.env(dir, clock, "FLASHDEAL_SERVER", server, "FLASHDEAL_API_KEY", KEY), args);
    }

    private static void assertPlain(CliRun.Result r) {
        assertThat(r.err())
                .as(r.toString())
                .hasLineCount(1)
                .doesNotContain("Exception")
                .doesNotContain("java.")
                .doesNotContain("\tat ");
    }

    @Test
    void aServerThatIsNotRunningIsOnePlainLineAndExit6() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }

        CliRun.Result r = run(Clock.systemUTC(), "http://127.0.0.1:" + port, "deal", "list");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(r.err())
                .startsWith("flashdeal: cannot reach the server at http://127.0.0.1:" + port
                        + ": connection refused; is it running?");
        assertPlain(r);
    }

    @Test
    void missingFilesSayNoSuchFile() {
        Path csv = dir.resolve("missing.csv");
        Path png = dir.resolve("missing.png");

        CliRun.Result importing = run(Clock.systemUTC(), "http://127.0.0.1:1", "deal", "import", csv.toString());
        CliRun.Result qr = run(Clock.systemUTC(), "http://127.0.0.1:1", "voucher", "verify", "--qr", png.toString());

        for (CliRun.Result r : new CliRun.Result[] {importing, qr}) {
            assertThat(r.exitCode()).isEqualTo(ExitCodes.LOCAL);
            assertThat(r.err()).contains("cannot read ").contains(": no such file");
            assertPlain(r);
        }
    }

    @Test
    void plainHttpToAnotherMachineIsRefusedBeforeAnyRequest() {
        CliRun.Result r = run(Clock.systemUTC(), "http://deals.example", "deal", "list");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("must use https://").contains("(from environment FLASHDEAL_SERVER)");
    }

    @Test
    void timesAreLocalWithTheirZoneInWholeSecondsOrUtcOnRequest() {
        UUID id = UUID.randomUUID();
        String deal = "{\"id\":\"" + id + "\",\"title\":\"Chai\",\"status\":\"ENDED\",\"totalInventory\":5,"
                + "\"validFrom\":\"2026-03-01T12:00:00.123456Z\",\"validUntil\":\"2026-03-01T14:00:00.654321Z\","
                + "\"closedAt\":\"2026-03-01T14:00:00.654321Z\"}";
        try (FakeHttpPeer peer = new FakeHttpPeer(s -> new Answer(200, "application/json", deal, Map.of()))) {
            Clock kolkata = Clock.fixed(NOW, ZoneId.of("Asia/Kolkata"));

            CliRun.Result local = run(kolkata, peer.url(), "deal", "show", id.toString());
            CliRun.Result utc = run(kolkata, peer.url(), "deal", "show", id.toString(), "--utc");

            assertThat(local.out())
                    .contains("starts:      2026-03-01 17:30:00 IST")
                    .contains("ends:        2026-03-01 19:30:00 IST")
                    .contains("closed:      2026-03-01 19:30:00 IST");
            assertThat(utc.out())
                    .contains("starts:      2026-03-01 12:00:00 UTC")
                    .contains("ends:        2026-03-01 14:00:00 UTC");
        }
    }

    @Test
    void refusedScansShowTheDealAndShopperTheTokenClaimsMarkedUnverified() {
        String token = VoucherTestVectors.token("valid.jwt");
        String list = "{\"redemptions\":[{\"id\":\"" + UUID.randomUUID() + "\",\"deviceId\":\"till-3\","
                + "\"outcome\":\"REFUSED\",\"refusalReason\":\"EXPIRED\",\"status\":\"LOGGED\","
                + "\"scannedAt\":\"2026-03-01T11:59:59.999Z\",\"token\":\"" + token + "\"}]}";
        try (FakeHttpPeer peer = new FakeHttpPeer(s -> new Answer(200, "application/json", list, Map.of()))) {
            CliRun.Result r = run(Clock.fixed(NOW, ZoneId.of("UTC")), peer.url(), "redemptions", "list");

            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.out())
                    .containsPattern("2026-03-01 11:59:59 UTC\\s+"
                            + VoucherTestVectors.validClaims().dealId() + "\\*\\s+"
                            + VoucherTestVectors.validClaims().userId()
                            + "\\*\\s+till-3\\s+LOGGED \\(EXPIRED\\)")
                    .contains("* read from the refused voucher itself: not verified");
        }
    }
}
