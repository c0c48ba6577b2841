package com.hyperlocal.flashsale.discovery;

/** Great-circle distance on a sphere of the mean Earth radius. Mirrors the SQL in {@link NearbyDealQuery}. */
final class Haversine {

    static final double EARTH_RADIUS_KM = 6371.0088;

    private Haversine() {}

    static double distanceKm(double lat1, double lng1, double lat2, double lng2) {
        double sinDLat = Math.sin(Math.toRadians(lat2 - lat1) / 2);
        double sinDLng = Math.sin(Math.toRadians(lng2 - lng1) / 2);
        double a =
                sinDLat * sinDLat + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * sinDLng * sinDLng;
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1.0, Math.sqrt(a)));
    }
}
