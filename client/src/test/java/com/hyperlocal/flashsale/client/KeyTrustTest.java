package com.hyperlocal.flashsale.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hyperlocal.flashsale.client.LoopbackServer.Response;
import com.hyperlocal.flashsale.crypto.KeyCache;
import com.hyperlocal.flashsale.crypto.vectors.VoucherTestVectors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys are taken only from the configured origin, whatever the server or the network says. */
class KeyTrustTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);
    static final UUID MERCHANT = UUID.fromString("3f6c1a52-8e0b-4c1d-9a57-2b6e4d8f1c03");
    static final String KEY = "fsk_test_key";

    @TempDir
    Path dir;

    private static LoopbackServer server(String jwksUri, String jwks) {
        return new LoopbackServer()
                .on(
                        "/.well-known/voucher-configuration",
                        Response.json("{\"issuer\":\"https://flashsale.example\",\"jwks_uri\":\"" + jwksUri + "\"}"))
                .on("/.well-known/jwks.json", Response.json(jwks))
                .on("/api/v1/merchant/me", Response.json("{\"id\":\"" + MERCHANT + "\",\"name\":\"Dosa\"}"));
    }

    private static FlashSaleClient client(LoopbackServer server, String suffix) {
        return new FlashSaleClient(ServerOrigin.parse(server.url() + suffix), KEY, Duration.ofSeconds(5));
    }

    @Test
    void keysFromTheConfiguredOriginAreCachedUnderTheBaseUrlWithoutTrailingSlash() throws Exception {
        try (LoopbackServer server = server("/.well-known/jwks.json", VoucherTestVectors.trustedJwksJson())) {
            Path file = dir.resolve("key-cache.json");

            KeySets.pull(client(server, "/"), CLOCK, file);

            KeyCache cache = KeyCache.load(file);
            assertThat(cache.serverUrl()).isEqualTo(server.url());
            assertThat(cache.merchantId()).isEqualTo(MERCHANT);
            assertThat(cache.issuer()).isEqualTo("https://flashsale.example");
            assertThat(cache.keys().kids())
                    .isEqualTo(VoucherTestVectors.trustedKeys().kids());
            assertThat(server.hits)
                    .filteredOn(h -> h.path().equals("/api/v1/merchant/me"))
                    .singleElement()
                    .extracting(LoopbackServer.Hit::authorization)
                    .isEqualTo("Bearer " + KEY);
        }
    }

    @Test
    void aJwksUriOnAnotherOriginIsRefusedWithoutContactingIt() {
        try (LoopbackServer foreign = new LoopbackServer()
                        .on("/.well-known/jwks.json", Response.json(VoucherTestVectors.trustedJwksJson()));
                LoopbackServer server =
                        server(foreign.url() + "/.well-known/jwks.json", VoucherTestVectors.trustedJwksJson())) {

            assertThatThrownBy(() -> KeySets.fetch(client(server, ""), CLOCK))
                    .isInstanceOf(ApiException.Untrusted.class)
                    .hasMessageContaining("another origin (" + foreign.url() + ")");
            assertThat(foreign.hits).isEmpty();
        }
    }

    @Test
    void aRedirectToAnotherOriginIsNotFollowedAndTheApiKeyNeverLeaves() {
        try (LoopbackServer foreign = new LoopbackServer()
                        .on("/me", Response.json("{\"id\":\"" + UUID.randomUUID() + "\",\"name\":\"Evil\"}"));
                LoopbackServer server = server("/.well-known/jwks.json", VoucherTestVectors.trustedJwksJson())) {
            server.on("/api/v1/merchant/me", Response.redirect(302, foreign.url() + "/me"));

            assertThatThrownBy(() -> KeySets.fetch(client(server, ""), CLOCK))
                    .isInstanceOf(ApiException.Untrusted.class)
                    .hasMessageContaining("redirected to another origin");
            assertThat(foreign.hits).isEmpty();
        }
    }

    @Test
    void aRedirectedKeySetOnAnotherOriginIsRefused() {
        try (LoopbackServer foreign =
                        new LoopbackServer().on("/jwks.json", Response.json(VoucherTestVectors.trustedJwksJson()));
                LoopbackServer server = server("/.well-known/jwks.json", "{}")) {
            server.on("/.well-known/jwks.json", Response.redirect(307, foreign.url() + "/jwks.json"));

            assertThatThrownBy(() -> KeySets.fetch(client(server, ""), CLOCK))
                    .isInstanceOf(ApiException.Untrusted.class);
            assertThat(foreign.hits).isEmpty();
        }
    }

    @Test
    void aRedirectWithinTheOriginIsFollowedWithTheApiKey() {
        try (LoopbackServer server = server("/.well-known/jwks.json", VoucherTestVectors.trustedJwksJson())) {
            server.on("/api/v1/merchant/me", Response.redirect(301, "/v2/me"))
                    .on("/v2/me", Response.json("{\"id\":\"" + MERCHANT + "\",\"name\":\"Dosa\"}"));

            KeyCache cache = KeySets.fetch(client(server, ""), CLOCK).cache();

            assertThat(cache.merchantId()).isEqualTo(MERCHANT);
            assertThat(server.hits)
                    .filteredOn(h -> h.path().equals("/v2/me"))
                    .singleElement()
                    .extracting(LoopbackServer.Hit::authorization)
                    .isEqualTo("Bearer " + KEY);
        }
    }

    @Test
    void anEmptyKeySetIsRefusedAndTheCacheOnDiskIsKept() throws Exception {
        try (LoopbackServer server = server("/.well-known/jwks.json", "{\"keys\":[]}")) {
            Path file = dir.resolve("key-cache.json");
            Files.writeString(file, "previous cache");

            assertThatThrownBy(() -> KeySets.pull(client(server, ""), CLOCK, file))
                    .isInstanceOf(ApiException.Untrusted.class)
                    .hasMessage("the server published no usable voucher key");
            assertThat(Files.readString(file)).isEqualTo("previous cache");
        }
    }

    @Test
    void withoutAnApiKeyTheCacheHasNoMerchantAndMeIsNotAsked() {
        try (LoopbackServer server = server("/.well-known/jwks.json", VoucherTestVectors.trustedJwksJson())) {
            KeyCache cache = KeySets.fetch(
                            new FlashSaleClient(ServerOrigin.parse(server.url()), null, Duration.ofSeconds(5)), CLOCK)
                    .cache();

            assertThat(cache.merchantId()).isNull();
            assertThat(server.hits).noneMatch(h -> h.path().contains("merchant"));
        }
    }
}
