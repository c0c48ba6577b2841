package com.hyperlocal.flashsale;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The tests' identity provider: RSA and EC keys the test owns, their JWKS served over real HTTP on
 * loopback, and real signed JWTs. The server is pointed at it with the standard resource-server
 * properties, exactly as production is pointed at Keycloak or Auth0. {@link #rotate()} replaces the
 * keys at the "provider" while the server runs.
 */
public final class TestIssuer {

    public static final String AUDIENCE = "flashsale-test";
    private static TestIssuer shared;

    private final HttpServer server;
    private final String issuer;
    private final AtomicInteger jwksFetches = new AtomicInteger();
    private volatile RSAKey rsa;
    private volatile ECKey ec;

    private TestIssuer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/issuer";
        newKeys();
        server.createContext("/issuer/jwks.json", exchange -> {
            jwksFetches.incrementAndGet();
            byte[] body = new JWKSet(List.<JWK>of(rsa.toPublicJWK(), ec.toPublicJWK()))
                    .toString()
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    public static synchronized TestIssuer shared() {
        if (shared == null) {
            shared = new TestIssuer();
        }
        return shared;
    }

    /** A fresh provider of its own (for tests that rotate keys without disturbing the shared one). */
    public static TestIssuer startNew() {
        return new TestIssuer();
    }

    public String issuer() {
        return issuer;
    }

    public String jwksUri() {
        return issuer + "/jwks.json";
    }

    public int jwksFetches() {
        return jwksFetches.get();
    }

    /** The properties that point a server at this provider. */
    public List<String> properties() {
        return List.of(
                "spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer,
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + jwksUri(),
                "spring.security.oauth2.resourceserver.jwt.audiences=" + AUDIENCE,
                "flashsale.dev-identity.enabled=false");
    }

    /** New signing keys at the provider: the old ones leave its JWKS. */
    public synchronized void rotate() {
        newKeys();
    }

    private void newKeys() {
        try {
            rsa = new RSAKeyGenerator(2048).keyID("rsa-" + UUID.randomUUID()).generate();
            ec = new ECKeyGenerator(Curve.P_256)
                    .keyID("ec-" + UUID.randomUUID())
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A valid RS256 token for this shopper, for an hour. */
    public String token(String sub) {
        return rs256(sub, c -> {});
    }

    public String rs256(String sub, Consumer<JWTClaimsSet.Builder> change) {
        try {
            return sign(JWSAlgorithm.RS256, rsa.getKeyID(), new RSASSASigner(rsa), sub, change);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public String es256(String sub, Consumer<JWTClaimsSet.Builder> change) {
        try {
            return sign(JWSAlgorithm.ES256, ec.getKeyID(), new ECDSASigner(ec), sub, change);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signed with a key this provider never published. */
    public String signedByStranger(String sub) {
        try {
            RSAKey stranger = new RSAKeyGenerator(2048).keyID(rsa.getKeyID()).generate();
            return sign(JWSAlgorithm.RS256, stranger.getKeyID(), new RSASSASigner(stranger), sub, c -> {});
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public String sign(
            JWSAlgorithm alg, String kid, JWSSigner signer, String sub, Consumer<JWTClaimsSet.Builder> change)
            throws JOSEException {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(sub)
                .audience(AUDIENCE)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1))))
                .jwtID(UUID.randomUUID().toString());
        change.accept(claims);
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(alg).keyID(kid).type(JOSEObjectType.JWT).build(), claims.build());
        jwt.sign(signer);
        return jwt.serialize();
    }

    public RSAKey rsaKey() {
        return rsa;
    }

    /**
     * {@link #properties()} as command-line arguments (they outrank application.yml), for a test that
     * starts its own instances, plus rate limits far above what such a test sends (as in
     * IntegrationTest) unless {@code others} sets them.
     */
    public String[] arguments(String... others) {
        List<String> all = new ArrayList<>(List.of(others));
        properties().forEach(p -> all.add("--" + p));
        List.of(
                        "shopper.capacity=100000",
                        "shopper-deal.capacity=100000",
                        "ip.capacity=1000000",
                        "admin.capacity=100000")
                .stream()
                .map(limit -> "--flashsale.rate-limits." + limit)
                .filter(limit -> all.stream().noneMatch(a -> a.startsWith(limit.substring(0, limit.indexOf('=') + 1))))
                .forEach(all::add);
        return all.toArray(String[]::new);
    }

    /** Points every {@link IntegrationTest} context at the shared provider. */
    public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertyValues.of(shared().properties()).applyTo(context);
        }
    }

    /** Distinct subjects and their tokens, e.g. for a stampede. */
    public List<Map.Entry<String, String>> tokens(String prefix, int count) {
        List<Map.Entry<String, String>> all = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            all.add(Map.entry(prefix + i, token(prefix + i)));
        }
        return all;
    }
}
