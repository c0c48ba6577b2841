package com.hyperlocal.flashsale.web;

import io.swagger.v3.oas.annotations.Hidden;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Health on the public port, at the paths load balancers and the test harness already use. The
 * rest of Actuator (metrics, component details) is on the loopback-only management port; here the
 * answer is the status alone ({@code UP} → 200, anything else → 503), so it tells an outsider
 * nothing about what the server depends on.
 */
@Hidden // operations, not API: kept out of the OpenAPI document
@RestController
class PublicHealthController {

    private final HealthEndpoint health;

    PublicHealthController(HealthEndpoint health) {
        this.health = health;
    }

    @GetMapping(path = "/actuator/health", produces = "application/json")
    ResponseEntity<Map<String, String>> overall() {
        return answer(health.health());
    }

    @GetMapping(path = "/actuator/health/liveness", produces = "application/json")
    ResponseEntity<Map<String, String>> liveness() {
        return answer(health.healthForPath("liveness"));
    }

    @GetMapping(path = "/actuator/health/readiness", produces = "application/json")
    ResponseEntity<Map<String, String>> readiness() {
        return answer(health.healthForPath("readiness"));
    }

    private static ResponseEntity<Map<String, String>> answer(@Nullable HealthDescriptor descriptor) {
        Status status = descriptor != null ? descriptor.getStatus() : Status.UNKNOWN;
        return ResponseEntity.status(Status.UP.equals(status) ? 200 : 503)
                .cacheControl(CacheControl.noStore())
                .body(Map.of("status", status.getCode()));
    }
}
