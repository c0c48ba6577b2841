package com.hyperlocal.flashsale.crypto;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/** Shared constants for this module's tests. */
final class TestFixtures {

    static final String ISSUER = "https://flashsale.example";
    static final UUID MERCHANT = UUID.fromString("3f6c1a52-8e0b-4c1d-9a57-2b6e4d8f1c03");
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private TestFixtures() {}

    static VoucherClaims claims(Instant issuedAt, Instant expiresAt) {
        return new VoucherClaims(
                ISSUER, "user-8f3k2q9z", UUID.randomUUID(), UUID.randomUUID(), MERCHANT, issuedAt, expiresAt);
    }

    static VoucherClaims typicalClaims() {
        return claims(NOW.minusSeconds(60), NOW.plusSeconds(3600));
    }

    static VoucherVerifier verifier(TrustedKeys keys, Instant now) {
        return VoucherVerifier.builder(keys, ISSUER, MERCHANT)
                .clock(Clock.fixed(now, ZoneOffset.UTC))
                .build();
    }
}
