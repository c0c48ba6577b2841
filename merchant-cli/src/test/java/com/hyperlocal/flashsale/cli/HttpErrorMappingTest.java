package com.hyperlocal.flashsale.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.hyperlocal.flashsale.cli.FakeHttpPeer.Answer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How server answers become exit codes and one-line messages (canned answers on loopback). */
class HttpErrorMappingTest {

    static final String KEY = "fsk_abcd1234_" + "k".repeat(43);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    static String dealJson(UUID id, String title) {
        return "{\"id\":\"" + id + "\",\"merchantId\":\"" + UUID.randomUUID() + "\",\"title\":\"" + title
                + "\",\"description\":null,\"latitude\":12.97,\"longitude\":77.59,\"totalInventory\":5,"
                + "\"remainingInventory\":5,\"validFrom\":\"2026-03-01T12:00:00Z\","
                + "\"validUntil\":\"2026-03-01T14:00:00Z\",\"status\":\"ACTIVE\","
                + "\"createdAt\":\"2026-03-01T12:00:00Z\",\"claimCount\":0,\"somethingNew\":1}";
    }

    private CliRun.Result run(FakeHttpPeer peer, String... args) {
        return CliRun.run(CliRun.env(dir, CLOCK, "FLASHDEAL_SERVER", peer.url(), "FLASHDEAL_API_KEY", KEY), args);
    }

    @ParameterizedTest(name = "{0} -> exit {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "400|invalid-request|3|Deal is invalid (400)",
                "401|unauthorized|4|not authorised (401): Deal is invalid; check the API key",
                "403|forbidden|3|Deal is invalid (403)",
                "404|not-found|5|Deal is invalid (404)",
                "409|conflict|3|Deal is invalid (409)",
                "422|invalid-request|3|Deal is invalid (422)",
                "500|internal|6|the server failed (500): Deal is invalid",
                "503|dependency-unavailable|6|the server failed (503): Deal is invalid",
            })
    void problemAnswersMapToExitCodesAndCarryTheDetail(int status, String slug, int exit, String message) {
        try (FakeHttpPeer peer = new FakeHttpPeer(s -> Answer.problem(status, slug, "Deal is invalid"))) {
            CliRun.Result r = run(peer, "deal", "show", UUID.randomUUID().toString());

            assertThat(r.exitCode()).as(r.toString()).isEqualTo(exit);
            assertThat(r.err().strip())
                    .isEqualTo("flashdeal: " + message + (status == 401 ? " (`flashdeal config show`)" : ""));
            assertThat(r.out()).isEmpty();
        }
    }

    @Test
    void fieldErrorsAndRetryAfterAreInTheOneLine() {
        String body = "{\"type\":\"urn:flashsale:problem:invalid-request\",\"title\":\"Invalid\",\"status\":400,"
                + "\"detail\":\"The request is invalid.\",\"errors\":[{\"field\":\"latitude\",\"message\":\"must be <= 90\"}]}";
        try (FakeHttpPeer bad = new FakeHttpPeer(s -> new Answer(400, "application/problem+json", body, Map.of()));
                FakeHttpPeer busy = new FakeHttpPeer(s -> new Answer(
                        503,
                        "application/problem+json",
                        "{\"status\":503,\"detail\":\"Try again shortly.\"}",
                        Map.of("Retry-After", "7")))) {
            CliRun.Result r = run(bad, "deal", "list");
            CliRun.Result b = run(busy, "deal", "list");

            assertThat(r.err().strip()).isEqualTo("flashdeal: The request is invalid. (latitude: must be <= 90) (400)");
            assertThat(b.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
            assertThat(b.err().strip())
                    .isEqualTo("flashdeal: the server failed (503): Try again shortly.; retry after 7 s");
        }
    }

    @Test
    void nonJsonErrorsFallBackToTheStatusAndVerboseAddsTheStackTrace() {
        try (FakeHttpPeer peer =
                new FakeHttpPeer(s -> new Answer(502, "text/html", "<html>bad gateway</html>", Map.of()))) {
            CliRun.Result quiet = run(peer, "deal", "list");
            CliRun.Result verbose = run(peer, "deal", "list", "--verbose");

            assertThat(quiet.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
            assertThat(quiet.err().strip()).isEqualTo("flashdeal: the server failed (502): HTTP 502");
            assertThat(verbose.err()).contains("ApiException").contains("\tat ");
        }
    }

    @Test
    void requestsCarryTheBearerKeyAndListRendersATable() {
        UUID id = UUID.randomUUID();
        try (FakeHttpPeer peer = new FakeHttpPeer(s -> new Answer(
                200, "application/json", "{\"deals\":[" + dealJson(id, "Masala dosa, 2 for 1") + "]}", Map.of()))) {
            CliRun.Result table = run(peer, "deal", "list");
            CliRun.Result json = run(peer, "deal", "list", "-o", "JSON");

            assertThat(peer.seen.get(0).header("Authorization")).isEqualTo("Bearer " + KEY);
            assertThat(peer.seen.get(0).path()).isEqualTo("/api/v1/merchant/deals");
            assertThat(table.out())
                    .contains("ID", "TITLE", "STATUS", "REMAINING/TOTAL", "CLAIMS", "ENDS")
                    .contains(id + "  Masala dosa, 2 for 1  ACTIVE  5/5              0       2026-03-01 14:00:00 UTC");
            assertThat(json.out())
                    .contains("\"id\" : \"" + id + "\"")
                    .contains("\"validUntil\" : \"2026-03-01T14:00:00Z\"");
        }
    }

    @Test
    void importSendsIdempotencyKeysReportsServerRejectionsAndPrintsProgressLines() throws Exception {
        AtomicInteger n = new AtomicInteger();
        try (FakeHttpPeer peer = new FakeHttpPeer(s -> {
            if (s.body().contains("\"title\":\"refused\"") /* compact JSON on the wire */) {
                return Answer.problem(422, "invalid-request", "validUntil: must be in the future");
            }
            int i = n.incrementAndGet();
            return new Answer(
                    i % 2 == 0 ? 200 : 201,
                    "application/json",
                    dealJson(UUID.randomUUID(), "d" + i),
                    i % 2 == 0 ? Map.of("Idempotent-Replayed", "true") : Map.of());
        })) {
            StringBuilder csv = new StringBuilder("title,lat,lng,inventory,duration\n");
            for (int i = 0; i < 250; i++) {
                csv.append(i == 10 ? "refused" : "deal " + i).append(",12.9,77.5,5,2h\n");
            }
            csv.append("broken,999,77.5,5,2h\n");
            Path file = dir.resolve("deals.csv");
            Files.writeString(file, csv);

            CliRun.Result r = run(peer, "deal", "import", file.toString());

            assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.IMPORT_REJECTED_ROWS);
            assertThat(r.out())
                    .contains("125 created, 124 already existed, 2 rejected (251 of 251 rows processed)")
                    .contains("  row 12: server rejected it: validUntil: must be in the future")
                    .contains("  row 252: latitude must be between -90 and 90 (got 999.0)");
            assertThat(r.err()).isEqualTo("imported 100/251 rows\nimported 200/251 rows\n");
            assertThat(peer.seen)
                    .hasSize(250)
                    .allSatisfy(s -> assertThat(s.header("Idempotency-Key")).matches("[0-9a-f]{32}"));
            assertThat(peer.seen.stream().map(s -> s.header("Idempotency-Key")).distinct())
                    .hasSize(250);
        }
    }

    @Test
    void importStopsAtTheFirstServerFailureAndSaysHowToResume() throws Exception {
        AtomicInteger n = new AtomicInteger();
        try (FakeHttpPeer peer = new FakeHttpPeer(s -> n.incrementAndGet() < 3
                ? new Answer(201, "application/json", dealJson(UUID.randomUUID(), "d"), Map.of())
                : Answer.problem(503, "dependency-unavailable", "Database unavailable"))) {
            Path file = dir.resolve("deals.csv");
            Files.writeString(
                    file, "title,lat,lng,inventory,duration\na,1,1,1,1h\nb,1,1,1,1h\nc,1,1,1,1h\nd,1,1,1,1h\n");

            CliRun.Result r = run(peer, "deal", "import", file.toString());

            assertThat(r.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
            assertThat(r.out()).contains("2 created, 0 already existed, 0 rejected (2 of 4 rows processed)");
            assertThat(r.err())
                    .contains("stopped at row 4: the server failed (503): Database unavailable")
                    .contains("run the same import again");
            assertThat(n.get()).isEqualTo(3);
        }
    }

    @Test
    void unreadableImportFileIsALocalProblem() {
        try (FakeHttpPeer peer = new FakeHttpPeer(s -> Answer.problem(500, "x", "x"))) {
            CliRun.Result r =
                    run(peer, "deal", "import", dir.resolve("missing.csv").toString());

            assertThat(r.exitCode()).isEqualTo(ExitCodes.LOCAL);
            assertThat(r.err()).contains("cannot read").contains("missing.csv");
            assertThat(peer.seen).isEmpty();
        }
    }
}
