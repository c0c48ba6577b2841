package com.hyperlocal.flashsale.verifier.ui;

import java.text.MessageFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.jspecify.annotations.Nullable;

/**
 * The screen's texts from {@code messages*.properties} (English, Hindi), in the locale chosen in
 * Settings or the system's; and how times and ages read in that locale.
 */
final class Messages {

    static final String BUNDLE = "com.hyperlocal.flashsale.verifier.ui.messages";
    /** Languages with a bundle, offered in Settings. */
    static final Locale[] LANGUAGES = {Locale.ENGLISH, Locale.forLanguageTag("hi")};

    private final ResourceBundle bundle;
    private final Locale locale;
    private final DateTimeFormatter time;

    Messages(Locale locale) {
        this.locale = locale;
        // No fallback to the system locale: "English" chosen in Settings on a Hindi system must
        // give the base (English) file, not messages_hi.
        this.bundle = ResourceBundle.getBundle(
                BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        this.time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale);
    }

    /** The language tag from the settings; blank = the system's. */
    static Messages forLanguage(String tag) {
        return new Messages(tag == null || tag.isBlank() ? Locale.getDefault() : Locale.forLanguageTag(tag));
    }

    Locale locale() {
        return locale;
    }

    String get(String key, @Nullable Object... args) {
        String pattern = bundle.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    /** The text for {@code key}, or {@code fallback} when the bundle has none (e.g. a new reason code). */
    String getOr(String key, String fallback, @Nullable Object... args) {
        try {
            return get(key, args);
        } catch (MissingResourceException e) {
            return fallback;
        }
    }

    String time(@Nullable Instant t, ZoneId zone) {
        return t == null ? get("time.never") : time.format(t.atZone(zone));
    }

    String age(@Nullable Duration d) {
        if (d == null) {
            return get("time.never");
        }
        if (d.toDays() >= 1) {
            return d.toDays() == 1 ? get("age.day") : get("age.days", d.toDays());
        }
        if (d.toHours() >= 1) {
            return d.toHours() == 1 ? get("age.hour") : get("age.hours", d.toHours());
        }
        return get("age.minutes", Math.max(1, d.toMinutes()));
    }

    /** "3 hours ago", "just now", "never". */
    String since(@Nullable Instant then, Instant now) {
        if (then == null) {
            return get("time.never");
        }
        Duration d = Duration.between(then, now);
        return d.isNegative() || d.toMinutes() < 1 ? get("age.justNow") : get("age.ago", age(d));
    }
}
