package com.hyperlocal.flashsale.bench.jmh;

import com.hyperlocal.flashsale.crypto.TrustedKeys;
import com.hyperlocal.flashsale.crypto.VerificationResult;
import com.hyperlocal.flashsale.crypto.VoucherClaims;
import com.hyperlocal.flashsale.crypto.VoucherSigner;
import com.hyperlocal.flashsale.crypto.VoucherSigningKey;
import com.hyperlocal.flashsale.crypto.VoucherVerifier;
import com.nimbusds.jose.jwk.ECKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Per-operation cost of the signatures on the server's hot paths: signing one voucher (ES256, JWS
 * compact, through common-crypto's {@link VoucherSigner}), the same signature through raw JCA with
 * the JDK's and BouncyCastle's providers, the Ed25519 alternative, verifying one voucher as the
 * till does ({@link VoucherVerifier}), and the RS256 signature check every authenticated shopper
 * request pays.
 *
 * <p>Every raw-JCA benchmark takes a fresh {@link Signature} per operation, as nimbus does (and as
 * {@code bench/sigcost/SigCost.java} did), so the figures compare like with like. Keys, the voucher
 * and the shopper token are made once in {@link #setUp()}; the objects held are all thread-safe, so
 * the state is shared ({@code -t 2} works).
 *
 * <p>The annotations are the defaults; the command line given in README.md overrides them.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SignatureCostBenchmark {

    /** Values as in docs/voucher-format.md: the 475-character token of the size report. */
    static final String ISSUER = "https://flashsale.example";

    static final String KID = "voucher-key-2026-01";
    static final String USER_ID = "user-8f3k2q9z";

    private VoucherSigner voucherSigner;
    private VoucherClaims claims;
    private VoucherVerifier voucherVerifier;
    /** A voucher as VoucherSigner writes it, and its JWS signing input ({@code header.payload}). */
    private String voucher;

    private byte[] signingInput;

    private PrivateKey ecPrivate; // the voucher key, as a JDK key
    private PublicKey ecPublic;
    private byte[] es256Signature; // R||S over signingInput

    private Provider bouncyCastle;
    private PrivateKey bcEcPrivate; // a P-256 key made by BouncyCastle

    private PrivateKey edPrivate;
    private PublicKey edPublic;
    private byte[] ed25519Signature;

    private PublicKey rsaPublic;
    private byte[] tokenSigningInput; // an RS256 shopper token's header.payload
    private byte[] rs256Signature;

    @Setup
    public void setUp() throws Exception {
        Instant now = Instant.now();
        VoucherSigningKey key = VoucherSigningKey.generate(KID);
        voucherSigner = new VoucherSigner(key);
        claims = new VoucherClaims(
                ISSUER,
                USER_ID,
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                now,
                now.plus(Duration.ofDays(7)));
        voucher = voucherSigner.sign(claims);
        voucherVerifier = VoucherVerifier.builder(TrustedKeys.of(key), ISSUER, claims.merchantId())
                .clock(Clock.fixed(now.plusSeconds(3600), ZoneOffset.UTC))
                .build();
        VerificationResult result = voucherVerifier.verify(voucher);
        if (!(result instanceof VerificationResult.Valid)) {
            throw new IllegalStateException("voucher does not verify: " + result);
        }
        signingInput = voucher.substring(0, voucher.lastIndexOf('.')).getBytes(StandardCharsets.US_ASCII);

        ECKey jwk = ECKey.parse(key.toJwkJson());
        ecPrivate = jwk.toECPrivateKey();
        ecPublic = jwk.toECPublicKey();
        es256Signature = sign("SHA256withECDSAinP1363Format", null, ecPrivate, signingInput);
        check("SHA256withECDSAinP1363Format", null, ecPublic, signingInput, es256Signature);

        bouncyCastle = new BouncyCastleProvider();
        KeyPairGenerator bcGen = KeyPairGenerator.getInstance("EC", bouncyCastle);
        bcGen.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair bcPair = bcGen.generateKeyPair();
        bcEcPrivate = bcPair.getPrivate();
        // BouncyCastle's name for R||S (IEEE P1363) ECDSA, the JOSE encoding.
        check(
                "SHA256withPLAIN-ECDSA",
                bouncyCastle,
                bcPair.getPublic(),
                signingInput,
                sign("SHA256withPLAIN-ECDSA", bouncyCastle, bcEcPrivate, signingInput));

        KeyPair ed = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        edPrivate = ed.getPrivate();
        edPublic = ed.getPublic();
        ed25519Signature = sign("Ed25519", null, edPrivate, signingInput);
        check("Ed25519", null, edPublic, signingInput, ed25519Signature);

        // A shopper token as bench/idp/TokenMint.java mints it (RSA-2048, RS256).
        KeyPairGenerator rsaGen = KeyPairGenerator.getInstance("RSA");
        rsaGen.initialize(2048);
        KeyPair rsa = rsaGen.generateKeyPair();
        rsaPublic = rsa.getPublic();
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        long t = now.getEpochSecond();
        String header = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"bench-1a2b3c4d5e6f\"}"
                .getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(("{\"iss\":\"https://idp.example\",\"sub\":\"shopper-123456\","
                        + "\"aud\":\"flashsale\",\"iat\":" + t + ",\"nbf\":" + (t - 60) + ",\"exp\":" + (t + 3600)
                        + "}")
                .getBytes(StandardCharsets.UTF_8));
        tokenSigningInput = (header + "." + payload).getBytes(StandardCharsets.US_ASCII);
        rs256Signature = sign("SHA256withRSA", null, rsa.getPrivate(), tokenSigningInput);
        check("SHA256withRSA", null, rsaPublic, tokenSigningInput, rs256Signature);
    }

    /** The production path: claims to JSON, nimbus ES256 (DER then R||S), low-S, compact form. */
    @Benchmark
    public String es256SignVoucher() {
        return voucherSigner.sign(claims);
    }

    /** The bare ES256 signature (JDK SunEC) over the same signing input. */
    @Benchmark
    public byte[] es256SignJdk() throws GeneralSecurityException {
        return sign("SHA256withECDSAinP1363Format", null, ecPrivate, signingInput);
    }

    /** The bare ES256 signature with the BouncyCastle provider instead of SunEC. */
    @Benchmark
    public byte[] es256SignBouncyCastle() throws GeneralSecurityException {
        return sign("SHA256withPLAIN-ECDSA", bouncyCastle, bcEcPrivate, signingInput);
    }

    /** The alternative algorithm: JWS alg EdDSA with an Ed25519 key (JDK SunEC). */
    @Benchmark
    public byte[] ed25519SignJdk() throws GeneralSecurityException {
        return sign("Ed25519", null, edPrivate, signingInput);
    }

    /** What the till does per scan: VoucherVerifier's full strict check of one voucher. */
    @Benchmark
    public VerificationResult es256Verify() {
        return voucherVerifier.verify(voucher);
    }

    /** For comparison with es256Verify: the bare ES256 verification (JDK SunEC). */
    @Benchmark
    public boolean es256VerifyJdk() throws GeneralSecurityException {
        return verify("SHA256withECDSAinP1363Format", ecPublic, signingInput, es256Signature);
    }

    /** What an Ed25519 voucher would cost the till: the bare verification (JDK SunEC). */
    @Benchmark
    public boolean ed25519VerifyJdk() throws GeneralSecurityException {
        return verify("Ed25519", edPublic, signingInput, ed25519Signature);
    }

    /** The signature check of one RS256 shopper token (RSA-2048, JDK), as on every authenticated request. */
    @Benchmark
    public boolean rs256VerifyToken() throws GeneralSecurityException {
        return verify("SHA256withRSA", rsaPublic, tokenSigningInput, rs256Signature);
    }

    private static byte[] sign(String algorithm, Provider provider, PrivateKey key, byte[] data)
            throws GeneralSecurityException {
        Signature s = provider == null ? Signature.getInstance(algorithm) : Signature.getInstance(algorithm, provider);
        s.initSign(key);
        s.update(data);
        return s.sign();
    }

    private static boolean verify(String algorithm, PublicKey key, byte[] data, byte[] signature)
            throws GeneralSecurityException {
        Signature v = Signature.getInstance(algorithm);
        v.initVerify(key);
        v.update(data);
        return v.verify(signature);
    }

    private static void check(String algorithm, Provider provider, PublicKey key, byte[] data, byte[] signature)
            throws GeneralSecurityException {
        Signature v = provider == null ? Signature.getInstance(algorithm) : Signature.getInstance(algorithm, provider);
        v.initVerify(key);
        v.update(data);
        if (!v.verify(signature)) {
            throw new IllegalStateException(algorithm + " signature does not verify in setup");
        }
    }
}
