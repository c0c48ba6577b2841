package com.hyperlocal.flashsale.deal;

import java.time.Instant;

/** A deal request after defaults are applied and cross-field rules checked. */
record NewDeal(
        String title,
        String description,
        double latitude,
        double longitude,
        int totalInventory,
        Instant validFrom,
        Instant validUntil) {}
