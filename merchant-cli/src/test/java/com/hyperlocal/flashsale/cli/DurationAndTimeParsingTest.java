package com.hyperlocal.flashsale.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hyperlocal.flashsale.cli.deal.DateTimes;
import com.hyperlocal.flashsale.cli.deal.DurationParser;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationAndTimeParsingTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        "90m, PT1H30M",
        "2h, PT2H",
        "1d, PT24H",
        "1h30m, PT1H30M",
        "45s, PT45S",
        "1d2h, PT26H",
        "PT2H, PT2H",
        "pt15m, PT15M",
        "P1DT1H, PT25H",
        "' 2H ', PT2H"
    })
    void acceptsShortAndIsoForms(String text, String iso) {
        assertThat(DurationParser.parse(text)).isEqualTo(Duration.parse(iso));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "h", "2x", "1.5h", "-2h", "30m1h", "P", "two hours"})
    void rejectsOthersNamingTheAcceptedForms(String text) {
        assertThatThrownBy(() -> DurationParser.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a duration");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0m", "PT0S", "PT-1H"})
    void zeroIsRefused(String text) {
        assertThatThrownBy(() -> DurationParser.parse(text)).hasMessageContaining("longer than zero");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "2026-03-01T12:30:00Z, 2026-03-01T12:30:00Z",
        "2026-03-01T18:00+05:30, 2026-03-01T12:30:00Z",
        "2026-03-01T18:00, 2026-03-01T12:30:00Z",
        "2026-03-01 18:00, 2026-03-01T12:30:00Z",
        "2026-03-01T18:00:30, 2026-03-01T12:30:30Z"
    })
    void timesAreInstantsOffsetsOrLocalInTheShopsZone(String text, String expected) {
        assertThat(DateTimes.parse(text, ZoneId.of("Asia/Kolkata"))).isEqualTo(Instant.parse(expected));
    }
}
