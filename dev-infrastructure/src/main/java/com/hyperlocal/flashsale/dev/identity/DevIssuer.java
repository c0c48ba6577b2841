package com.hyperlocal.flashsale.dev.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.springframework.beans.factory.DisposableBean;

/**
 * A real, minimal token issuer: its own P-256 key (made at start, never written anywhere), its JWKS
 * and OpenID discovery document served over HTTP on a loopback port of its own, exactly what a
 * production provider offers the resource server. Tokens are ES256 JWTs with iss, sub, aud, iat,
 * nbf, exp and jti.
 */
public final class DevIssuer implements DisposableBean {

    private final DevIdentityProperties properties;
    private final ECKey key;
    private final HttpServer server;

    /**
     * An issuer on its own loopback {@code port} whose tokens carry {@code audience}; for the
     * client modules' tests, which run the production jar against it (test-harness).
     */
    public static DevIssuer start(int port, String audience) {
        try {
            return new DevIssuer(new DevIdentityProperties(true, port, audience, java.time.Duration.ofHours(1)));
        } catch (IOException | JOSEException e) {
            throw new IllegalStateException("could not start the development identity provider", e);
        }
    }

    DevIssuer(DevIdentityProperties properties) throws IOException, JOSEException {
        this.properties = properties;
        this.key = new ECKeyGenerator(Curve.P_256)
                .keyID("dev-" + UUID.randomUUID())
                .generate();
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), properties.port()), 16);
        String jwks = new JWKSet(key.toPublicJWK()).toString();
        String discovery = "{\"issuer\":\"" + properties.issuer() + "\",\"jwks_uri\":\"" + properties.issuer()
                + "/jwks.json\",\"id_token_signing_alg_values_supported\":[\"ES256\"],"
                + "\"subject_types_supported\":[\"public\"],\"response_types_supported\":[\"token\"]}";
        server.createContext("/jwks.json", exchange -> json(exchange, jwks));
        server.createContext("/.well-known/openid-configuration", exchange -> json(exchange, discovery));
        server.start();
    }

    /** The {@code iss} of its tokens, also the base of its JWKS and discovery document. */
    public String issuer() {
        return properties.issuer();
    }

    /** A signed token for this subject. */
    public String mint(String subject) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(properties.issuer())
                .subject(subject)
                .audience(properties.audience())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(properties.tokenTtl())))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.ES256)
                        .keyID(key.getKeyID())
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims);
        try {
            jwt.sign(new ECDSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("ES256 signing failed", e);
        }
        return jwt.serialize();
    }

    private static void json(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void destroy() {
        stop();
    }

    public void stop() {
        server.stop(0);
    }
}
