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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Text from a hostile or compromised server (or a CSV file) cannot drive the merchant's terminal:
 * escape sequences, OSC titles and hyperlinks, C1 controls and bidi overrides come out as inert
 * six-character escapes (ESC as backslash, u, 001B), in tables, details, errors, import reports and
 * JSON alike.
 */
class TerminalSafetyTest {

    static final String KEY = "fsk_abcd1234_" + "k".repeat(43);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);
    static final UUID ID = UUID.fromString("0a0b0c0d-0000-4000-8000-000000000001");

    /** As JSON carries them: clear screen, OSC window title, OSC 8 hyperlink, C1 CSI, DEL, RLO. */
    static final String HOSTILE_JSON =
            "A\\u001b[2JB\\u001b]0;pwned\\u0007C\\u001b]8;;http://x\\u001b\\\\D" + "\\u009b31mE\\u007fF\\u202egnp.exe";
    /** The same, as it must be printed: every control a visible six-character escape. */
    static final String INERT =
            "A\\u001B[2JB\\u001B]0;pwned\\u0007C\\u001B]8;;http://x\\u001B\\D" + "\\u009B31mE\\u007FF\\u202Egnp.exe";

    @TempDir
    Path dir;

    static String deal(String title, String description, String status) {
        return "{\"id\":\"" + ID + "\",\"title\":\"" + title + "\",\"description\":\"" + description
                + "\",\"latitude\":12.97,\"longitude\":77.59,\"totalInventory\":5,\"remainingInventory\":4,"
                + "\"validFrom\":\"2026-03-01T12:00:00Z\",\"validUntil\":\"2026-03-01T14:00:00Z\",\"status\":\""
                + status + "\",\"claimCount\":1}";
    }

    private CliRun.Result run(FakeHttpPeer peer, String... args) {
        return CliRun.run(CliRun.env(dir, CLOCK, "FLASHDEAL_SERVER", peer.url(), "FLASHDEAL_API_KEY", KEY), args);
    }

    private static FakeHttpPeer serving(String json) {
        return new FakeHttpPeer(s -> new Answer(200, "application/json", json, Map.of()));
    }

    @Test
    void dealListShowsHostileTitlesAsInertText() {
        try (FakeHttpPeer peer = serving("{\"deals\":[" + deal(HOSTILE_JSON, "", "ACT\\u001b[5mIVE") + "]}")) {
            CliRun.Result r = run(peer, "deal", "list");

            assertThat(r.exitCode()).as(r.toString()).isZero();
            // The title is clipped to 32 characters before it is made inert.
            String title = "A\\u001B[2JB\\u001B]0;pwned\\u0007C\\u001B]8;;http://x\\u001B…";
            String status = "ACT\\u001B[5mIVE";
            assertThat(r.out())
                    .isEqualTo(String.format(
                            "%-38s%-" + (title.length() + 2) + "s%-" + (status.length() + 2)
                                    + "s%-17s%-8s%s%n%-38s%s  %s  %-17s%-8s%s%n",
                            "ID",
                            "TITLE",
                            "STATUS",
                            "REMAINING/TOTAL",
                            "CLAIMS",
                            "ENDS",
                            ID,
                            title,
                            status,
                            "4/5",
                            "1",
                            "2026-03-01 14:00:00 UTC"));
        }
    }

    @Test
    void dealShowEscapesTitleAndDescriptionAndKeepsDescriptionLinesUnderTheirField() {
        try (FakeHttpPeer peer = serving(deal(HOSTILE_JSON, "line one\\n\\tstatus: ENDED\\r\\u001b[1A", "ACTIVE"))) {
            CliRun.Result r = run(peer, "deal", "show", ID.toString());

            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.out())
                    .isEqualTo("id:          " + ID + "\n"
                            + "title:       " + INERT + "\n"
                            + "description: line one\n"
                            + "             \tstatus: ENDED\\u000D\\u001B[1A\n"
                            + "status:      ACTIVE\n"
                            + "remaining:   4 of 5\n"
                            + "claims:      1\n"
                            + "location:    12.97, 77.59\n"
                            + "starts:      2026-03-01 12:00:00 UTC\n"
                            + "ends:        2026-03-01 14:00:00 UTC\n");
        }
    }

    @Test
    void jsonOutputEscapesEveryControlIncludingThoseJsonWouldLetThrough() {
        try (FakeHttpPeer peer = serving(deal(HOSTILE_JSON, "", "ACTIVE"))) {
            CliRun.Result r = run(peer, "deal", "show", ID.toString(), "-o", "json");

            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.out()).contains("\"title\" : \"" + INERT.replace("\\D", "\\\\D") + "\"");
            assertNoRawControls(r.out());
        }
    }

    @Test
    void redemptionsListShowsHostileDeviceIdsAndReasonsAsInertText() {
        String body = "{\"redemptions\":[{\"id\":\"r1\",\"dealId\":\"d\\u001b]0;x\\u0007\",\"userId\":\"u\\u202e1\","
                + "\"deviceId\":\"till\\u001b[2J\",\"scannedAt\":\"2026-03-01T12:00:00Z\",\"status\":\"CONFLICT\","
                + "\"conflictReason\":\"already\\nredeemed\\u009b\"}]}";
        try (FakeHttpPeer peer = serving(body)) {
            CliRun.Result r = run(peer, "redemptions", "list");

            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.out().lines().toList().get(1))
                    .isEqualTo("2026-03-01 12:00:00 UTC  d\\u001B]0;x\\u0007  u\\u202E1  till\\u001B[2J  CONFLICT"
                            + "  already redeemed\\u009B");
            assertNoRawControls(r.out());
        }
    }

    @Test
    void aServersDetailInAnErrorIsInert() {
        try (FakeHttpPeer peer = new FakeHttpPeer(s -> Answer.problem(400, "validation", "bad \\u001b[2J\\u202e"))) {
            CliRun.Result r = run(peer, "deal", "show", ID.toString());

            assertThat(r.exitCode()).isEqualTo(ExitCodes.REJECTED);
            assertThat(r.err()).isEqualTo("flashdeal: bad \\u001B[2J\\u202E (400)\n");
        }
    }

    @Test
    void csvCellsEchoedInTheImportReportAreInertAndControlsInTitlesAreRefusedLocally() throws Exception {
        Path file = dir.resolve("deals.csv");
        Files.writeString(
                file,
                "title,lat,lng,inventory,duration\n" + "Dosa\u001b[2J,1,2,5,2h\n" + "Idli,1,2,5\u001b]0;x\u0007,2h\n"
                        + "Vada,1,2,5,2h\u202e\n");
        try (FakeHttpPeer peer = serving("{}")) {
            CliRun.Result r = run(peer, "deal", "import", file.toString());
            CliRun.Result json = run(peer, "deal", "import", file.toString(), "-o", "json");

            assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.IMPORT_REJECTED_ROWS);
            assertThat(r.out())
                    .isEqualTo(
                            file + ": 0 created, 0 already existed, 3 rejected (3 of 3 rows processed).\n"
                                    + "Rejected rows (fix them and import the file again):\n"
                                    + "  row 2: title contains the control character U+001B at position 5"
                                    + " (only line breaks and tabs are allowed)\n"
                                    + "  row 3: inventory is not a whole number: '5\\u001B]0;x\\u0007'\n"
                                    + "  row 4: duration: '2h\\u202E' is not a duration (use e.g. 90m, 2h, 1d, 1h30m or PT2H)\n");
            assertNoRawControls(r.out());
            assertNoRawControls(json.out());
            assertThat(peer.seen).isEmpty();
        }
    }

    private static void assertNoRawControls(String out) {
        assertThat(out.chars()
                        .filter(c -> (c < 0x20 && c != '\n' && c != '\t')
                                || (c >= 0x7F && c <= 0x9F)
                                || (c >= 0x202A && c <= 0x202E)
                                || (c >= 0x2066 && c <= 0x2069)))
                .as(out)
                .isEmpty();
    }
}
