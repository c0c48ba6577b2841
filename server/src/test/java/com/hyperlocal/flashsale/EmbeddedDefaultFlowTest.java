package com.hyperlocal.flashsale;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The README's flow on the embedded default, with no identity provider configured: the
 * development provider mints a token (POST /dev/token?sub=asha), the server fetches its JWKS
 * over HTTP like any provider's, and the token claims, reads and renders the voucher.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EmbeddedDefaultFlowTest {

    @LocalServerPort
    int port;

    @Value("${spring.security.oauth2.resourceserver.jwt.jwk-set-uri}")
    String jwkSetUri;

    TestApi api;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
    }

    @Test
    void aDevelopmentTokenClaimsAndReadsTheVoucherAsInTheReadme() {
        assertThat(jwkSetUri).startsWith("http://127.0.0.1:").endsWith("/jwks.json");
        TestApi.Answer minted =
                api.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/dev/token?sub=asha"))
                        .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(minted.status()).isEqualTo(200);
        String token = minted.raw().body().strip();
        assertThat(token.split("\\.")).hasSize(3);

        UUID deal = api.createDeal("Readme deal", 12.97, 77.59, 3);
        TestApi.Answer claim = api.claimWith(token, deal);
        assertThat(claim.status()).as(claim.raw().body()).isEqualTo(201);
        assertThat(claim.json().get("userId").asString()).isEqualTo("asha");
        String id = claim.json().get("id").asString();
        assertThat(api.getAs(token, "/api/v1/claims/" + id).status()).isEqualTo(200);
        assertThat(api.getAs(token, "/api/v1/claims/" + id + "/qr").contentType())
                .isEqualTo("image/png");
        // Newest first; other tests in this JVM's database may have claimed as asha too.
        assertThat(api.getAs(token, "/api/v1/me/claims")
                        .json()
                        .get("claims")
                        .get(0)
                        .get("id")
                        .asString())
                .isEqualTo(id);
        assertThat(api.claimWith(token, deal).json().get("type").asString())
                .isEqualTo("urn:flashsale:problem:already-claimed");
    }
}
