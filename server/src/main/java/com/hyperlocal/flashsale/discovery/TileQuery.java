package com.hyperlocal.flashsale.discovery;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Loads one fine tile: every deal located in it (half-open ranges, so a deal on an edge belongs to
 * one tile only) that is or may become active while the tile is cached. The closed
 * {@code location <@ box} term lets the GiST index find the rows; the ranges then cut exactly.
 */
@Repository
class TileQuery {

    private static final String SQL = """
            SELECT id, merchant_id, title, description, latitude, longitude, total_inventory,
                   remaining_inventory, valid_from, valid_until
            FROM deals d
            WHERE d.location <@ box(point(:minLng, :minLat), point(:maxLng, :maxLat))
              AND d.latitude >= :minLat AND d.latitude < :maxLat
              AND d.longitude >= :minLng AND d.longitude < :maxLng
              AND d.valid_until > :from AND d.valid_from <= :until AND d.remaining_inventory > 0
            """;

    private final DiscoveryReads reads;

    TileQuery(DiscoveryReads reads) {
        this.reads = reads;
    }

    /** A deal in some tile was created or closed: the next loads must see it (see {@link DiscoveryReads#queryTile}). */
    void listingChanged() {
        reads.listingChanged();
    }

    /** The tile {@code key} of {@code grid}, able to answer for any instant in [from, until). */
    Tile load(TileGrid grid, long key, Instant from, Instant until) {
        // Whole microseconds, as PostgreSQL stores them, so the tile's window is exactly the one queried.
        Instant start = from.truncatedTo(ChronoUnit.MICROS);
        Instant end = until.truncatedTo(ChronoUnit.MICROS);
        return reads.queryTile(jdbc -> load(jdbc, grid, key, start, end));
    }

    private static Tile load(JdbcClient jdbc, TileGrid grid, long key, Instant from, Instant until) {
        int row = TileGrid.row(key);
        int col = TileGrid.col(key);
        Tile.Builder tile = new Tile.Builder(Tile.micros(from), Tile.micros(until));
        jdbc.sql(SQL)
                .param("minLat", grid.lower(row))
                .param("maxLat", grid.upper(row))
                .param("minLng", grid.lower(col))
                .param("maxLng", grid.upper(col))
                .param("from", from.atOffset(ZoneOffset.UTC))
                .param("until", until.atOffset(ZoneOffset.UTC))
                .query(rs -> {
                    tile.add(
                            rs.getObject(1, UUID.class),
                            rs.getObject(2, UUID.class),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getDouble(5),
                            rs.getDouble(6),
                            rs.getInt(7),
                            rs.getInt(8),
                            rs.getTimestamp(9).toInstant(),
                            rs.getTimestamp(10).toInstant());
                });
        return tile.build();
    }
}
