package com.hyperlocal.flashsale.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.hyperlocal.flashsale.cli.FakeHttpPeer.Answer;
import com.hyperlocal.flashsale.crypto.KeyCache;
import com.hyperlocal.flashsale.crypto.VoucherSigningKey;
import com.hyperlocal.flashsale.crypto.vectors.VoucherTestVectors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code keys pull} writes the cache the desktop app reads (canned discovery answers). */
class KeysPullTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);
    static final UUID MERCHANT = UUID.fromString("3f6c1a52-8e0b-4c1d-9a57-2b6e4d8f1c03");

    @TempDir
    Path dir;

    private static Function<FakeHttpPeer.Seen, Answer> server(String[] self, String jwks) {
        return s -> {
            switch (s.path()) {
                case "/.well-known/voucher-configuration":
                    return new Answer(
                            200,
                            "application/json",
                            "{\"issuer\":\"https://flashsale.example\"," + "\"jwks_uri\":\"" + self[0]
                                    + "/.well-known/jwks.json\"}",
                            Map.of());
                case "/.well-known/jwks.json":
                    return new Answer(200, "application/json", jwks, Map.of());
                case "/api/v1/merchant/me":
                    return s.header("Authorization") == null
                            ? Answer.problem(401, "unauthorized", "no key")
                            : new Answer(
                                    200,
                                    "application/json",
                                    "{\"id\":\"" + MERCHANT + "\",\"name\":\"Dosa\"}",
                                    Map.of());
                default:
                    return Answer.problem(404, "not-found", "no");
            }
        };
    }

    @Test
    void pullWritesTheSharedKeyCacheThatThenVerifiesOffline() throws Exception {
        String[] self = new String[1];
        try (FakeHttpPeer peer = new FakeHttpPeer(server(self, VoucherTestVectors.trustedJwksJson()))) {
            self[0] = peer.url();
            Environment env = CliRun.env(
                    dir, CLOCK, "FLASHDEAL_SERVER", peer.url(), "FLASHDEAL_API_KEY", "fsk_abcd1234_" + "k".repeat(43));

            CliRun.Result r = CliRun.run(env, "keys", "pull");

            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.out())
                    .contains("merchant Dosa (" + MERCHANT + ")")
                    .contains(env.keyCachePath().toString());
            KeyCache cache = KeyCache.load(env.keyCachePath());
            assertThat(cache.merchantId()).isEqualTo(MERCHANT);
            assertThat(cache.fetchedAt()).isEqualTo(CLOCK.instant());
            assertThat(cache.serverUrl()).isEqualTo(peer.url()); // one spelling: no trailing slash
            assertThat(cache.keys().kids())
                    .isEqualTo(VoucherTestVectors.trustedKeys().kids());
        }
    }

    @Test
    void withoutAnApiKeyTheCacheHasNoMerchantAndVerifyExplains() {
        String[] self = new String[1];
        try (FakeHttpPeer peer = new FakeHttpPeer(server(self, VoucherTestVectors.trustedJwksJson()))) {
            self[0] = peer.url();
            Environment env = CliRun.env(dir, CLOCK, "FLASHDEAL_SERVER", peer.url());

            CliRun.Result pull = CliRun.run(env, "keys", "pull", "-o", "json");
            CliRun.Result verify = CliRun.run(env, "voucher", "verify", VoucherTestVectors.token("valid.jwt"));

            assertThat(pull.exitCode()).as(pull.toString()).isZero();
            assertThat(pull.err()).contains("warning: no API key");
            assertThat(pull.out()).contains("\"merchantId\" : null");
            assertThat(verify.exitCode()).isEqualTo(ExitCodes.LOCAL);
            assertThat(verify.err()).contains("no merchant id");
        }
    }

    @Test
    void aKeySetWithPrivateMaterialIsRefusedAndNothingIsWritten() {
        String jwks = "{\"keys\":[" + VoucherSigningKey.generate("leaked").toJwkJson() + "]}";
        String[] self = new String[1];
        try (FakeHttpPeer peer = new FakeHttpPeer(server(self, jwks))) {
            self[0] = peer.url();
            Environment env = CliRun.env(dir, CLOCK, "FLASHDEAL_SERVER", peer.url());

            CliRun.Result r = CliRun.run(env, "keys", "pull");

            assertThat(r.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
            assertThat(r.err()).contains("unusable keys").contains("private");
            assertThat(Files.exists(env.keyCachePath())).isFalse();
        }
    }
}
