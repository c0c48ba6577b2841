package com.hyperlocal.flashsale.cli;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Times as people read them: whole seconds, in the shop's zone with the zone shown
 * ({@code 2026-03-01 17:30:00 IST}), or in UTC with {@code --utc}. JSON output keeps ISO-8601.
 */
public final class Times {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", Locale.ENGLISH);
    private static final ZoneId UTC = ZoneId.of("UTC");

    private final ZoneId zone;

    public Times(ZoneId zone, boolean utc) {
        // ZoneOffset.UTC would print as "Z"; the region id prints "UTC".
        this.zone = utc || zone.normalized().equals(ZoneOffset.UTC) ? UTC : zone;
    }

    /** Null (a time the server did not send) stays null: tables show it as "-". */
    public @Nullable String format(@Nullable Instant instant) {
        return instant == null ? null : FORMAT.format(instant.atZone(zone));
    }
}
