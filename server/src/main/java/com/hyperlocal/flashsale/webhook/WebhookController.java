package com.hyperlocal.flashsale.webhook;

import com.hyperlocal.flashsale.merchant.AuthenticatedMerchant;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A merchant's webhooks: register (the secret is in this answer only), list, remove, test, deliveries. */
@RestController
@RequestMapping("/api/v1/merchant/webhooks")
class WebhookController {

    private final WebhookService service;

    WebhookController(WebhookService service) {
        this.service = service;
    }

    record RegisterRequest(
            @NotBlank @Size(max = WebhookUrl.MAX_LENGTH) String url) {}

    record WebhookList(List<WebhookService.WebhookView> webhooks) {}

    record DeliveryList(List<WebhookDeliveryView> deliveries) {}

    @PostMapping
    ResponseEntity<WebhookService.Registered> register(
            AuthenticatedMerchant merchant, @Valid @RequestBody RegisterRequest request) {
        WebhookService.Registered registered = service.register(merchant.id(), request.url());
        return ResponseEntity.created(URI.create("/api/v1/merchant/webhooks/" + registered.id()))
                .cacheControl(CacheControl.noStore())
                .body(registered);
    }

    @GetMapping
    WebhookList list(AuthenticatedMerchant merchant) {
        return new WebhookList(service.list(merchant.id()));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> remove(AuthenticatedMerchant merchant, @PathVariable UUID id) {
        service.remove(merchant.id(), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/test")
    WebhookDeliveryView test(AuthenticatedMerchant merchant, @PathVariable UUID id) {
        return service.test(merchant.id(), id);
    }

    @GetMapping("/deliveries")
    DeliveryList deliveries(
            AuthenticatedMerchant merchant,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable UUID webhookId,
            @RequestParam(defaultValue = "50") int limit) {
        return new DeliveryList(service.deliveries(merchant.id(), status, webhookId, limit));
    }
}
