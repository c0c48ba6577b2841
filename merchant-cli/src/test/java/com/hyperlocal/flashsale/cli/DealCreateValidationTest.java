package com.hyperlocal.flashsale.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Local checks of {@code deal create}: every mistake is a usage error (exit 2) with its own
 * message, and nothing is sent. The server URL points at a closed port, so a request that slipped
 * through would surface as exit 6 instead.
 */
class DealCreateValidationTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private CliRun.Result create(String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "deal", "create", "--server", "http://127.0.0.1:9", "--api-key", "fsk_abcd1234_" + "x".repeat(43)));
        args.addAll(List.of(extra));
        return CliRun.run(CliRun.env(dir, CLOCK), args.toArray(String[]::new));
    }

    private static List<String> valid(String... overrides) {
        List<String> a =
                new ArrayList<>(List.of("--title", "Dosa", "--lat", "12.97", "--lng", "77.59", "--inventory", "50"));
        for (int i = 0; i < overrides.length; i += 2) {
            int at = a.indexOf(overrides[i]);
            if (at >= 0) {
                a.set(at + 1, overrides[i + 1]);
            } else {
                a.add(overrides[i]);
                a.add(overrides[i + 1]);
            }
        }
        return a;
    }

    @ParameterizedTest(name = "{0}={1} -> {2}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "--lat|91|latitude must be between -90 and 90 (got 91.0)",
                "--lat|-90.5|latitude must be between -90 and 90",
                "--lng|180.01|longitude must be between -180 and 180",
                "--inventory|0|inventory must be between 1 and 1,000,000 (got 0)",
                "--inventory|1000001|inventory must be between 1 and 1,000,000",
                "--title|\" \"|title must not be blank",
                "--duration|367d|duration must be at most 366 days",
                "--ends|2026-03-01T11:00:00Z|end time 2026-03-01T11:00:00Z must be after the start time",
                "--duration|0m|duration must be longer than zero",
                "--duration|soon|'soon' is not a duration (use e.g. 90m, 2h, 1d, 1h30m or PT2H)",
                "--ends|tomorrow|--ends: 'tomorrow' is not a date-time",
            })
    void eachMistakeIsAUsageErrorWithItsOwnMessage(String option, String value, String message) {
        List<String> args = valid(option, value);
        if (!option.equals("--duration") && !option.equals("--ends")) {
            args.addAll(List.of("--duration", "2h"));
        }
        CliRun.Result r = create(args.toArray(String[]::new));

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains(message).contains("Try 'flashdeal deal create --help'");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void longTitleAndDescriptionAreCounted() {
        CliRun.Result r =
                create(valid("--title", "t".repeat(121), "--description", "d".repeat(2001), "--duration", "2h")
                        .toArray(String[]::new));

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err())
                .contains("title is 121 characters; at most 120 allowed")
                .contains("description is 2001 characters; at most 2000 allowed");
        assertThat(r.err().lines().filter(l -> l.startsWith("flashdeal:")).count())
                .isEqualTo(1);
    }

    @Test
    void endsInThePastAndEndsPlusDurationTogether() {
        CliRun.Result past = create(valid("--starts", "2026-02-01T10:00", "--ends", "2026-02-01T12:00")
                .toArray(String[]::new));
        CliRun.Result both =
                create(valid("--ends", "2026-03-02T10:00", "--duration", "2h").toArray(String[]::new));
        CliRun.Result neither = create(valid().toArray(String[]::new));
        CliRun.Result tooLong = create(valid("--ends", "2027-03-05T00:00").toArray(String[]::new));

        assertThat(past.err()).contains("end time 2026-02-01T12:00:00Z is in the past");
        assertThat(both.err()).contains("either an end time or a duration, not both");
        assertThat(neither.err()).contains("give an end time");
        assertThat(tooLong.err()).contains("at most 366 days");
        assertThat(List.of(past, both, neither, tooLong)).allMatch(r -> r.exitCode() == ExitCodes.USAGE);
    }

    @Test
    void badNumbersAndMissingOptionsArePicocliUsageErrors() {
        assertThat(create(valid("--lat", "north", "--duration", "2h").toArray(String[]::new))
                        .exitCode())
                .isEqualTo(ExitCodes.USAGE);
        CliRun.Result missing = create("--title", "x");
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("Missing required options");
    }

    @Test
    void aValidDealGoesToTheServerAndAnUnreachableServerIsExit6() {
        CliRun.Result r = create(valid("--duration", "1h30m").toArray(String[]::new));

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(r.err())
                .startsWith("flashdeal: cannot reach the server at http://127.0.0.1:9: ")
                .doesNotContain("\tat ");
    }

    @Test
    void noApiKeyAnywhereIsALocalProblem() {
        CliRun.Result r = CliRun.run(CliRun.env(dir, CLOCK), "deal", "list");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.LOCAL);
        assertThat(r.err()).contains("no API key").contains("config set api-key");
    }
}
