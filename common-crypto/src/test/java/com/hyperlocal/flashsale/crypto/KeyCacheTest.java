package com.hyperlocal.flashsale.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hyperlocal.flashsale.crypto.vectors.VoucherTestVectors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyCacheTest {

    private static final Instant FETCHED = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path dir;

    private KeyCache vectorsCache() {
        VoucherTestVectors.Settings s = VoucherTestVectors.settings();
        return new KeyCache(
                s.issuer(), s.merchantId(), "http://localhost:8080", FETCHED, VoucherTestVectors.trustedKeys());
    }

    @Test
    void saveThenLoadRoundTripsEveryMember() throws Exception {
        Path file = dir.resolve("sub/key-cache.json");
        KeyCache cache = vectorsCache();

        cache.save(file);
        KeyCache loaded = KeyCache.load(file);

        assertThat(loaded.issuer()).isEqualTo(cache.issuer());
        assertThat(loaded.merchantId()).isEqualTo(cache.merchantId());
        assertThat(loaded.serverUrl()).isEqualTo("http://localhost:8080");
        assertThat(loaded.fetchedAt()).isEqualTo(FETCHED);
        assertThat(loaded.keys().kids()).isEqualTo(cache.keys().kids());
        assertThat(Files.readString(file)).contains("\"jwks\":{\"keys\":[").doesNotContain("\"d\"");
        try (var files = Files.list(file.getParent())) { // the temp file was moved, not left over
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void loadedCacheVerifiesTheVectorsLikeTheReferenceVerifier() throws Exception {
        Path file = dir.resolve("key-cache.json");
        vectorsCache().save(file);
        VoucherVerifier verifier =
                KeyCache.load(file).verifier(VoucherTestVectors.settings().clock());

        for (VoucherTestVectors.Vector v : VoucherTestVectors.all()) {
            VerificationResult r = verifier.verify(v.token());
            if (v.expectValid()) {
                assertThat(r.isValid()).as(v.file()).isTrue();
            } else {
                assertThat(r)
                        .as(v.file())
                        .isInstanceOfSatisfying(
                                VerificationResult.Invalid.class,
                                i -> assertThat(i.reason())
                                        .isEqualTo(v.expectedReason().orElseThrow()));
            }
        }
    }

    @Test
    void unknownMerchantIsAllowedButCannotVerify() throws Exception {
        Path file = dir.resolve("key-cache.json");
        new KeyCache("https://flashsale.example", null, null, FETCHED, VoucherTestVectors.trustedKeys()).save(file);

        KeyCache loaded = KeyCache.load(file);

        assertThat(loaded.merchantId()).isNull();
        assertThat(loaded.serverUrl()).isNull();
        assertThatThrownBy(() -> loaded.verifier(Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("merchant id");
    }

    @Test
    void privateKeyMaterialIsRefused() throws Exception {
        VoucherSigningKey key = VoucherSigningKey.generate("k1");
        String json = "{\"issuer\":\"https://i\",\"merchantId\":null,\"serverUrl\":null,"
                + "\"fetchedAt\":\"2026-03-01T10:00:00Z\",\"jwks\":{\"keys\":[" + key.toJwkJson() + "]}}";
        Path file = dir.resolve("key-cache.json");
        Files.writeString(file, json);

        assertThatThrownBy(() -> KeyCache.load(file))
                .isInstanceOf(VoucherKeyException.class)
                .hasMessageContaining("private");
    }

    @Test
    void malformedCachesAreRefusedWithAReason() {
        assertThatThrownBy(() -> KeyCache.fromJson("not json"))
                .isInstanceOf(VoucherKeyException.class)
                .hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> KeyCache.fromJson("{\"fetchedAt\":\"2026-03-01T10:00:00Z\",\"jwks\":{\"keys\":[]}}"))
                .isInstanceOf(VoucherKeyException.class)
                .hasMessageContaining("issuer");
        assertThatThrownBy(() -> KeyCache.fromJson("{\"issuer\":\"x\",\"merchantId\":\"nope\","
                        + "\"fetchedAt\":\"2026-03-01T10:00:00Z\",\"jwks\":{\"keys\":[]}}"))
                .isInstanceOf(VoucherKeyException.class)
                .hasMessageContaining("malformed");
        assertThatThrownBy(() -> KeyCache.fromJson("{\"issuer\":\"x\",\"fetchedAt\":\"2026-03-01T10:00:00Z\"}"))
                .isInstanceOf(VoucherKeyException.class)
                .hasMessageContaining("jwks");
    }

    @Test
    void ageIsMeasuredAgainstTheGivenClock() {
        Clock later = Clock.fixed(FETCHED.plus(Duration.ofHours(3)), ZoneOffset.UTC);
        assertThat(vectorsCache().age(later)).isEqualTo(Duration.ofHours(3));
    }

    @Test
    void defaultPathPrefersExplicitVariableThenXdgThenHome() {
        Path home = Path.of("/home/asha");
        assertThat(KeyCache.defaultPath(Map.of("FLASHSALE_KEY_CACHE", "/tmp/k.json"), home))
                .isEqualTo(Path.of("/tmp/k.json"));
        assertThat(KeyCache.defaultPath(Map.of("XDG_CONFIG_HOME", "/cfg"), home))
                .isEqualTo(Path.of("/cfg/flashsale/key-cache.json"));
        assertThat(KeyCache.defaultPath(Map.of("XDG_CONFIG_HOME", "relative"), home))
                .isEqualTo(Path.of("/home/asha/.config/flashsale/key-cache.json"));
        assertThat(KeyCache.defaultPath(Map.of(), home))
                .isEqualTo(Path.of("/home/asha/.config/flashsale/key-cache.json"));
    }

    @Test
    void blankIssuerIsRejectedAtConstruction() {
        assertThatThrownBy(() -> new KeyCache(" ", UUID.randomUUID(), null, FETCHED, VoucherTestVectors.trustedKeys()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
