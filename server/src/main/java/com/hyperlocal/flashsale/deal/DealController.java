package com.hyperlocal.flashsale.deal;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/deals")
class DealController {

    private final DealService service;

    DealController(DealService service) {
        this.service = service;
    }

    @PostMapping
    ResponseEntity<DealResponse> create(@Valid @RequestBody CreateDealRequest request) {
        DealResponse deal = service.create(request);
        return ResponseEntity.created(URI.create("/api/v1/deals/" + deal.id())).body(deal);
    }

    @GetMapping("/{id}")
    DealResponse find(@PathVariable UUID id) {
        return service.find(id);
    }
}
