package com.hyperlocal.flashsale.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.ECKey;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class VoucherSigningKeyTest {

    private final VoucherSigningKey key = VoucherSigningKey.generate("kid-1");

    @Test
    void toStringContainsNoKeyMaterial() throws Exception {
        ECKey jwk = ECKey.parse(key.toJwkJson());

        assertThat(key.toString())
                .contains("kid-1")
                .doesNotContain(jwk.getD().toString())
                .doesNotContain(jwk.getX().toString())
                .doesNotContain(jwk.getY().toString());
    }

    @Test
    void jwkRoundTripKeepsKidAndKey() throws Exception {
        VoucherSigningKey back = VoucherSigningKey.fromJwk(key.toJwkJson());

        assertThat(back.kid()).isEqualTo("kid-1");
        assertThat(back.publicJwk()).isEqualTo(key.publicJwk());
    }

    @Test
    void publicJwkHasNoPrivatePart() {
        assertThat(key.publicJwk().isPrivate()).isFalse();
        assertThat(key.publicJwkJson()).doesNotContain("\"d\"");
    }

    @Test
    void fromJwkRefusesPublicOnlyAndWrongCurve() throws Exception {
        assertThatThrownBy(() -> VoucherSigningKey.fromJwk(key.publicJwkJson()))
                .isInstanceOf(VoucherKeyException.class);
        String p384 = new com.nimbusds.jose.jwk.gen.ECKeyGenerator(com.nimbusds.jose.jwk.Curve.P_384)
                .keyID("x")
                .generate()
                .toJSONString();
        assertThatThrownBy(() -> VoucherSigningKey.fromJwk(p384)).isInstanceOf(VoucherKeyException.class);
        assertThatThrownBy(() -> VoucherSigningKey.fromJwk("{")).isInstanceOf(VoucherKeyException.class);
    }

    @Test
    void pkcs8PemLoadsAndDerivesTheSamePublicKey() throws Exception {
        ECKey jwk = ECKey.parse(key.toJwkJson());
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes())
                        .encodeToString(jwk.toPrivateKey().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";

        VoucherSigningKey fromPem = VoucherSigningKey.fromPem(pem, "kid-1");

        assertThat(fromPem.publicJwk()).isEqualTo(key.publicJwk());
        VoucherClaims claims = TestFixtures.typicalClaims();
        assertThat(TestFixtures.verifier(TrustedKeys.of(key), TestFixtures.NOW)
                        .verify(new VoucherSigner(fromPem).sign(claims)))
                .isEqualTo(new VerificationResult.Valid(claims));
    }

    @Test
    void badPemIsAKeyExceptionWithoutMaterial() throws Exception {
        var kpg = KeyPairGenerator.getInstance("EC");
        kpg.initialize(new ECGenParameterSpec("secp384r1"));
        String body = Base64.getEncoder()
                .encodeToString(kpg.generateKeyPair().getPrivate().getEncoded());
        String p384Pem = "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----";

        assertThatThrownBy(() -> VoucherSigningKey.fromPem(p384Pem, "k"))
                .isInstanceOf(VoucherKeyException.class)
                .hasMessageNotContaining(body.substring(0, 20));
        assertThatThrownBy(() -> VoucherSigningKey.fromPem(
                        "-----BEGIN EC PRIVATE KEY-----\nAAAA\n-----END EC PRIVATE KEY-----", "k"))
                .isInstanceOf(VoucherKeyException.class);
        assertThatThrownBy(() ->
                        VoucherSigningKey.fromPem("-----BEGIN PRIVATE KEY-----\n!!!!\n-----END PRIVATE KEY-----", "k"))
                .isInstanceOf(VoucherKeyException.class);
    }

    @Test
    void hardCodedCurveConstantsMatchTheJdk() throws Exception {
        AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
        params.init(new ECGenParameterSpec("secp256r1"));
        ECParameterSpec spec = params.getParameterSpec(ECParameterSpec.class);

        assertThat(P256.N).isEqualTo(spec.getOrder());
        assertThat(P256.GX).isEqualTo(spec.getGenerator().getAffineX());
        assertThat(P256.GY).isEqualTo(spec.getGenerator().getAffineY());
        assertThat(P256.A).isEqualTo(spec.getCurve().getA());
        assertThat(P256.P)
                .isEqualTo(((java.security.spec.ECFieldFp) spec.getCurve().getField()).getP());
    }

    @Test
    void signatureRangeCheckRejectsZeroAndOrderAndAcceptsInRange() {
        byte[] n = P256.N.toByteArray(); // 33 bytes with leading 0
        byte[] nFixed = java.util.Arrays.copyOfRange(n, n.length - 32, n.length);
        byte[] one = new byte[32];
        one[31] = 1;
        byte[] nMinus1 =
                java.util.Arrays.copyOfRange(P256.N.subtract(BigInteger.ONE).toByteArray(), 1, 33);

        assertThat(P256.isWellFormedSignature(new byte[64])).isFalse();
        assertThat(P256.isWellFormedSignature(concat(nFixed, one))).isFalse();
        assertThat(P256.isWellFormedSignature(concat(one, nFixed))).isFalse();
        assertThat(P256.isWellFormedSignature(concat(one, nMinus1))).isTrue();
        assertThat(P256.isWellFormedSignature(new byte[63])).isFalse();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, 64);
        System.arraycopy(b, 0, out, 32, 32);
        return out;
    }
}
