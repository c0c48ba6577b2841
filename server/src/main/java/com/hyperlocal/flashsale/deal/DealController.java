package com.hyperlocal.flashsale.deal;

import com.hyperlocal.flashsale.merchant.AuthenticatedMerchant;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/deals")
class DealController {

    private final DealService service;

    DealController(DealService service) {
        this.service = service;
    }

    /**
     * Creates a deal owned by the caller. Repeating an {@code Idempotency-Key} with the same request
     * returns the first deal, 200; with a different request it is a 422 (idempotency-key-reused).
     */
    @PostMapping
    ResponseEntity<DealResponse> create(
            AuthenticatedMerchant merchant,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey,
            @Valid @RequestBody CreateDealRequest request) {
        DealService.Creation creation = service.create(merchant.id(), request, idempotencyKey);
        URI location = URI.create("/api/v1/deals/" + creation.deal().id());
        if (creation.replayed()) {
            return ResponseEntity.ok()
                    .location(location)
                    .header("Idempotent-Replayed", "true")
                    .body(creation.deal());
        }
        return ResponseEntity.created(location).body(creation.deal());
    }

    @GetMapping("/{id}")
    DealResponse find(@PathVariable UUID id) {
        return service.find(id);
    }
}
