package com.hyperlocal.flashsale.discovery;

import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** Query parameters of the nearby search; limits that come from configuration are checked in the service. */
record NearbyQuery(
        @Parameter(description = "Latitude of the shopper, -90..90") @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
        @Parameter(description = "Longitude of the shopper, -180..180") @NotNull @DecimalMin("-180") @DecimalMax("180") Double lng,
        @Parameter(description = "Search radius in km, > 0 and at most 100 (default maximum)") @NotNull
        @DecimalMin(value = "0", inclusive = false) Double radiusKm,
        @Parameter(description = "Maximum number of deals, default 20, at most 100") @Min(1) Integer limit) {
}
