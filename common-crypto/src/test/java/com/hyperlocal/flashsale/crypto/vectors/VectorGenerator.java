package com.hyperlocal.flashsale.crypto.vectors;

import com.hyperlocal.flashsale.crypto.TrustedKeys;
import com.hyperlocal.flashsale.crypto.VoucherClaims;
import com.hyperlocal.flashsale.crypto.VoucherSigner;
import com.hyperlocal.flashsale.crypto.VoucherSigningKey;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Regenerates the committed vectors in {@code src/test/resources/vectors}. Tests never call this;
 * the committed files are the contract. The signing key is reused if present, so only the
 * (randomized) ECDSA signatures and attacker keys change between runs.
 *
 * <pre>java -cp target/test-classes:target/classes:$(deps) \
 *     com.hyperlocal.flashsale.crypto.vectors.VectorGenerator src/test/resources/vectors</pre>
 */
public final class VectorGenerator {

    static final Instant VERIFY_AT = Instant.parse("2026-03-01T12:00:00Z");
    static final String ISSUER = "https://flashsale.example";
    static final UUID MERCHANT = UUID.fromString("3f6c1a52-8e0b-4c1d-9a57-2b6e4d8f1c03");
    static final String KID = "voucher-key-2026-01";
    static final long SKEW_SECONDS = 60;
    static final int MAX_TOKEN_LENGTH = 2048;
    static final BigInteger N = new BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);

    private final List<String[]> manifest = new ArrayList<>(); // file, expected, description
    private final Path dir;
    private VoucherSigningKey key;

    private VectorGenerator(Path dir) {
        this.dir = dir;
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "src/test/resources/vectors");
        Files.createDirectories(dir);
        new VectorGenerator(dir).run();
        System.out.println("vectors written to " + dir.toAbsolutePath());
    }

    static VoucherClaims validClaims() {
        return new VoucherClaims(
                ISSUER,
                "user-8f3k2q9z",
                UUID.fromString("b7e2c9d4-1a3f-4e6b-8c5d-0f9a2e7b3c61"),
                UUID.fromString("5d0e8a71-9c2b-4f3e-a6d8-7b1c4e9f2a05"),
                MERCHANT,
                VERIFY_AT.minusSeconds(3600),
                VERIFY_AT.plusSeconds(7 * 86400));
    }

    private void run() throws Exception {
        Path keyFile = dir.resolve("signing-key.jwk.json");
        key = Files.exists(keyFile)
                ? VoucherSigningKey.fromJwk(Files.readString(keyFile))
                : VoucherSigningKey.generate(KID);
        Files.writeString(keyFile, key.toJwkJson());
        Files.writeString(dir.resolve("trusted-jwks.json"), TrustedKeys.of(key).toJwksJson());
        PrivateKey priv = ecKey().toPrivateKey();

        String valid = new VoucherSigner(key).sign(validClaims());
        write("valid.jwt", "VALID", "A genuine voucher, signed by the trusted key, inside its validity window.", valid);
        String[] v = valid.split("\\.");
        String header = json(Map.of("alg", "ES256", "typ", "voucher+jwt", "kid", KID));
        String payload = payload(claims());

        // --- algorithm confusion ---
        write(
                "alg-none.jwt",
                "UNSUPPORTED_ALGORITHM",
                "Unsecured JWT: alg none and an empty signature.",
                b64(hdr("none", KID)) + "." + payload + ".");
        byte[] jwkSecret = key.publicJwkJson().getBytes(StandardCharsets.UTF_8);
        write(
                "alg-hs256-jwk-secret.jwt",
                "UNSUPPORTED_ALGORITHM",
                "Key confusion: HS256 with the trusted public JWK JSON as the HMAC secret.",
                hmac(hdr("HS256", KID), payload, jwkSecret));
        write(
                "alg-hs256-spki-secret.jwt",
                "UNSUPPORTED_ALGORITHM",
                "Key confusion: HS256 with the trusted public key's X.509 SPKI DER bytes as the HMAC secret.",
                hmac(hdr("HS256", KID), payload, ecKey().toPublicKey().getEncoded()));
        KeyPair rsa = keyPair("RSA", null);
        write(
                "alg-rs256.jwt",
                "UNSUPPORTED_ALGORITHM",
                "RS256 signed with an attacker RSA key, trusted kid.",
                jdkSign(hdr("RS256", KID), payload, rsa.getPrivate(), "SHA256withRSA"));
        write(
                "alg-ps256.jwt",
                "UNSUPPORTED_ALGORITHM",
                "PS256 signed with an attacker RSA key, trusted kid.",
                jdkSign(hdr("PS256", KID), payload, rsa.getPrivate(), "RSASSA-PSS"));
        KeyPair p384 = keyPair("EC", "secp384r1");
        write(
                "alg-es384.jwt",
                "UNSUPPORTED_ALGORITHM",
                "ES384 signed with an attacker P-384 key, trusted kid.",
                jdkSign(hdr("ES384", KID), payload, p384.getPrivate(), "SHA384withECDSAinP1363Format"));

        // --- header abuse ---
        write(
                "wrong-typ.jwt",
                "WRONG_TYPE",
                "Genuine signature but typ is JWT, not voucher+jwt.",
                es256(json(Map.of("alg", "ES256", "typ", "JWT", "kid", KID)), payload, priv));
        write(
                "missing-typ.jwt",
                "WRONG_TYPE",
                "Genuine signature but no typ header.",
                es256(json(Map.of("alg", "ES256", "kid", KID)), payload, priv));
        KeyPair attacker = keyPair("EC", "secp256r1");
        ECKey attackerJwk = new ECKey.Builder(
                        com.nimbusds.jose.jwk.Curve.P_256, (java.security.interfaces.ECPublicKey) attacker.getPublic())
                .keyID(KID)
                .build();
        Map<String, Object> jwkHeader = new LinkedHashMap<>(Map.of("alg", "ES256", "typ", "voucher+jwt", "kid", KID));
        jwkHeader.put("jwk", attackerJwk.toJSONObject());
        write(
                "header-jwk-embedded.jwt",
                "FORBIDDEN_HEADER",
                "Embedded jwk header with the attacker's key; signature matches that key.",
                es256(json(jwkHeader), payload, attacker.getPrivate()));
        write(
                "header-jku.jwt",
                "FORBIDDEN_HEADER",
                "jku header pointing at an attacker-hosted JWKS.",
                es256(
                        json(Map.of(
                                "alg",
                                "ES256",
                                "typ",
                                "voucher+jwt",
                                "kid",
                                "attacker-1",
                                "jku",
                                "https://attacker.example/jwks.json")),
                        payload,
                        attacker.getPrivate()));
        write(
                "header-x5u.jwt",
                "FORBIDDEN_HEADER",
                "x5u header pointing at an attacker-hosted certificate.",
                es256(
                        json(Map.of(
                                "alg",
                                "ES256",
                                "typ",
                                "voucher+jwt",
                                "kid",
                                KID,
                                "x5u",
                                "https://attacker.example/cert.pem")),
                        payload,
                        attacker.getPrivate()));
        write(
                "header-crit.jwt",
                "FORBIDDEN_HEADER",
                "Genuine signature but a crit header the verifier cannot honour.",
                es256(
                        "{\"alg\":\"ES256\",\"typ\":\"voucher+jwt\",\"kid\":\"" + KID + "\",\"crit\":[\"exp\"]}",
                        payload,
                        priv));
        write(
                "header-duplicate-alg.jwt",
                "MALFORMED",
                "Header JSON names alg twice (ES256 and none).",
                b64("{\"alg\":\"ES256\",\"typ\":\"voucher+jwt\",\"kid\":\"" + KID + "\",\"alg\":\"none\"}") + "."
                        + payload + "." + v[2]);

        // --- key selection ---
        write(
                "unknown-kid.jwt",
                "UNKNOWN_KEY",
                "Signed by an attacker P-256 key under a kid that is not trusted.",
                es256(
                        json(Map.of("alg", "ES256", "typ", "voucher+jwt", "kid", "attacker-1")),
                        payload,
                        attacker.getPrivate()));
        write(
                "missing-kid.jwt",
                "UNKNOWN_KEY",
                "Genuine signature but no kid header.",
                es256(json(Map.of("alg", "ES256", "typ", "voucher+jwt")), payload, priv));

        // --- signature bytes ---
        Map<String, Object> tampered = claims();
        tampered.put("deal", "00000000-0000-4000-8000-000000000001");
        write(
                "tampered-payload.jwt",
                "BAD_SIGNATURE",
                "Valid token with the payload swapped (other deal), original signature kept.",
                v[0] + "." + payload(tampered) + "." + v[2]);
        byte[] sig = Base64.getUrlDecoder().decode(v[2]);
        byte[] nBytes = fixed32(N);
        write(
                "sig-zero.jwt",
                "BAD_SIGNATURE",
                "Psychic signature (CVE-2022-21449): r = 0, s = 0.",
                v[0] + "." + v[1] + "." + b64(new byte[64]));
        write(
                "sig-r-equals-n.jwt",
                "BAD_SIGNATURE",
                "r = n (curve order), s from the genuine signature.",
                v[0] + "." + v[1] + "." + b64(concat(nBytes, Arrays.copyOfRange(sig, 32, 64))));
        write(
                "sig-s-equals-n.jwt",
                "BAD_SIGNATURE",
                "s = n (curve order), r from the genuine signature.",
                v[0] + "." + v[1] + "." + b64(concat(Arrays.copyOfRange(sig, 0, 32), nBytes)));
        byte[] lowS = lowS(sig);
        write(
                "sig-high-s.jwt",
                "BAD_SIGNATURE",
                "The genuine signature in its other, non-canonical form (r, n - s), which verifies mathematically;"
                        + " only low-S (s <= n/2) is accepted, so a token has one spelling.",
                v[0] + "." + v[1] + "."
                        + b64(concat(
                                Arrays.copyOfRange(lowS, 0, 32),
                                fixed32(N.subtract(new BigInteger(1, Arrays.copyOfRange(lowS, 32, 64)))))));
        write(
                "sig-truncated.jwt",
                "BAD_SIGNATURE",
                "Genuine signature with its last byte cut off (63 bytes).",
                v[0] + "." + v[1] + "." + b64(Arrays.copyOf(sig, 63)));
        write(
                "sig-der-encoded.jwt",
                "BAD_SIGNATURE",
                "Genuine signature re-encoded as ASN.1 DER instead of JOSE R||S.",
                v[0] + "." + v[1] + "." + b64(toDer(sig)));

        // --- claims ---
        write(
                "expired.jwt",
                "EXPIRED",
                "exp is 120 s before the verification instant (beyond the 60 s skew).",
                es256(header, payload(claims("exp", VERIFY_AT.minusSeconds(120).getEpochSecond())), priv));
        write(
                "not-yet-valid-nbf.jwt",
                "NOT_YET_VALID",
                "nbf is 10 minutes after the verification instant.",
                es256(header, payload(claims("nbf", VERIFY_AT.plusSeconds(600).getEpochSecond())), priv));
        write(
                "not-yet-valid-iat.jwt",
                "NOT_YET_VALID",
                "iat is 10 minutes after the verification instant.",
                es256(header, payload(claims("iat", VERIFY_AT.plusSeconds(600).getEpochSecond())), priv));
        write(
                "wrong-issuer.jwt",
                "WRONG_ISSUER",
                "Genuine signature, iss is https://evil.example.",
                es256(header, payload(claims("iss", "https://evil.example")), priv));
        write(
                "wrong-merchant.jwt",
                "WRONG_MERCHANT",
                "Genuine signature, voucher is for another merchant.",
                es256(header, payload(claims("mid", "9a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d")), priv));
        Map<String, Object> noJti = claims();
        noJti.remove("jti");
        write(
                "missing-jti.jwt",
                "MISSING_CLAIM",
                "Genuine signature, no jti claim.",
                es256(header, payload(noJti), priv));
        write(
                "deal-not-uuid.jwt",
                "MALFORMED",
                "Genuine signature, deal is not a UUID.",
                es256(header, payload(claims("deal", "deal-42")), priv));
        write(
                "oversized.jwt",
                "TOO_LARGE",
                "Genuine signature but 2049+ characters (padding claim); rejected before parsing.",
                es256(header, payload(claims("pad", "x".repeat(1600))), priv));

        // --- not a JWS at all ---
        write(
                "malformed-two-segments.jwt",
                "MALFORMED",
                "Only header.payload, no signature segment.",
                v[0] + "." + v[1]);
        write(
                "malformed-bad-base64.jwt",
                "MALFORMED",
                "Header segment contains characters outside base64url.",
                v[0].substring(0, 10) + "*+/" + v[0].substring(10) + "." + v[1] + "." + v[2]);
        write(
                "malformed-header-not-json.jwt",
                "MALFORMED",
                "Header decodes to text that is not JSON.",
                b64("hello, shopkeeper") + "." + v[1] + "." + v[2]);
        writeManifest();
    }

    private ECKey ecKey() throws Exception {
        return ECKey.parse(key.toJwkJson());
    }

    private static Map<String, Object> claims(Object... overrides) {
        VoucherClaims c = validClaims();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("iss", c.issuer());
        m.put("sub", c.userId());
        m.put("jti", c.claimId().toString());
        m.put("deal", c.dealId().toString());
        m.put("mid", c.merchantId().toString());
        m.put("iat", c.issuedAt().getEpochSecond());
        m.put("exp", c.expiresAt().getEpochSecond());
        for (int i = 0; i < overrides.length; i += 2) {
            m.put((String) overrides[i], overrides[i + 1]);
        }
        return m;
    }

    private static String hdr(String alg, String kid) {
        return "{\"alg\":\"" + alg + "\",\"typ\":\"voucher+jwt\",\"kid\":\"" + kid + "\"}";
    }

    private static String json(Map<String, ?> m) {
        return JSONObjectUtils.toJSONString(new LinkedHashMap<>(m));
    }

    private static String payload(Map<String, Object> m) {
        return b64(json(m));
    }

    /** ES256 as the server signs: low-S, so each vector fails for its own reason and not for a high s. */
    private static String es256(String headerJson, String payloadB64, PrivateKey key) throws Exception {
        String token = jdkSign(headerJson, payloadB64, key, "SHA256withECDSAinP1363Format");
        int dot = token.lastIndexOf('.');
        return token.substring(0, dot + 1) + b64(lowS(Base64.getUrlDecoder().decode(token.substring(dot + 1))));
    }

    private static byte[] lowS(byte[] sig) {
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(sig, 32, 64));
        return s.compareTo(N.shiftRight(1)) <= 0 ? sig : concat(Arrays.copyOfRange(sig, 0, 32), fixed32(N.subtract(s)));
    }

    private static String jdkSign(String headerJson, String payloadB64, PrivateKey key, String alg) throws Exception {
        String input = b64(headerJson) + "." + payloadB64;
        Signature s = Signature.getInstance(alg);
        if (alg.equals("RSASSA-PSS")) {
            s.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
        }
        s.initSign(key);
        s.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + b64(s.sign());
    }

    private static String hmac(String headerJson, String payloadB64, byte[] secret) throws Exception {
        String input = b64(headerJson) + "." + payloadB64;
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        return input + "." + b64(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    }

    private static KeyPair keyPair(String alg, String curve) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance(alg);
        if (curve != null) {
            g.initialize(new ECGenParameterSpec(curve));
        } else {
            g.initialize(2048);
        }
        return g.generateKeyPair();
    }

    private static byte[] toDer(byte[] rs) {
        byte[] r = new BigInteger(1, Arrays.copyOfRange(rs, 0, 32)).toByteArray();
        byte[] s = new BigInteger(1, Arrays.copyOfRange(rs, 32, 64)).toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x30);
        out.write(4 + r.length + s.length);
        out.write(0x02);
        out.write(r.length);
        out.writeBytes(r);
        out.write(0x02);
        out.write(s.length);
        out.writeBytes(s);
        return out.toByteArray();
    }

    private static byte[] fixed32(BigInteger v) {
        byte[] raw = v.toByteArray();
        return Arrays.copyOfRange(raw, raw.length - 32, raw.length);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static String b64(String s) {
        return b64(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String b64(byte[] b) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private void write(String file, String expected, String description, String token) throws Exception {
        Files.writeString(dir.resolve(file), token);
        manifest.add(new String[] {file, expected, description});
    }

    private void writeManifest() throws Exception {
        StringBuilder sb = new StringBuilder("{\n");
        sb.append(
                "  \"about\": \"Voucher verification vectors. Verify every token with the settings below; each must yield 'expected' (VALID or a VerificationResult.Reason).\",\n");
        sb.append("  \"settings\": {\n");
        sb.append("    \"verifyAt\": \"").append(VERIFY_AT).append("\",\n");
        sb.append("    \"issuer\": \"").append(ISSUER).append("\",\n");
        sb.append("    \"merchantId\": \"").append(MERCHANT).append("\",\n");
        sb.append("    \"clockSkewSeconds\": ").append(SKEW_SECONDS).append(",\n");
        sb.append("    \"maxTokenLength\": ").append(MAX_TOKEN_LENGTH).append(",\n");
        sb.append("    \"trustedJwks\": \"trusted-jwks.json\",\n");
        sb.append("    \"signingKey\": \"signing-key.jwk.json\"\n");
        sb.append("  },\n");
        sb.append("  \"validClaims\": ").append(json(claims())).append(",\n");
        sb.append("  \"vectors\": [\n");
        for (int i = 0; i < manifest.size(); i++) {
            String[] m = manifest.get(i);
            sb.append("    {\"file\": \"")
                    .append(m[0])
                    .append("\", \"expected\": \"")
                    .append(m[1])
                    .append("\", \"description\": ")
                    .append(quote(m[2]))
                    .append('}')
                    .append(i + 1 < manifest.size() ? ",\n" : "\n");
        }
        sb.append("  ]\n}\n");
        Files.writeString(dir.resolve("manifest.json"), sb.toString());
    }
}
