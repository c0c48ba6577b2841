package com.hyperlocal.flashsale.discovery;

import jakarta.validation.Valid;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class DiscoveryController {

    private final DiscoveryService service;

    DiscoveryController(DiscoveryService service) {
        this.service = service;
    }

    /** Active deals within {@code radiusKm} of the point, nearest first. */
    @GetMapping("/api/v1/deals/nearby")
    NearbyDealsResponse nearby(@Valid @ParameterObject NearbyQuery query) {
        return service.nearby(query);
    }
}
