package com.hyperlocal.flashsale.cli.deal;

import com.hyperlocal.flashsale.cli.Terminal;
import com.hyperlocal.flashsale.client.CreateDealRequest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A deal as typed on the command line or in a CSV row, checked locally with the server's rules
 * so mistakes are reported before anything is sent, each with its own message.
 *
 * @param starts   null means "now" (the server's now: validFrom is then not sent)
 * @param ends     exactly one of ends and duration must be given
 */
public record DealDraft(
        String title,
        @Nullable String description,
        double latitude,
        double longitude,
        long inventory,
        @Nullable Instant starts,
        @Nullable Instant ends,
        @Nullable Duration duration) {

    public static final int MAX_TITLE = 120;
    public static final int MAX_DESCRIPTION = 2000;
    public static final long MAX_INVENTORY = 1_000_000;
    public static final Duration MAX_LENGTH = Duration.ofDays(366);

    /** Every rule broken, in a stable order; empty when the draft can be sent. */
    public List<String> problems(Instant now) {
        List<String> p = new ArrayList<>();
        if (title == null || title.isBlank()) {
            p.add("title must not be blank");
        } else if (title.strip().length() > MAX_TITLE) {
            p.add("title is " + title.strip().length() + " characters; at most " + MAX_TITLE + " allowed");
        }
        if (description != null && description.length() > MAX_DESCRIPTION) {
            p.add("description is " + description.length() + " characters; at most " + MAX_DESCRIPTION + " allowed");
        }
        refused("title", title, p);
        refused("description", description, p);
        if (!(latitude >= -90 && latitude <= 90)) { // also catches NaN
            p.add("latitude must be between -90 and 90 (got " + latitude + ")");
        }
        if (!(longitude >= -180 && longitude <= 180)) {
            p.add("longitude must be between -180 and 180 (got " + longitude + ")");
        }
        if (inventory < 1 || inventory > MAX_INVENTORY) {
            p.add("inventory must be between 1 and 1,000,000 (got " + inventory + ")");
        }
        if (ends != null && duration != null) {
            p.add("give either an end time or a duration, not both");
        } else if (ends == null && duration == null) {
            p.add("give an end time (--ends / ends) or a duration (--duration / duration)");
        } else if (duration != null && duration.compareTo(MAX_LENGTH) > 0) {
            p.add("duration must be at most 366 days (got " + pretty(duration) + ")");
        } else {
            Instant start = starts == null ? now : starts;
            Instant end = end(now);
            if (!end.isAfter(start)) {
                p.add("end time " + end + " must be after the start time " + start);
            } else if (!end.isAfter(now)) {
                p.add("end time " + end + " is in the past");
            } else if (Duration.between(start, end).compareTo(MAX_LENGTH) > 0) {
                p.add("a deal may run at most 366 days (" + start + " to " + end + " is longer)");
            }
        }
        return p;
    }

    private static void refused(String field, @Nullable String text, List<String> p) {
        if (text == null) {
            return;
        }
        int at = Terminal.firstRefused(text);
        if (at >= 0) {
            p.add(field + " contains the control character U+" + String.format("%04X", (int) text.charAt(at))
                    + " at position " + (at + 1) + " (only line breaks and tabs are allowed)");
        }
    }

    /** The end instant: given, or start (or now) plus the duration, in whole seconds. */
    public Instant end(Instant now) {
        // Whole seconds: "2h from now" should read 10:08:49Z, not 10:08:49.943418Z.
        if (ends != null) {
            return ends;
        }
        Duration length = Objects.requireNonNull(duration, "a draft without an end time has a duration (see problems)");
        return (starts == null ? now : starts).plus(length).truncatedTo(ChronoUnit.SECONDS);
    }

    /** The request body; call only when {@link #problems} is empty. */
    public CreateDealRequest toRequest(Instant now) {
        return request(end(now), null);
    }

    /**
     * The request body of an imported row: like {@link #toRequest}, except that a window starting
     * now is sent as a duration, so the same row is the same request on every run.
     */
    CreateDealRequest toImportRequest(Instant now) {
        return starts == null && duration != null ? request(null, duration) : toRequest(now);
    }

    private CreateDealRequest request(@Nullable Instant validUntil, @Nullable Duration length) {
        return new CreateDealRequest(
                title.strip(),
                description == null || description.isBlank() ? null : description,
                latitude,
                longitude,
                (int) inventory,
                starts,
                validUntil,
                length);
    }

    /**
     * The same deal with its text and numbers in one canonical spelling: whitespace in the title
     * collapsed to single spaces; in the description line ends unified, each line's spaces
     * collapsed and trimmed, blank lines at most one in a row; coordinates rounded to 6 decimals
     * (about 0.1 m). What is sent is this, so what identifies a row is what the server gets.
     */
    DealDraft normalised() {
        String d = description == null ? null : normaliseText(description);
        return new DealDraft(
                title.replaceAll("[\\h\\v]+", " ").strip(),
                d == null || d.isEmpty() ? null : d,
                round(latitude),
                round(longitude),
                inventory,
                starts,
                ends,
                duration);
    }

    private static String normaliseText(String text) {
        StringBuilder sb = new StringBuilder();
        for (String line : text.split("\\R", -1)) {
            sb.append(line.replaceAll("\\h+", " ").strip()).append('\n');
        }
        return sb.toString().replaceAll("\n{3,}", "\n\n").strip();
    }

    private static double round(double x) {
        return Double.isFinite(x)
                ? BigDecimal.valueOf(x).setScale(6, RoundingMode.HALF_EVEN).doubleValue()
                : x;
    }

    static String pretty(Duration d) {
        return d.toDays() > 0 ? d.toDays() + " days" : d.toString();
    }
}
