package com.hyperlocal.flashsale.crypto;

import com.hyperlocal.flashsale.crypto.VerificationResult.Invalid;
import com.hyperlocal.flashsale.crypto.VerificationResult.Reason;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Strict, offline verification of voucher tokens against a local {@link TrustedKeys} set.
 *
 * <p>Checks, in this order (first failure wins; see docs/voucher-format.md):
 * <ol>
 *   <li>length ≤ max, before any parsing ({@code TOO_LARGE});</li>
 *   <li>exactly three canonical base64url segments, header is a JSON object ({@code MALFORMED});</li>
 *   <li>{@code alg} is exactly {@code ES256} ({@code UNSUPPORTED_ALGORITHM});</li>
 *   <li>{@code typ} is exactly {@code voucher+jwt} ({@code WRONG_TYPE});</li>
 *   <li>no header other than alg/typ/kid, so {@code jwk, jku, x5u, x5c, crit, ...} are refused
 *       ({@code FORBIDDEN_HEADER}) — keys come from the trusted set only;</li>
 *   <li>{@code kid} present and trusted ({@code UNKNOWN_KEY});</li>
 *   <li>signature is 64 bytes R||S with r, s in [1, n-1] (our own check, CVE-2022-21449) and
 *       s ≤ n/2 (canonical low-S: one spelling per token), then verifies ({@code BAD_SIGNATURE});</li>
 *   <li>payload claims: iss, sub, jti, deal, mid, iat, exp present ({@code MISSING_CLAIM}) and well
 *       typed, ids are UUIDs ({@code MALFORMED}); iss ({@code WRONG_ISSUER}); mid
 *       ({@code WRONG_MERCHANT}); exp ({@code EXPIRED}); nbf and iat ({@code NOT_YET_VALID}),
 *       all times with the allowed clock skew.</li>
 * </ol>
 * {@link #verify(String)} never throws for bad input.
 *
 * <p>Immutable and thread-safe: one instance can serve every scanner thread.
 */
public final class VoucherVerifier {

    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(60);
    public static final int DEFAULT_MAX_TOKEN_LENGTH = 2048;

    private static final Set<String> ALLOWED_HEADERS = Set.of("alg", "typ", "kid");

    private final Map<String, ECDSAVerifier> verifiersByKid;
    private final String issuer;
    private final UUID merchantId;
    private final Clock clock;
    private final Duration skew;
    private final int maxTokenLength;

    private VoucherVerifier(Builder b) {
        this.issuer = b.issuer;
        this.merchantId = b.merchantId;
        this.clock = b.clock;
        this.skew = b.skew;
        this.maxTokenLength = b.maxTokenLength;
        Map<String, ECDSAVerifier> map = new HashMap<>();
        for (String kid : b.keys.kids()) {
            try {
                // ECDSAVerifier is documented thread-safe; build once per key.
                map.put(kid, new ECDSAVerifier(b.keys.find(kid).orElseThrow()));
            } catch (JOSEException e) {
                throw new IllegalArgumentException("unusable trusted key " + kid, e);
            }
        }
        this.verifiersByKid = Map.copyOf(map);
    }

    public static Builder builder(TrustedKeys keys, String expectedIssuer, UUID expectedMerchantId) {
        return new Builder(keys, expectedIssuer, expectedMerchantId);
    }

    /** Verifies a scanned token. Never throws for bad input; {@code null} is MALFORMED. */
    public VerificationResult verify(String token) {
        try {
            return check(token);
        } catch (Rejection r) {
            return Invalid.of(r.reason);
        } catch (RuntimeException e) {
            // Belt and braces: a parser bug must turn into a rejection, not a crashed till.
            return Invalid.of(Reason.MALFORMED);
        }
    }

    private VerificationResult check(String token) {
        if (token == null) {
            throw new Rejection(Reason.MALFORMED);
        }
        if (token.length() > maxTokenLength) {
            throw new Rejection(Reason.TOO_LARGE);
        }
        String[] parts = Jose.splitCompact(token);
        Map<String, Object> header = Jose.jsonObject(Jose.decode(parts[0]));
        byte[] payloadBytes = Jose.decode(parts[1]);
        byte[] signature = Jose.decode(parts[2]);

        Object alg = header.get("alg");
        if (!(alg instanceof String)) {
            throw new Rejection(Reason.MALFORMED);
        }
        if (!"ES256".equals(alg)) {
            throw new Rejection(Reason.UNSUPPORTED_ALGORITHM);
        }
        if (!VoucherSigner.TYPE.equals(header.get("typ"))) {
            throw new Rejection(Reason.WRONG_TYPE);
        }
        if (!ALLOWED_HEADERS.containsAll(header.keySet())) {
            throw new Rejection(Reason.FORBIDDEN_HEADER);
        }
        Object kid = header.get("kid");
        ECDSAVerifier verifier = kid instanceof String k ? verifiersByKid.get(k) : null;
        if (verifier == null) {
            throw new Rejection(Reason.UNKNOWN_KEY);
        }
        if (!P256.isCanonicalSignature(signature)) {
            throw new Rejection(Reason.BAD_SIGNATURE);
        }
        if (!signatureVerifies(verifier, parts)) {
            throw new Rejection(Reason.BAD_SIGNATURE);
        }
        return new VerificationResult.Valid(checkClaims(Jose.jsonObject(payloadBytes)));
    }

    private static boolean signatureVerifies(ECDSAVerifier verifier, String[] parts) {
        try {
            JWSHeader header = JWSHeader.parse(new Base64URL(parts[0]));
            byte[] signingInput = (parts[0] + '.' + parts[1]).getBytes(StandardCharsets.US_ASCII);
            return verifier.verify(header, signingInput, new Base64URL(parts[2]));
        } catch (java.text.ParseException | JOSEException e) {
            return false;
        }
    }

    private VoucherClaims checkClaims(Map<String, Object> p) {
        String iss = Jose.requiredString(p, "iss");
        String sub = Jose.requiredString(p, "sub");
        UUID jti = Jose.requiredUuid(p, "jti");
        UUID deal = Jose.requiredUuid(p, "deal");
        UUID mid = Jose.requiredUuid(p, "mid");
        Instant iat = Jose.requiredTime(p, "iat");
        Instant exp = Jose.requiredTime(p, "exp");
        Instant nbf = p.containsKey("nbf") ? Jose.requiredTime(p, "nbf") : null;

        if (!issuer.equals(iss)) {
            throw new Rejection(Reason.WRONG_ISSUER);
        }
        if (!merchantId.equals(mid)) {
            throw new Rejection(Reason.WRONG_MERCHANT);
        }
        Instant now = clock.instant();
        if (!now.isBefore(exp.plus(skew))) {
            throw new Rejection(Reason.EXPIRED);
        }
        Instant lateNow = now.plus(skew);
        if ((nbf != null && lateNow.isBefore(nbf)) || lateNow.isBefore(iat)) {
            throw new Rejection(Reason.NOT_YET_VALID);
        }
        try {
            return new VoucherClaims(iss, sub, jti, deal, mid, iat, exp);
        } catch (IllegalArgumentException e) { // e.g. blank sub, exp not after iat
            throw new Rejection(Reason.MALFORMED);
        }
    }

    /** Configures a {@link VoucherVerifier}. Not thread-safe; the built verifier is. */
    public static final class Builder {
        private final TrustedKeys keys;
        private final String issuer;
        private final UUID merchantId;
        private Clock clock = Clock.systemUTC();
        private Duration skew = DEFAULT_CLOCK_SKEW;
        private int maxTokenLength = DEFAULT_MAX_TOKEN_LENGTH;

        private Builder(TrustedKeys keys, String issuer, UUID merchantId) {
            this.keys = Objects.requireNonNull(keys, "keys");
            this.issuer = Objects.requireNonNull(issuer, "issuer");
            this.merchantId = Objects.requireNonNull(merchantId, "merchantId");
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder clockSkew(Duration skew) {
            if (skew.isNegative() || skew.compareTo(Duration.ofMinutes(10)) > 0) {
                throw new IllegalArgumentException("clock skew must be between 0 and 10 minutes");
            }
            this.skew = skew;
            return this;
        }

        public Builder maxTokenLength(int maxTokenLength) {
            if (maxTokenLength < 64) {
                throw new IllegalArgumentException("maxTokenLength too small");
            }
            this.maxTokenLength = maxTokenLength;
            return this;
        }

        public VoucherVerifier build() {
            return new VoucherVerifier(this);
        }
    }

    /** Stackless control-flow signal carrying the rejection reason. */
    static final class Rejection extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Reason reason;

        Rejection(Reason reason) {
            super(reason.name(), null, false, false);
            this.reason = reason;
        }
    }
}
