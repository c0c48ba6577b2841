package com.hyperlocal.flashsale.cli.deal;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Durations as people type them: {@code 90m}, {@code 2h}, {@code 1d}, {@code 1h30m}, {@code 45s},
 * or ISO-8601 ({@code PT2H}, {@code P1DT2H}). Must be positive.
 */
public final class DurationParser implements ITypeConverter<Duration> {

    private static final Pattern SHORT =
            Pattern.compile("(?:(\\d{1,6})d)?(?:(\\d{1,7})h)?(?:(\\d{1,9})m)?(?:(\\d{1,10})s)?");

    @Override
    public Duration convert(String value) {
        try {
            return parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }

    /** Parses or throws IllegalArgumentException with a message naming the accepted forms. */
    public static Duration parse(String value) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT).replace(" ", "");
        Duration d = null;
        if (v.startsWith("p")) {
            try {
                d = Duration.parse(v.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                d = null;
            }
        } else if (!v.isEmpty()) {
            Matcher m = SHORT.matcher(v);
            if (m.matches()) {
                d = Duration.ofDays(group(m, 1))
                        .plusHours(group(m, 2))
                        .plusMinutes(group(m, 3))
                        .plusSeconds(group(m, 4));
            }
        }
        if (d == null) {
            throw new IllegalArgumentException(
                    "'" + value + "' is not a duration (use e.g. 90m, 2h, 1d, 1h30m or PT2H)");
        }
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("duration must be longer than zero (got '" + value + "')");
        }
        return d;
    }

    private static long group(Matcher m, int i) {
        return m.group(i) == null ? 0 : Long.parseLong(m.group(i));
    }
}
