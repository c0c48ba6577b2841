package com.hyperlocal.flashsale.discovery;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Active deals per coarse cell (0.1° × 0.1°), recounted now and then by one aggregate query, to
 * guess whether a small ring can possibly hold {@code limit} deals. The guess only decides which
 * rings to skip; the answer always comes from an exact ring, so a wrong or stale guess costs time,
 * never correctness. Until the first count exists, nothing is skipped. The gauge
 * {@code flashsale.discovery.density.count.time} (seconds since the epoch, like
 * {@code process.start.time}) tells when the grid in use was counted, NaN before the first count.
 */
@Component
class DensityGrid {

    static final TileGrid CELLS = new TileGrid(0.1);
    /** Rings whose boxes touch more cells than this (near a pole) are never skipped. */
    private static final int MAX_CELLS = 4_096;

    private static final String SQL = """
            SELECT floor(latitude / 0.1)::int AS row, floor(longitude / 0.1)::int AS col, count(*) AS deals
            FROM deals
            WHERE valid_from <= :now AND valid_until > :now AND remaining_inventory > 0
            GROUP BY 1, 2
            """;

    /** Cell keys in ascending order, with the density of each in deals per km². */
    private record Snapshot(long[] keys, double[] perKm2, Instant countedAt) {
        double at(long key) {
            int i = Arrays.binarySearch(keys, key);
            return i >= 0 ? perKm2[i] : 0;
        }
    }

    private record Cell(long key, double perKm2) {}

    private final DiscoveryReads reads;
    private volatile @Nullable Snapshot snapshot;

    DensityGrid(DiscoveryReads reads, MeterRegistry meters) {
        this.reads = reads;
        Gauge.builder("flashsale.discovery.density.count.time", this, DensityGrid::countedAtEpochSeconds)
                .baseUnit("seconds")
                .description("When the density grid in use was counted")
                .register(meters);
    }

    /** Counts again (one statement over all deals) and swaps the new grid in. */
    void refresh(Instant now) {
        List<Cell> cells = reads.query(jdbc -> {
            List<Cell> counted = new ArrayList<>();
            jdbc.sql(SQL).param("now", now.atOffset(ZoneOffset.UTC)).query(rs -> {
                int row = rs.getInt(1);
                counted.add(new Cell(TileGrid.key(row, rs.getInt(2)), rs.getLong(3) / cellAreaKm2(row)));
            });
            return counted;
        });
        cells.sort(Comparator.comparingLong(Cell::key));
        snapshot = new Snapshot(
                cells.stream().mapToLong(Cell::key).toArray(),
                cells.stream().mapToDouble(Cell::perKm2).toArray(),
                now);
    }

    void clear() {
        snapshot = null;
    }

    boolean ready() {
        return snapshot != null;
    }

    private double countedAtEpochSeconds() {
        Snapshot s = snapshot;
        return s == null ? Double.NaN : s.countedAt().toEpochMilli() / 1000.0;
    }

    /**
     * The deals a ring of {@code ringKm} would hold if the densest cell its boxes touch were
     * uniform: density × πr². Infinite while no count exists or the boxes touch too many cells.
     */
    double expectedDeals(List<LngLatBox> boxes, double ringKm) {
        Snapshot s = snapshot;
        if (s == null) {
            return Double.POSITIVE_INFINITY;
        }
        if (CELLS.count(boxes) > MAX_CELLS) {
            return Double.POSITIVE_INFINITY;
        }
        double max = CELLS.keys(boxes).mapToDouble(s::at).max().orElse(0);
        return max * Math.PI * ringKm * ringKm;
    }

    /** Area of a cell of latitude row {@code row} on the sphere: R² · Δλ · (sin φ2 − sin φ1). */
    private static double cellAreaKm2(int row) {
        double r = Haversine.EARTH_RADIUS_KM;
        double south = Math.toRadians(Math.max(-90, CELLS.lower(row)));
        double north = Math.toRadians(Math.min(90, CELLS.upper(row)));
        double area = r * r * Math.toRadians(CELLS.sizeDeg()) * (Math.sin(north) - Math.sin(south));
        return Math.max(area, 1e-6);
    }
}
