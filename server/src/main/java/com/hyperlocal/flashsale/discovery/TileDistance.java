package com.hyperlocal.flashsale.discovery;

import java.util.Arrays;
import java.util.Comparator;

/**
 * A tile with a lower bound of the distance from the search centre to any point in it, for
 * visiting tiles nearest first. The bound is the distance to the tile's nearest corner or edge
 * point found by clamping the centre into the tile (longitude taken on the centre's side of the
 * antimeridian), shrunk by 2% and 1 m: on the sphere the clamped point can be slightly farther
 * than the true nearest point, and a bound must never be too large or the search would stop early.
 * Near the poles no bound is trusted (zero), so every tile is read.
 */
record TileDistance(long key, double lowerBoundKm) {

    private static final double POLAR_LAT = 80;

    static TileDistance[] nearestFirst(TileGrid grid, long[] keys, double lat, double lng) {
        TileDistance[] tiles = new TileDistance[keys.length];
        for (int i = 0; i < keys.length; i++) {
            tiles[i] = new TileDistance(keys[i], lowerBound(grid, keys[i], lat, lng));
        }
        Arrays.sort(tiles, Comparator.comparingDouble(TileDistance::lowerBoundKm));
        return tiles;
    }

    static double lowerBound(TileGrid grid, long key, double lat, double lng) {
        double south = grid.lower(TileGrid.row(key));
        double north = grid.upper(TileGrid.row(key));
        if (Math.abs(lat) >= POLAR_LAT || Math.abs(south) >= POLAR_LAT || Math.abs(north) >= POLAR_LAT) {
            return 0;
        }
        double west = grid.lower(TileGrid.col(key));
        double east = grid.upper(TileGrid.col(key));
        double shift = lng - (west + east) / 2 > 180 ? 360 : lng - (west + east) / 2 < -180 ? -360 : 0;
        double nearLat = Math.max(south, Math.min(lat, north));
        double nearLng = Math.max(west + shift, Math.min(lng, east + shift));
        double km = Haversine.distanceKm(lat, lng, nearLat, nearLng);
        return Math.max(0, km * 0.98 - 0.001);
    }
}
