package com.hyperlocal.flashsale.discovery;

/** A box in degrees that never crosses the antimeridian: minLng ≤ maxLng, minLat ≤ maxLat. */
record LngLatBox(double minLng, double minLat, double maxLng, double maxLat) {}
