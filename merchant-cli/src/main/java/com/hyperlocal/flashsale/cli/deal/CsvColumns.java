package com.hyperlocal.flashsale.cli.deal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The import file's header: which column holds what, and turning a row into a draft. */
final class CsvColumns {

    static final String EXPECTED = "title,description,lat,lng,inventory,starts,ends,duration";
    /** Optional: the merchant's own name for the row's deal (see {@link ImportRow}). */
    static final String KEY = "key";

    private static final List<String> KNOWN = List.of((EXPECTED + "," + KEY).split(","));
    private static final List<String> REQUIRED = List.of("title", "lat", "lng", "inventory");

    private final Map<String, Integer> index;
    private final int count;

    private CsvColumns(Map<String, Integer> index, int count) {
        this.index = index;
        this.count = count;
    }

    /** Columns may come in any order; unknown or missing ones are a mistake in the file. */
    static CsvColumns of(Csv.Record header) {
        if (header.error() != null) {
            throw new IllegalArgumentException("the header row is malformed: " + header.error());
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.fields().size(); i++) {
            String name = header.fields().get(i).strip().toLowerCase(Locale.ROOT);
            if (!KNOWN.contains(name)) {
                throw new IllegalArgumentException(
                        "unknown column '" + header.fields().get(i) + "' in the header (expected " + EXPECTED
                                + ", optionally " + KEY + ")");
            }
            if (index.put(name, i) != null) {
                throw new IllegalArgumentException("column '" + name + "' appears twice in the header");
            }
        }
        for (String required : REQUIRED) {
            if (!index.containsKey(required)) {
                throw new IllegalArgumentException(
                        "the header has no '" + required + "' column (expected " + EXPECTED + ")");
            }
        }
        if (!index.containsKey("ends") && !index.containsKey("duration")) {
            throw new IllegalArgumentException("the header needs an 'ends' or a 'duration' column");
        }
        return new CsvColumns(index, header.fields().size());
    }

    /** The row as a draft, or empty with the reasons added to {@code problems}. */
    Optional<DealDraft> draft(Csv.Record row, ZoneId zone, List<String> problems) {
        if (row.fields().size() != count) {
            problems.add("has " + row.fields().size() + " fields but the header has " + count
                    + " (quote fields that contain commas)");
            return Optional.empty();
        }
        String title = required(row, "title");
        String description = text(row, "description");
        double lat = number(row, "lat", problems);
        double lng = number(row, "lng", problems);
        long inventory = whole(row, "inventory", problems);
        Instant starts = time(row, "starts", zone, problems);
        Instant ends = time(row, "ends", zone, problems);
        Duration duration = null;
        String d = blankToNull(text(row, "duration"));
        if (d != null) {
            try {
                duration = DurationParser.parse(d);
            } catch (IllegalArgumentException e) {
                problems.add("duration: " + e.getMessage());
            }
        }
        return problems.isEmpty()
                ? Optional.of(new DealDraft(title, description, lat, lng, inventory, starts, ends, duration))
                : Optional.empty();
    }

    /** The row's own key (the optional {@code key} column), stripped; null when absent or blank. */
    @Nullable String key(Csv.Record row) {
        Integer i = index.get(KEY);
        return i == null || i >= row.fields().size()
                ? null
                : blankToNull(row.fields().get(i));
    }

    /** A column the header was checked to have ({@link #REQUIRED}). */
    private String required(Csv.Record row, String column) {
        return Objects.requireNonNull(text(row, column), () -> "the header has no required column " + column);
    }

    private @Nullable String text(Csv.Record row, String column) {
        Integer i = index.get(column);
        return i == null ? null : row.fields().get(i);
    }

    private double number(Csv.Record row, String column, List<String> problems) {
        String v = required(row, column).strip();
        try {
            double x = Double.parseDouble(v);
            if (!Double.isFinite(x) || v.chars().anyMatch(Character::isLetter)) {
                throw new NumberFormatException();
            }
            return x;
        } catch (NumberFormatException e) {
            problems.add(column + " is not a number: '" + v + "'");
            return Double.NaN;
        }
    }

    private long whole(Csv.Record row, String column, List<String> problems) {
        String v = required(row, column).strip().replace("_", "");
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            problems.add(
                    column + " is not a whole number: '" + required(row, column).strip() + "'");
            return 0;
        }
    }

    private @Nullable Instant time(Csv.Record row, String column, ZoneId zone, List<String> problems) {
        String v = blankToNull(text(row, column));
        if (v == null) {
            return null;
        }
        try {
            return DateTimes.parse(v, zone);
        } catch (IllegalArgumentException e) {
            problems.add(column + ": " + e.getMessage());
            return null;
        }
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
