import java.io.BufferedWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.stream.IntStream;

/**
 * The benchmark's identity provider, JDK only: one RSA-2048 key, its JWKS (served by the bench's
 * nginx as a static file) and pre-minted RS256 shopper tokens, one per line, sub = PREFIX-i. RS256
 * because it is what most providers sign with by default, and because its verification is cheap
 * (~0.1 ms here; an ES256 verification measured ~1.3 ms of CPU on the same 2-core host).
 *
 *   java TokenMint.java OUT_DIR ISSUER AUDIENCE TTL_SECONDS NAME:PREFIX:COUNT...
 *
 * writes OUT_DIR/jwks.json and OUT_DIR/NAME.tokens for each NAME. The server checks these tokens
 * with the same resource-server path as any provider's (issuer, audience, expiry, signature).
 */
public class TokenMint {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        String issuer = args[1], audience = args[2];
        long ttl = Long.parseLong(args[3]);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair key = generator.generateKeyPair();
        String kid = "bench-" + Long.toHexString(System.nanoTime());
        RSAPublicKey pub = (RSAPublicKey) key.getPublic();
        Files.createDirectories(out);
        Files.writeString(out.resolve("jwks.json"), "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\","
                + "\"kid\":\"" + kid + "\",\"n\":\"" + unsigned(pub.getModulus()) + "\",\"e\":\""
                + unsigned(pub.getPublicExponent()) + "\"}]}\n");
        String header = B64.encodeToString(("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}")
                .getBytes(StandardCharsets.UTF_8));
        long now = System.currentTimeMillis() / 1000;
        for (int a = 4; a < args.length; a++) {
            String[] spec = args[a].split(":");
            String name = spec[0], prefix = spec[1];
            int count = Integer.parseInt(spec[2]);
            String[] tokens = new String[count];
            IntStream.range(0, count).parallel().forEach(i -> tokens[i] = mint(key, header, issuer, audience,
                    prefix + "-" + i, now, ttl));
            try (BufferedWriter w = Files.newBufferedWriter(out.resolve(name + ".tokens"))) {
                for (String t : tokens) {
                    w.write(t);
                    w.newLine();
                }
            }
        }
    }

    private static String mint(KeyPair key, String header, String issuer, String audience, String sub, long now,
            long ttl) {
        try {
            String payload = B64.encodeToString(("{\"iss\":\"" + issuer + "\",\"sub\":\"" + sub + "\",\"aud\":\""
                    + audience + "\",\"iat\":" + now + ",\"nbf\":" + (now - 60) + ",\"exp\":" + (now + ttl) + "}")
                    .getBytes(StandardCharsets.UTF_8));
            String input = header + "." + payload;
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(key.getPrivate());
            signer.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + B64.encodeToString(signer.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A JWK number: unsigned big-endian, no leading zero byte. */
    private static String unsigned(BigInteger value) {
        byte[] raw = value.toByteArray();
        return B64.encodeToString(raw[0] == 0 ? Arrays.copyOfRange(raw, 1, raw.length) : raw);
    }
}
