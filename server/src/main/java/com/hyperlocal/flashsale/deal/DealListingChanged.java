package com.hyperlocal.flashsale.deal;

import java.util.UUID;

/**
 * Published inside the transaction that creates or closes a deal, so listeners can react after
 * commit (discovery evicts its cached tile for that location).
 */
public record DealListingChanged(UUID dealId, double latitude, double longitude) {}
