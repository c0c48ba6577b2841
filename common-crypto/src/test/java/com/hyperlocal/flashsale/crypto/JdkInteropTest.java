package com.hyperlocal.flashsale.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.hyperlocal.flashsale.crypto.vectors.VoucherTestVectors;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Proves the format is plain JOSE: the JDK alone (no nimbus) can verify our tokens, and tokens
 * produced by the JDK alone verify with {@link VoucherVerifier}. Keys are rebuilt from JWK x/y/d
 * with a regex read, JSON with a regex read — deliberately naive, independent code.
 */
class JdkInteropTest {

    private static final String JDK_ES256 = "SHA256withECDSAinP1363Format";

    @Test
    void jdkAloneVerifiesTheValidVectorAndReadsItsPayload() throws Exception {
        String token = VoucherTestVectors.token("valid.jwt");
        String[] parts = token.split("\\.");
        String jwks = VoucherTestVectors.trustedJwksJson();

        Signature sig = Signature.getInstance(JDK_ES256);
        sig.initVerify(publicKey(field(jwks, "x"), field(jwks, "y")));
        sig.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(sig.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();

        String header = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        VoucherClaims expected = VoucherTestVectors.validClaims();
        assertThat(field(header, "alg")).isEqualTo("ES256");
        assertThat(field(header, "typ")).isEqualTo("voucher+jwt");
        assertThat(field(payload, "iss")).isEqualTo(expected.issuer());
        assertThat(field(payload, "sub")).isEqualTo(expected.userId());
        assertThat(field(payload, "jti")).isEqualTo(expected.claimId().toString());
        assertThat(field(payload, "deal")).isEqualTo(expected.dealId().toString());
        assertThat(field(payload, "mid")).isEqualTo(expected.merchantId().toString());
        assertThat(number(payload, "exp")).isEqualTo(expected.expiresAt().getEpochSecond());
        assertThat(number(payload, "iat")).isEqualTo(expected.issuedAt().getEpochSecond());
    }

    @Test
    void tokenSignedByTheJdkAloneVerifies() throws Exception {
        String jwk = VoucherTestVectors.signingKey().toJwkJson();
        VoucherClaims c = VoucherTestVectors.validClaims();
        String header = "{\"alg\":\"ES256\",\"typ\":\"voucher+jwt\",\"kid\":\"" + field(jwk, "kid") + "\"}";
        String payload = "{\"iss\":\"" + c.issuer() + "\",\"sub\":\"" + c.userId() + "\",\"jti\":\""
                + c.claimId() + "\",\"deal\":\"" + c.dealId() + "\",\"mid\":\"" + c.merchantId()
                + "\",\"iat\":" + c.issuedAt().getEpochSecond() + ",\"exp\":"
                + c.expiresAt().getEpochSecond() + "}";
        String input =
                b64(header.getBytes(StandardCharsets.UTF_8)) + "." + b64(payload.getBytes(StandardCharsets.UTF_8));

        Signature sig = Signature.getInstance(JDK_ES256);
        sig.initSign(privateKey(field(jwk, "d")));
        sig.update(input.getBytes(StandardCharsets.US_ASCII));
        // The JDK signs with either s or n - s; a voucher has one spelling, the low-S one.
        String token = input + "." + b64(P256.toLowS(sig.sign()));

        assertThat(VoucherTestVectors.verifier().verify(token)).isEqualTo(new VerificationResult.Valid(c));
    }

    private static ECParameterSpec p256() throws Exception {
        AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
        params.init(new ECGenParameterSpec("secp256r1"));
        return params.getParameterSpec(ECParameterSpec.class);
    }

    private static PublicKey publicKey(String x, String y) throws Exception {
        ECPoint w = new ECPoint(unsigned(x), unsigned(y));
        return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, p256()));
    }

    private static PrivateKey privateKey(String d) throws Exception {
        return KeyFactory.getInstance("EC").generatePrivate(new ECPrivateKeySpec(unsigned(d), p256()));
    }

    private static BigInteger unsigned(String b64url) {
        return new BigInteger(1, Base64.getUrlDecoder().decode(b64url));
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        assertThat(m.find()).as(name).isTrue();
        return m.group(1);
    }

    private static long number(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*(\\d+)").matcher(json);
        assertThat(m.find()).as(name).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static String b64(byte[] b) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
