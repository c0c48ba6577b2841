package com.hyperlocal.flashsale.merchant;

import com.hyperlocal.flashsale.web.StorableText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The operator's API: create merchants, issue and revoke their keys (the admin filter chain checks the token). */
@RestController
@RequestMapping("/api/v1/admin/merchants")
class AdminController {

    private final MerchantAccounts accounts;

    AdminController(MerchantAccounts accounts) {
        this.accounts = accounts;
    }

    record CreateMerchantRequest(
            @NotBlank @Size(max = 120) @StorableText String name) {}

    @PostMapping
    ResponseEntity<MerchantAccounts.CreatedMerchant> create(@Valid @RequestBody CreateMerchantRequest request) {
        MerchantAccounts.CreatedMerchant created = accounts.create(request.name());
        return ResponseEntity.created(URI.create("/api/v1/admin/merchants/" + created.id()))
                .body(created);
    }

    @GetMapping
    List<MerchantAccounts.MerchantInfo> list() {
        return accounts.list();
    }

    @PostMapping("/{merchantId}/keys")
    ResponseEntity<MerchantAccounts.CreatedKey> addKey(@PathVariable UUID merchantId) {
        return ResponseEntity.status(201).body(accounts.addKey(merchantId));
    }

    @DeleteMapping("/{merchantId}/keys/{keyId}")
    ResponseEntity<Void> revokeKey(@PathVariable UUID merchantId, @PathVariable UUID keyId) {
        accounts.revokeKey(merchantId, keyId);
        return ResponseEntity.noContent().build();
    }
}
