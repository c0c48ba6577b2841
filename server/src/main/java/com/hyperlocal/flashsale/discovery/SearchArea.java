package com.hyperlocal.flashsale.discovery;

import java.util.List;

/**
 * The boxes that together contain every point within {@code radiusKm} of a centre, for the
 * index prefilter. The exact Haversine check comes after, so the boxes may be larger than the
 * circle but never smaller.
 *
 * <p>Latitude spans ±r (r = angular radius). Longitude spans ±asin(sin r / cos lat), the
 * meridians tangent to the circle; that is exact on the sphere. When the circle reaches a pole
 * every longitude is in range. A span past ±180° is split into two boxes at the antimeridian.
 */
final class SearchArea {

    /** Guards the box edges against rounding; far below any distance a shopper cares about. */
    private static final double MARGIN_DEG = 1e-9;

    private SearchArea() {}

    static List<LngLatBox> around(double lat, double lng, double radiusKm) {
        double angular = radiusKm / Haversine.EARTH_RADIUS_KM;
        double angularDeg = Math.toDegrees(angular);
        double minLat = lat - angularDeg - MARGIN_DEG;
        double maxLat = lat + angularDeg + MARGIN_DEG;
        if (minLat <= -90 || maxLat >= 90) {
            // A pole lies inside the circle: all longitudes, latitudes up to the pole.
            return List.of(new LngLatBox(-180, Math.max(minLat, -90), 180, Math.min(maxLat, 90)));
        }
        double deltaLng = Math.toDegrees(Math.asin(Math.sin(angular) / Math.cos(Math.toRadians(lat)))) + MARGIN_DEG;
        double minLng = lng - deltaLng;
        double maxLng = lng + deltaLng;
        if (maxLng - minLng >= 360) {
            return List.of(new LngLatBox(-180, minLat, 180, maxLat));
        }
        if (minLng < -180) {
            return List.of(
                    new LngLatBox(minLng + 360, minLat, 180, maxLat), new LngLatBox(-180, minLat, maxLng, maxLat));
        }
        if (maxLng > 180) {
            return List.of(
                    new LngLatBox(minLng, minLat, 180, maxLat), new LngLatBox(-180, minLat, maxLng - 360, maxLat));
        }
        return List.of(new LngLatBox(minLng, minLat, maxLng, maxLat));
    }
}
