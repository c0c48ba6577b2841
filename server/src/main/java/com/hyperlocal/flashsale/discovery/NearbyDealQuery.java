package com.hyperlocal.flashsale.discovery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Active deals within a radius, nearest first. The {@code location <@ box} terms use the GiST
 * index on {@code deals.location}; the Haversine expression then keeps only exact matches.
 */
@Repository
class NearbyDealQuery {

    private static final String SQL = """
            SELECT id, merchant_id, title, description, latitude, longitude, total_inventory,
                   remaining_inventory, valid_from, valid_until, distance_km
            FROM (
                SELECT d.*, 2 * :earthRadius * asin(least(1.0, sqrt(
                           power(sin(radians(d.latitude - :lat) / 2), 2)
                           + cos(radians(:lat)) * cos(radians(d.latitude))
                             * power(sin(radians(d.longitude - :lng) / 2), 2)))) AS distance_km
                FROM deals d
                WHERE (%s)
                  AND d.valid_from <= :now AND d.valid_until > :now AND d.remaining_inventory > 0
            ) candidates
            WHERE distance_km <= :radiusKm
            ORDER BY distance_km, id
            LIMIT :limit
            """;

    static final double FIRST_RING_KM = 0.25;
    static final double RING_GROWTH = 4;

    private final DiscoveryReads reads;

    NearbyDealQuery(DiscoveryReads reads) {
        this.reads = reads;
    }

    /**
     * Searches growing rings (0.25 km, ×4 each step, up to {@code radiusKm}) and stops at the first
     * ring that holds {@code limit} deals. That is exact: every deal outside a ring is farther away
     * than every deal inside it. In a dense spot the first ring answers, so the cost follows the
     * answer's size rather than the number of deals within the radius.
     */
    List<NearbyDeal> find(double lat, double lng, double radiusKm, int limit, Instant now) {
        double ring = Math.min(FIRST_RING_KM, radiusKm);
        while (true) {
            List<NearbyDeal> found = findWithin(lat, lng, ring, limit, now);
            if (found.size() >= limit || ring >= radiusKm) {
                return found;
            }
            ring = Math.min(radiusKm, ring * RING_GROWTH);
        }
    }

    /** The {@code limit} active deals nearest the centre within {@code radiusKm}, nearest first, ties by id. */
    List<NearbyDeal> findWithin(double lat, double lng, double radiusKm, int limit, Instant now) {
        List<LngLatBox> boxes = SearchArea.around(lat, lng, radiusKm);
        StringBuilder prefilter = new StringBuilder();
        for (int i = 0; i < boxes.size(); i++) {
            prefilter
                    .append(i == 0 ? "" : " OR ")
                    .append("d.location <@ box(point(:minLng")
                    .append(i)
                    .append(", :minLat")
                    .append(i)
                    .append("), point(:maxLng")
                    .append(i)
                    .append(", :maxLat")
                    .append(i)
                    .append("))");
        }
        String sql = SQL.formatted(prefilter);
        return reads.query(jdbc -> run(jdbc.sql(sql), boxes, lat, lng, radiusKm, limit, now));
    }

    private static List<NearbyDeal> run(
            JdbcClient.StatementSpec statement,
            List<LngLatBox> boxes,
            double lat,
            double lng,
            double radiusKm,
            int limit,
            Instant now) {
        statement = statement
                .param("earthRadius", Haversine.EARTH_RADIUS_KM)
                .param("lat", lat)
                .param("lng", lng)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .param("radiusKm", radiusKm)
                .param("limit", limit);
        for (int i = 0; i < boxes.size(); i++) {
            LngLatBox box = boxes.get(i);
            statement = statement
                    .param("minLng" + i, box.minLng())
                    .param("minLat" + i, box.minLat())
                    .param("maxLng" + i, box.maxLng())
                    .param("maxLat" + i, box.maxLat());
        }
        return statement.query(NearbyDealQuery::row).list();
    }

    private static NearbyDeal row(ResultSet rs, int rowNum) throws SQLException {
        return new NearbyDeal(
                rs.getObject("id", UUID.class),
                rs.getObject("merchant_id", UUID.class),
                rs.getString("title"),
                rs.getString("description"),
                rs.getDouble("latitude"),
                rs.getDouble("longitude"),
                rs.getInt("total_inventory"),
                rs.getInt("remaining_inventory"),
                rs.getTimestamp("valid_from").toInstant(),
                rs.getTimestamp("valid_until").toInstant(),
                rs.getDouble("distance_km"),
                new DealJson());
    }
}
