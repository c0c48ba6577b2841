package com.hyperlocal.flashsale.claim;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ClaimController {

    private final ClaimService service;

    ClaimController(ClaimService service) {
        this.service = service;
    }

    @PostMapping("/api/v1/deals/{dealId}/claims")
    ResponseEntity<ClaimResponse> claim(@PathVariable UUID dealId, @Valid @RequestBody ClaimRequest request) {
        Claim claim = service.claim(dealId, request.userId());
        return ResponseEntity.created(URI.create("/api/v1/claims/" + claim.id())).body(claim.toResponse());
    }

    @GetMapping("/api/v1/claims/{id}")
    ClaimResponse find(@PathVariable UUID id) {
        return service.find(id).toResponse();
    }
}
