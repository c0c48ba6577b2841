package com.hyperlocal.flashsale.discovery;

import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class DiscoveryController {

    private final DiscoveryService service;

    DiscoveryController(DiscoveryService service) {
        this.service = service;
    }

    /** Active deals within {@code radiusKm} of the point, nearest first. */
    @GetMapping("/api/v1/deals/nearby")
    NearbyDealsResponse nearby(
            @Parameter(description = "Latitude of the shopper, -90..90") @RequestParam double lat,
            @Parameter(description = "Longitude of the shopper, -180..180") @RequestParam double lng,
            @Parameter(description = "Search radius in km, > 0 and at most 100 (default maximum)") @RequestParam
                    double radiusKm,
            @Parameter(description = "Maximum number of deals, default 20, at most 100") @RequestParam(required = false)
                    Integer limit) {
        return service.nearby(new NearbyQuery(lat, lng, radiusKm, limit));
    }
}
