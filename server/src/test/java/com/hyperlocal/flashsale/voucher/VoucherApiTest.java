package com.hyperlocal.flashsale.voucher;

import static org.assertj.core.api.Assertions.assertThat;

import com.hyperlocal.flashsale.IntegrationTest;
import com.hyperlocal.flashsale.TestApi;
import com.hyperlocal.flashsale.TestIssuer;
import com.hyperlocal.flashsale.crypto.QrCodes;
import com.hyperlocal.flashsale.crypto.TrustedKeys;
import com.hyperlocal.flashsale.crypto.VerificationResult;
import com.hyperlocal.flashsale.crypto.VoucherClaims;
import com.hyperlocal.flashsale.crypto.VoucherVerifier;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Claim → voucher → JWKS → offline verification, end to end over HTTP on real PostgreSQL/Redis. */
@IntegrationTest
class VoucherApiTest {

    @LocalServerPort
    int port;

    @Autowired
    VoucherProperties properties;

    TestApi api;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
    }

    @Test
    void claimReturnsAVoucherThatVerifiesAgainstThePublishedJwks() throws Exception {
        UUID dealId = api.createDeal("Half-price croissants", 48.8566, 2.3522, 5);
        JsonNode deal = api.get("/api/v1/deals/" + dealId).json();
        UUID merchantId = UUID.fromString(deal.get("merchantId").asString());
        Instant validUntil = Instant.parse(deal.get("validUntil").asString());

        TestApi.Answer claimed = api.claim(dealId, "user-8f3k2q9z");
        assertThat(claimed.status()).isEqualTo(201);
        JsonNode claim = claimed.json();
        String token = claim.get("voucher").asString();
        assertThat(token).isNotBlank();
        Instant expectedExp = VoucherIssuer.expiryFor(validUntil);
        assertThat(Instant.parse(claim.get("voucherExpiresAt").asString())).isEqualTo(expectedExp);
        assertThat(expectedExp).isBetween(validUntil, validUntil.plusSeconds(1));

        TrustedKeys keys =
                TrustedKeys.fromJwksJson(api.get("/.well-known/jwks.json").raw().body());
        assertThat(properties.issuer()).isEqualTo("https://flashsale.example");
        VerificationResult result = VoucherVerifier.builder(keys, properties.issuer(), merchantId)
                .build()
                .verify(token);

        assertThat(result).isInstanceOf(VerificationResult.Valid.class);
        VoucherClaims claims = ((VerificationResult.Valid) result).claims();
        assertThat(claims.issuer()).isEqualTo("https://flashsale.example");
        assertThat(claims.userId()).isEqualTo("user-8f3k2q9z");
        assertThat(claims.claimId()).hasToString(claim.get("id").asString());
        assertThat(claims.dealId()).isEqualTo(dealId);
        assertThat(claims.merchantId()).isEqualTo(merchantId);
        assertThat(claims.expiresAt()).isEqualTo(expectedExp);
        assertThat(claims.issuedAt())
                .isEqualTo(Instant.parse(claim.get("claimedAt").asString())
                        .truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    @Test
    void fetchingTheClaimAgainReturnsTheSameVoucherAndAlreadyClaimedStillAnswers409() {
        UUID dealId = api.createDeal("Two coffees for one", 48.85, 2.35, 5);
        JsonNode claim = api.claim(dealId, "user-again").json();
        String id = claim.get("id").asString();

        JsonNode fetched =
                api.getAsShopper("user-again", "/api/v1/claims/" + id).json();
        assertThat(fetched.get("voucher").asString())
                .isEqualTo(claim.get("voucher").asString());
        assertThat(fetched.get("voucherExpiresAt").asString())
                .isEqualTo(claim.get("voucherExpiresAt").asString());

        TestApi.Answer again = api.claim(dealId, "user-again");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.json().get("type").asString()).isEqualTo("urn:flashsale:problem:already-claimed");
        assertThat(again.json().get("claimId").asString()).isEqualTo(id);
        assertThat(again.json().get("qr").asString()).isEqualTo("/api/v1/claims/" + id + "/qr");
        // ...and the claim it points at still carries the one voucher issued first.
        assertThat(api.getAsShopper("user-again", "/api/v1/claims/" + id)
                        .json()
                        .get("voucher")
                        .asString())
                .isEqualTo(claim.get("voucher").asString());
    }

    @Test
    void qrPngDecodesToExactlyTheClaimsToken() throws Exception {
        UUID dealId = api.createDeal("Free cookie", 48.85, 2.35, 5);
        JsonNode claim = api.claim(dealId, "user-qr").json();

        HttpResponse<byte[]> png = getBytes("/api/v1/claims/" + claim.get("id").asString() + "/qr", "user-qr");

        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(png.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(QrCodes.decode(png.body())).hasValue(claim.get("voucher").asString());
    }

    @Test
    void qrOfUnknownOrMalformedClaimIsA404Problem() {
        for (String id : new String[] {UUID.randomUUID().toString(), "not-a-uuid"}) {
            TestApi.Answer answer = api.getAsShopper("someone", "/api/v1/claims/" + id + "/qr");
            assertThat(answer.status()).as(id).isEqualTo(404);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.json().get("type").asString()).isEqualTo("urn:flashsale:problem:not-found");
        }
    }

    @Test
    void jwksHasOnlyPublicMembersAndIsCacheable() {
        TestApi.Answer jwks = api.get("/.well-known/jwks.json");

        assertThat(jwks.status()).isEqualTo(200);
        assertThat(jwks.contentType()).startsWith("application/jwk-set+json");
        assertThat(jwks.header("Cache-Control")).contains("public").contains("max-age=300");
        JsonNode keys = jwks.json().get("keys");
        assertThat(keys.size()).isGreaterThanOrEqualTo(1);
        for (JsonNode key : keys) {
            assertThat(key.has("d")).as("private member d").isFalse();
            assertThat(key.get("kty").asString()).isEqualTo("EC");
            assertThat(key.get("crv").asString()).isEqualTo("P-256");
            assertThat(key.get("kid").asString()).startsWith("v-");
        }
        assertThat(jwks.raw().body()).doesNotContain("\"d\"");

        TestApi.Answer plainJson =
                api.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/.well-known/jwks.json"))
                        .header("Accept", "application/json")
                        .GET());
        assertThat(plainJson.status()).isEqualTo(200);
        assertThat(plainJson.contentType()).startsWith("application/json");
    }

    @Test
    void voucherIsRejectedForAnotherIssuerOrAnotherMerchant() throws Exception {
        UUID dealId = api.createDeal("Bagel deal", 48.85, 2.35, 5);
        UUID merchantId = UUID.fromString(
                api.get("/api/v1/deals/" + dealId).json().get("merchantId").asString());
        String token = api.claim(dealId, "user-wrong").json().get("voucher").asString();
        TrustedKeys keys =
                TrustedKeys.fromJwksJson(api.get("/.well-known/jwks.json").raw().body());

        assertThat(VoucherVerifier.builder(keys, "https://evil.example", merchantId)
                        .build()
                        .verify(token))
                .isEqualTo(invalid(VerificationResult.Reason.WRONG_ISSUER));
        assertThat(VoucherVerifier.builder(keys, properties.issuer(), UUID.randomUUID())
                        .build()
                        .verify(token))
                .isEqualTo(invalid(VerificationResult.Reason.WRONG_MERCHANT));
    }

    private static VerificationResult invalid(VerificationResult.Reason reason) {
        return new VerificationResult.Invalid(reason, reason.message());
    }

    private HttpResponse<byte[]> getBytes(String path, String shopper) throws IOException, InterruptedException {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .header(
                                        "Authorization",
                                        "Bearer " + TestIssuer.shared().token(shopper))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
    }
}
