package com.hyperlocal.flashsale.crypto.vectors;

import com.hyperlocal.flashsale.crypto.TrustedKeys;
import com.hyperlocal.flashsale.crypto.VerificationResult.Reason;
import com.hyperlocal.flashsale.crypto.VoucherClaims;
import com.hyperlocal.flashsale.crypto.VoucherKeyException;
import com.hyperlocal.flashsale.crypto.VoucherSigningKey;
import com.hyperlocal.flashsale.crypto.VoucherVerifier;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Loads the committed voucher test vectors from the classpath ({@code /vectors/...}), for this
 * module's tests and for other modules that depend on the {@code common-crypto} test-jar.
 *
 * <pre>{@code
 * VoucherVerifier verifier = VoucherTestVectors.verifier();
 * for (VoucherTestVectors.Vector v : VoucherTestVectors.all()) { ... v.token() ... v.expectedReason() }
 * }</pre>
 *
 * <p>Stateless; every call re-reads the (small) files. Thread-safe.
 */
public final class VoucherTestVectors {

    public static final String BASE = "/vectors/";

    private VoucherTestVectors() {}

    /** The fixed verification settings every vector is evaluated with. */
    public record Settings(Instant verifyAt, String issuer, UUID merchantId, Duration clockSkew, int maxTokenLength) {
        public Clock clock() {
            return Clock.fixed(verifyAt, ZoneOffset.UTC);
        }
    }

    /** One vector: the token file, what verification must return, and why. */
    public record Vector(String file, String expected, String description, String token) {
        public boolean expectValid() {
            return "VALID".equals(expected);
        }

        /** Empty for VALID vectors. */
        public Optional<Reason> expectedReason() {
            return expectValid() ? Optional.empty() : Optional.of(Reason.valueOf(expected));
        }

        @Override
        public String toString() { // used as the JUnit display name
            return file + " -> " + expected;
        }
    }

    public static Settings settings() {
        Map<String, Object> s = object(manifest(), "settings");
        return new Settings(
                Instant.parse((String) s.get("verifyAt")),
                (String) s.get("issuer"),
                UUID.fromString((String) s.get("merchantId")),
                Duration.ofSeconds(((Number) s.get("clockSkewSeconds")).longValue()),
                ((Number) s.get("maxTokenLength")).intValue());
    }

    /** Every vector listed in manifest.json, in manifest order. */
    public static List<Vector> all() {
        List<Vector> out = new ArrayList<>();
        for (Object o : (List<?>) manifest().get("vectors")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) o;
            String file = (String) m.get("file");
            out.add(new Vector(file, (String) m.get("expected"), (String) m.get("description"), token(file)));
        }
        return out;
    }

    /** The token in {@code file} (e.g. {@code "valid.jwt"}), surrounding whitespace removed. */
    public static String token(String file) {
        return resource(file).strip();
    }

    /** The claims inside valid.jwt. */
    public static VoucherClaims validClaims() {
        Map<String, Object> c = object(manifest(), "validClaims");
        return new VoucherClaims(
                (String) c.get("iss"),
                (String) c.get("sub"),
                UUID.fromString((String) c.get("jti")),
                UUID.fromString((String) c.get("deal")),
                UUID.fromString((String) c.get("mid")),
                Instant.ofEpochSecond(((Number) c.get("iat")).longValue()),
                Instant.ofEpochSecond(((Number) c.get("exp")).longValue()));
    }

    public static String trustedJwksJson() {
        return resource("trusted-jwks.json");
    }

    public static TrustedKeys trustedKeys() {
        try {
            return TrustedKeys.fromJwksJson(trustedJwksJson());
        } catch (VoucherKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The private key the vectors were signed with (test use only). */
    public static VoucherSigningKey signingKey() {
        try {
            return VoucherSigningKey.fromJwk(resource("signing-key.jwk.json"));
        } catch (VoucherKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A verifier configured exactly as the manifest says. */
    public static VoucherVerifier verifier() {
        Settings s = settings();
        return VoucherVerifier.builder(trustedKeys(), s.issuer(), s.merchantId())
                .clock(s.clock())
                .clockSkew(s.clockSkew())
                .maxTokenLength(s.maxTokenLength())
                .build();
    }

    private static Map<String, Object> manifest() {
        try {
            return JSONObjectUtils.parse(resource("manifest.json"));
        } catch (ParseException e) {
            throw new IllegalStateException("vectors/manifest.json is not valid JSON", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Map<String, Object> parent, String name) {
        return (Map<String, Object>) parent.get(name);
    }

    private static String resource(String file) {
        try (InputStream in = VoucherTestVectors.class.getResourceAsStream(BASE + file)) {
            if (in == null) {
                throw new IllegalStateException("missing test vector resource " + BASE + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
