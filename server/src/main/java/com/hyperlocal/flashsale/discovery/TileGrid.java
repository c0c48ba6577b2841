package com.hyperlocal.flashsale.discovery;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

/**
 * A fixed grid of square cells in degrees. Cell r spans [r·size, (r+1)·size) — the bounds are
 * these very doubles, in Java and in SQL alike, so the cells partition the map exactly and a
 * point on a boundary belongs to one cell only, whatever the rounding of lat / size.
 */
record TileGrid(double sizeDeg) {

    double lower(int index) {
        return index * sizeDeg;
    }

    double upper(int index) {
        return (index + 1) * sizeDeg;
    }

    /** The cell index whose [lower, upper) holds {@code v}. */
    int index(double v) {
        int i = (int) Math.floor(v / sizeDeg);
        while (lower(i) > v) {
            i--;
        }
        while (upper(i) <= v) {
            i++;
        }
        return i;
    }

    static long key(int row, int col) {
        return ((long) row << 32) | (col & 0xFFFF_FFFFL);
    }

    static int row(long key) {
        return (int) (key >> 32);
    }

    static int col(long key) {
        return (int) key;
    }

    long keyOf(double lat, double lng) {
        return key(index(lat), index(lng));
    }

    /** How many cells the boxes touch, counting a cell twice if two boxes share it. */
    long count(List<LngLatBox> boxes) {
        long count = 0;
        for (LngLatBox b : boxes) {
            count += (long) (index(b.maxLat()) - index(b.minLat()) + 1) * (index(b.maxLng()) - index(b.minLng()) + 1);
        }
        return count;
    }

    /** The keys of the cells the boxes touch, each once. */
    LongStream keys(List<LngLatBox> boxes) {
        return boxes.stream()
                .flatMapToLong(b -> IntStream.rangeClosed(index(b.minLat()), index(b.maxLat()))
                        .mapToObj(row -> IntStream.rangeClosed(index(b.minLng()), index(b.maxLng()))
                                .mapToLong(col -> key(row, col)))
                        .flatMapToLong(cols -> cols))
                .distinct();
    }
}
