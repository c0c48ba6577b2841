package com.hyperlocal.flashsale.discovery;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The deals of one fine tile as loaded from PostgreSQL, column by column in arrays (about 100
 * bytes a deal plus its strings). It holds every deal of the tile with {@code remaining > 0},
 * {@code valid_until > fromMicros} and {@code valid_from <= untilMicros}, so for any instant in
 * [fromMicros, untilMicros) the exact activity check can be made here, in Java.
 */
final class Tile {

    private final long fromMicros;
    private final long untilMicros;
    private final int size;
    private final long[] ids; // msb, lsb per deal
    private final long[] merchants; // msb, lsb per deal
    private final double[] lats;
    private final double[] lngs;
    private final int[] totals;
    private final int[] remainings;
    private final long[] validFroms; // epoch microseconds
    private final long[] validUntils;
    private final String[] titles;
    private final String[] descriptions;
    private final DealJson[] json; // encoded on a deal's first answer, reused until the tile expires

    private Tile(Builder b) {
        this.fromMicros = b.fromMicros;
        this.untilMicros = b.untilMicros;
        this.size = b.size;
        this.ids = Arrays.copyOf(b.ids, 2 * size);
        this.merchants = Arrays.copyOf(b.merchants, 2 * size);
        this.lats = Arrays.copyOf(b.lats, size);
        this.lngs = Arrays.copyOf(b.lngs, size);
        this.totals = Arrays.copyOf(b.totals, size);
        this.remainings = Arrays.copyOf(b.remainings, size);
        this.validFroms = Arrays.copyOf(b.validFroms, size);
        this.validUntils = Arrays.copyOf(b.validUntils, size);
        this.titles = Arrays.copyOf(b.titles, size);
        this.descriptions = Arrays.copyOf(b.descriptions, size);
        this.json = new DealJson[size];
        Arrays.setAll(json, i -> new DealJson());
    }

    int size() {
        return size;
    }

    /** Whether this tile can answer exactly at {@code nowMicros}. */
    boolean usableAt(long nowMicros) {
        return nowMicros >= fromMicros && nowMicros < untilMicros;
    }

    /** Adds the deals active at {@code nowMicros} inside one of the boxes and within {@code ringKm} of the centre. */
    void collect(List<LngLatBox> boxes, double lat, double lng, double ringKm, long nowMicros, NearestDeals out) {
        for (int i = 0; i < size; i++) {
            if (validFroms[i] <= nowMicros && validUntils[i] > nowMicros && inAny(boxes, lats[i], lngs[i])) {
                double km = Haversine.distanceKm(lat, lng, lats[i], lngs[i]);
                if (km <= ringKm) {
                    out.offer(this, i, km);
                }
            }
        }
    }

    private static boolean inAny(List<LngLatBox> boxes, double lat, double lng) {
        for (LngLatBox b : boxes) {
            if (lat >= b.minLat() && lat <= b.maxLat() && lng >= b.minLng() && lng <= b.maxLng()) {
                return true;
            }
        }
        return false;
    }

    long idMsb(int i) {
        return ids[2 * i];
    }

    long idLsb(int i) {
        return ids[2 * i + 1];
    }

    NearbyDeal toDeal(int i, double distanceKm) {
        return new NearbyDeal(
                new UUID(ids[2 * i], ids[2 * i + 1]),
                new UUID(merchants[2 * i], merchants[2 * i + 1]),
                titles[i],
                descriptions[i],
                lats[i],
                lngs[i],
                totals[i],
                remainings[i],
                instant(validFroms[i]),
                instant(validUntils[i]),
                distanceKm,
                json[i]);
    }

    static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }

    private static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }

    /** Collects rows while a tile loads; arrays grow by doubling. */
    static final class Builder {
        private final long fromMicros;
        private final long untilMicros;
        private int size;
        private long[] ids = new long[16];
        private long[] merchants = new long[16];
        private double[] lats = new double[8];
        private double[] lngs = new double[8];
        private int[] totals = new int[8];
        private int[] remainings = new int[8];
        private long[] validFroms = new long[8];
        private long[] validUntils = new long[8];
        private String[] titles = new String[8];
        private String[] descriptions = new String[8];

        Builder(long fromMicros, long untilMicros) {
            this.fromMicros = fromMicros;
            this.untilMicros = untilMicros;
        }

        void add(
                UUID id,
                UUID merchant,
                String title,
                String description,
                double lat,
                double lng,
                int total,
                int remaining,
                Instant validFrom,
                Instant validUntil) {
            if (size == lats.length) {
                grow(2 * size);
            }
            ids[2 * size] = id.getMostSignificantBits();
            ids[2 * size + 1] = id.getLeastSignificantBits();
            merchants[2 * size] = merchant.getMostSignificantBits();
            merchants[2 * size + 1] = merchant.getLeastSignificantBits();
            titles[size] = title;
            descriptions[size] = description.isEmpty() ? "" : description; // one shared empty string
            lats[size] = lat;
            lngs[size] = lng;
            totals[size] = total;
            remainings[size] = remaining;
            validFroms[size] = micros(validFrom);
            validUntils[size] = micros(validUntil);
            size++;
        }

        private void grow(int capacity) {
            ids = Arrays.copyOf(ids, 2 * capacity);
            merchants = Arrays.copyOf(merchants, 2 * capacity);
            lats = Arrays.copyOf(lats, capacity);
            lngs = Arrays.copyOf(lngs, capacity);
            totals = Arrays.copyOf(totals, capacity);
            remainings = Arrays.copyOf(remainings, capacity);
            validFroms = Arrays.copyOf(validFroms, capacity);
            validUntils = Arrays.copyOf(validUntils, capacity);
            titles = Arrays.copyOf(titles, capacity);
            descriptions = Arrays.copyOf(descriptions, capacity);
        }

        Tile build() {
            return new Tile(this);
        }
    }
}
