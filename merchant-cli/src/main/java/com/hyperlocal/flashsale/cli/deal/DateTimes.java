package com.hyperlocal.flashsale.cli.deal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * Start and end times: an ISO instant ({@code 2026-03-01T12:00:00Z}), an offset date-time
 * ({@code 2026-03-01T17:30+05:30}) or a local date-time in the shop's zone
 * ({@code 2026-03-01T18:00}, {@code 2026-03-01 18:00}).
 */
public final class DateTimes {

    private DateTimes() {}

    /** Parses or throws IllegalArgumentException with a message showing the accepted forms. */
    public static Instant parse(String value, ZoneId zone) {
        String v = value == null ? "" : value.strip();
        // "2026-03-01 18:00" is how people write it; ISO wants the T.
        if (v.length() > 10 && v.charAt(10) == ' ') {
            v = v.substring(0, 10) + 'T' + v.substring(11).strip();
        }
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            // try the next form
        }
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            // try the next form
        }
        try {
            return LocalDateTime.parse(v).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + value + "' is not a date-time (use e.g. "
                    + "2026-03-01T18:00 in local time, or 2026-03-01T12:30:00Z)");
        }
    }
}
