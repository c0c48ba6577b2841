package com.hyperlocal.flashsale.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.hyperlocal.flashsale.TestApi;
import com.hyperlocal.flashsale.TestIssuer;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The identity provider's JWKS cannot be fetched (nothing listens there): a shopper's well-formed
 * token cannot be checked, which is our dependency failing — 503 problem+json with Retry-After,
 * nothing written — never a 500, and never a 401 that would tell the shopper to sign in again.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"flashsale.dev-identity.enabled=false"})
class IdentityProviderDownTest {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void providerWhoseKeysCannotBeFetched(DynamicPropertyRegistry registry) throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        String jwks = "http://127.0.0.1:" + closed + "/jwks.json";
        String prefix = "spring.security.oauth2.resourceserver.jwt.";
        TestIssuer.shared().properties().forEach(p -> {
            String key = p.substring(0, p.indexOf('='));
            String value = key.equals(prefix + "jwk-set-uri") ? jwks : p.substring(p.indexOf('=') + 1);
            registry.add(key, () -> value);
        });
    }

    @Test
    void aTokenThatCannotBeCheckedIsA503AndNothingIsClaimed() {
        TestApi api = new TestApi(port);
        UUID deal = api.createDeal("Provider down", 59.33, 18.06, 5);

        TestApi.Answer answer = api.claimWith(TestIssuer.shared().token("idp-down"), deal);

        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(503);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("type").asString()).isEqualTo("urn:flashsale:problem:dependency-unavailable");
        assertThat(answer.json().get("mayHaveBeenRecorded").asBoolean()).isFalse();
        assertThat(answer.header("Retry-After")).isNotNull();
        assertThat(answer.raw().body()).doesNotContain("Exception").doesNotContain("jwks");
        assertThat(api.get("/api/v1/deals/" + deal)
                        .json()
                        .get("remainingInventory")
                        .asInt())
                .isEqualTo(5);
        assertThat(api.claimWith("not-a-token", deal).status())
                .as("a malformed token is still the client's error")
                .isEqualTo(401);
    }
}
