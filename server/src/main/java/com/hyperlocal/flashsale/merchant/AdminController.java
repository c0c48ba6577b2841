package com.hyperlocal.flashsale.merchant;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.UUID;

import com.hyperlocal.flashsale.web.UnauthorizedException;
import com.hyperlocal.flashsale.web.StorableText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The operator's API: create merchants, issue and revoke their keys. */
@RestController
@RequestMapping("/api/v1/admin/merchants")
class AdminController {

    private final MerchantAccounts accounts;
    private final AdminProperties properties;

    AdminController(MerchantAccounts accounts, AdminProperties properties) {
        this.accounts = accounts;
        this.properties = properties;
    }

    record CreateMerchantRequest(@NotBlank @Size(max = 120) @StorableText String name) {
    }

    @PostMapping
    ResponseEntity<MerchantAccounts.CreatedMerchant> create(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @Valid @RequestBody CreateMerchantRequest request) {
        requireAdmin(authorization);
        MerchantAccounts.CreatedMerchant created = accounts.create(request.name());
        return ResponseEntity.created(URI.create("/api/v1/admin/merchants/" + created.id())).body(created);
    }

    @GetMapping
    List<MerchantAccounts.MerchantInfo> list(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        requireAdmin(authorization);
        return accounts.list();
    }

    @PostMapping("/{merchantId}/keys")
    ResponseEntity<MerchantAccounts.CreatedKey> addKey(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @PathVariable UUID merchantId) {
        requireAdmin(authorization);
        return ResponseEntity.status(201).body(accounts.addKey(merchantId));
    }

    @DeleteMapping("/{merchantId}/keys/{keyId}")
    ResponseEntity<Void> revokeKey(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @PathVariable UUID merchantId, @PathVariable UUID keyId) {
        requireAdmin(authorization);
        accounts.revokeKey(merchantId, keyId);
        return ResponseEntity.noContent().build();
    }

    private void requireAdmin(String authorization) {
        if (properties.token() == null || properties.token().isBlank()) {
            throw new UnauthorizedException("The admin API is disabled: set flashsale.admin.token");
        }
        byte[] given = BearerToken.from(authorization).getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(given, properties.token().getBytes(StandardCharsets.UTF_8))) {
            throw new UnauthorizedException("The admin token is not valid");
        }
    }
}
