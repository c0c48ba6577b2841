package com.hyperlocal.flashsale.verifier.ui;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How times and ages read on screen. */
final class Texts {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

    private Texts() {
    }

    static String time(Instant t, ZoneId zone) {
        return t == null ? "never" : TIME.format(t.atZone(zone));
    }

    static String age(Duration d) {
        if (d == null) {
            return "?";
        }
        if (d.isNegative()) {
            return "just now";
        }
        if (d.toDays() >= 1) {
            return d.toDays() + (d.toDays() == 1 ? " day" : " days");
        }
        if (d.toHours() >= 1) {
            return d.toHours() + (d.toHours() == 1 ? " hour" : " hours");
        }
        return Math.max(1, d.toMinutes()) + " min";
    }
}
