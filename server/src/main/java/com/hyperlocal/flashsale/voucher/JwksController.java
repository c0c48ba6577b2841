package com.hyperlocal.flashsale.voucher;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.hyperlocal.flashsale.crypto.TrustedKeys;
import com.nimbusds.jose.jwk.ECKey;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public voucher verification keys as a JWK set (RFC 7517). {@code application/jwk-set+json}
 * unless the client only accepts {@code application/json}. Both documents are the same for every
 * client (nothing comes from the request), so they may be cached publicly for {@link #MAX_AGE}; a
 * new key is published {@code publish-ahead} before it signs, which covers that cache time.
 */
@RestController
class JwksController {

    static final String JWK_SET_JSON = "application/jwk-set+json";
    static final Duration MAX_AGE = Duration.ofMinutes(5);

    private final VoucherKeyring keyring;
    private final VoucherProperties properties;

    JwksController(VoucherKeyring keyring, VoucherProperties properties) {
        this.keyring = keyring;
        this.properties = properties;
    }

    /** What a till needs to verify offline: the expected {@code iss} and where the keys are. */
    record VoucherConfigurationDocument(
            String issuer, @JsonProperty("jwks_uri") String jwksUri) {}

    @GetMapping("/.well-known/voucher-configuration")
    ResponseEntity<VoucherConfigurationDocument> configuration() {
        // From configuration only: a Host header chosen by the client must never name where keys come from.
        String jwksUri = properties.publicBaseUrl() + "/.well-known/jwks.json";
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(MAX_AGE).cachePublic())
                .body(new VoucherConfigurationDocument(properties.issuer(), jwksUri));
    }

    @GetMapping(
            path = "/.well-known/jwks.json",
            produces = {JWK_SET_JSON, "application/json"})
    ResponseEntity<String> jwks() {
        // TrustedKeys.of strips any private part again, belt and braces.
        String body =
                TrustedKeys.of(keyring.publishedKeys().toArray(ECKey[]::new)).toJwksJson();
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(MAX_AGE).cachePublic())
                .body(body);
    }
}
