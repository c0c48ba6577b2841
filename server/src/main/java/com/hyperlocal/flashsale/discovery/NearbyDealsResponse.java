package com.hyperlocal.flashsale.discovery;

import java.util.List;

/** The search as understood, and the deals found, nearest first. */
record NearbyDealsResponse(double lat, double lng, double radiusKm, int limit, List<NearbyDeal> deals) {}
