package com.hyperlocal.flashsale.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustedKeysTest {

    private final VoucherSigningKey k1 = VoucherSigningKey.generate("k1");
    private final VoucherSigningKey k2 = VoucherSigningKey.generate("k2");

    @Test
    void ofStripsPrivateParts() throws Exception {
        ECKey priv = ECKey.parse(k1.toJwkJson());
        TrustedKeys keys = TrustedKeys.of(priv);

        assertThat(keys.find("k1"))
                .hasValueSatisfying(k -> assertThat(k.isPrivate()).isFalse());
        assertThat(keys.toJwksJson()).doesNotContain("\"d\"");
    }

    @Test
    void jwksWithPrivateMaterialIsRefusedWithoutLeakingIt() throws Exception {
        String d = ECKey.parse(k1.toJwkJson()).getD().toString();
        String jwks = "{\"keys\":[" + k1.toJwkJson() + "]}";

        assertThatThrownBy(() -> TrustedKeys.fromJwksJson(jwks))
                .isInstanceOf(VoucherKeyException.class)
                .hasMessageContaining("private")
                .hasMessageNotContaining(d);
    }

    @Test
    void nonEcAndNonP256AndEncryptionKeysAreIgnored() throws Exception {
        RSAKey rsa = new RSAKeyGenerator(2048).keyID("rsa").generate().toPublicJWK();
        ECKey p384 = new ECKeyGenerator(Curve.P_384).keyID("p384").generate().toPublicJWK();
        ECKey enc = new ECKeyGenerator(Curve.P_256)
                .keyID("enc")
                .keyUse(com.nimbusds.jose.jwk.KeyUse.ENCRYPTION)
                .generate()
                .toPublicJWK();
        String jwks = "{\"keys\":[" + rsa.toJSONString() + "," + p384.toJSONString() + "," + enc.toJSONString() + ","
                + k1.publicJwkJson() + "]}";

        assertThat(TrustedKeys.fromJwksJson(jwks).kids()).containsExactly("k1");
    }

    @Test
    void pointNotOnTheCurveIsRejected() {
        String bad = k1.publicJwkJson().replaceAll("\"y\":\"[^\"]+\"", "\"y\":\"" + "A".repeat(42) + "E\"");

        assertThatThrownBy(() -> TrustedKeys.fromJwksJson("{\"keys\":[" + bad + "]}"))
                .isInstanceOf(VoucherKeyException.class);
    }

    @Test
    void duplicateKidIsRejected() {
        String jwks = "{\"keys\":[" + k1.publicJwkJson() + "," + k1.publicJwkJson() + "]}";

        assertThatThrownBy(() -> TrustedKeys.fromJwksJson(jwks)).isInstanceOf(VoucherKeyException.class);
    }

    @Test
    void garbageJwksIsAKeyException() {
        assertThatThrownBy(() -> TrustedKeys.fromJwksJson("not json")).isInstanceOf(VoucherKeyException.class);
    }

    @Test
    void jwksJsonRoundTrip() throws Exception {
        TrustedKeys keys = TrustedKeys.of(k1, k2);

        TrustedKeys back = TrustedKeys.fromJwksJson(keys.toJwksJson());

        assertThat(back.kids()).containsExactly("k1", "k2");
        assertThat(back.find("k2")).contains(k2.publicJwk());
    }

    @Test
    void saveThenLoadRoundTripsAndLeavesNoTempFiles(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("cache/jwks.json");
        TrustedKeys.of(k1).save(file);
        TrustedKeys.of(k1, k2).save(file); // overwrite in place

        TrustedKeys loaded = TrustedKeys.load(file);

        assertThat(loaded.kids()).containsExactly("k1", "k2");
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void findUnknownOrNullKidIsEmpty() {
        TrustedKeys keys = TrustedKeys.of(k1);

        assertThat(keys.find("nope")).isEmpty();
        assertThat(keys.find(null)).isEmpty();
    }
}
