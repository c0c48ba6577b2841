package com.hyperlocal.flashsale.crypto;

import java.math.BigInteger;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * NIST P-256 constants and the little arithmetic this module needs without a crypto provider.
 *
 * <p>Stateless and thread-safe. Not part of the public API.
 */
final class P256 {

    /** Field prime p. */
    static final BigInteger P = new BigInteger("FFFFFFFF00000001000000000000000000000000FFFFFFFFFFFFFFFFFFFFFFFF", 16);
    /** Curve coefficient a = p - 3. */
    static final BigInteger A = P.subtract(BigInteger.valueOf(3));
    /** Group order n: ECDSA r and s must lie in [1, n-1]. */
    static final BigInteger N = new BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);

    static final BigInteger GX = new BigInteger("6B17D1F2E12C4247F8BCE6E563A440F277037D812DEB33A0F4A13945D898C296", 16);
    static final BigInteger GY = new BigInteger("4FE342E2FE1A7F9B8EE7EB4A7C0F9E162BCE33576B315ECECBB6406837BF51F5", 16);

    /** JOSE (RFC 7518 §3.4) ES256 signatures are R||S, each 32 bytes big-endian. */
    static final int SIGNATURE_LENGTH = 64;

    private P256() {}

    /**
     * True only for a 64-byte R||S signature with 1 ≤ r ≤ n-1 and 1 ≤ s ≤ n-1.
     *
     * <p>Checked by us, before any JDK/nimbus code sees the signature, so that the
     * "psychic signature" bug (CVE-2022-21449: r = s = 0 accepted by some JDKs) cannot bite
     * even on an unpatched runtime.
     */
    static boolean isWellFormedSignature(byte[] signature) {
        if (signature == null || signature.length != SIGNATURE_LENGTH) {
            return false;
        }
        BigInteger r = new BigInteger(1, java.util.Arrays.copyOfRange(signature, 0, 32));
        BigInteger s = new BigInteger(1, java.util.Arrays.copyOfRange(signature, 32, 64));
        return inRange(r) && inRange(s);
    }

    /** n / 2: an ECDSA signature (r, s) is canonical ("low-S") when s ≤ n/2. */
    static final BigInteger HALF_N = N.shiftRight(1);

    /**
     * True only for a well-formed signature whose s is the low one. (r, s) and (r, n - s) both
     * verify; accepting only s ≤ n/2 gives every token exactly one spelling, so a re-encoded copy
     * of a voucher cannot pass as a different token (e.g. to slip past a "seen before" check on the
     * token text).
     */
    static boolean isCanonicalSignature(byte[] signature) {
        return isWellFormedSignature(signature)
                && new BigInteger(1, java.util.Arrays.copyOfRange(signature, 32, 64)).compareTo(HALF_N) <= 0;
    }

    /** The low-S form of a well-formed R||S signature: s replaced by n - s when s > n/2; otherwise the same array. */
    static byte[] toLowS(byte[] signature) {
        BigInteger s = new BigInteger(1, java.util.Arrays.copyOfRange(signature, 32, 64));
        if (s.compareTo(HALF_N) <= 0) {
            return signature;
        }
        byte[] low = java.util.Arrays.copyOf(signature, SIGNATURE_LENGTH);
        byte[] flipped = N.subtract(s).toByteArray();
        java.util.Arrays.fill(low, 32, 64, (byte) 0);
        int len = Math.min(flipped.length, 32);
        System.arraycopy(flipped, flipped.length - len, low, 64 - len, len);
        return low;
    }

    private static boolean inRange(BigInteger v) {
        return v.signum() > 0 && v.compareTo(N) < 0;
    }

    /**
     * Public point d·G, used only when loading a PKCS#8 key that does not carry its public key.
     * Plain affine double-and-add: not constant-time, acceptable for a one-off load of our own key
     * on our own machine, never used on attacker-controlled input.
     *
     * @return {x, y}
     */
    static BigInteger[] multiplyG(BigInteger d) {
        if (d.signum() <= 0 || d.compareTo(N) >= 0) {
            throw new IllegalArgumentException("private scalar out of range");
        }
        BigInteger @Nullable [] result = null;
        BigInteger[] addend = {GX, GY};
        for (int i = 0; i < d.bitLength(); i++) {
            if (d.testBit(i)) {
                result = add(result, addend);
            }
            addend = add(addend, addend);
        }
        // d is in [1, n-1], so some bit is set and the sum is a finite point.
        return Objects.requireNonNull(result, "d·G is finite for d in [1, n-1]");
    }

    // null represents the point at infinity.
    private static BigInteger @Nullable [] add(BigInteger @Nullable [] p1, BigInteger @Nullable [] p2) {
        if (p1 == null) {
            return p2;
        }
        if (p2 == null) {
            return p1;
        }
        BigInteger lambda;
        if (p1[0].equals(p2[0])) {
            if (!p1[1].equals(p2[1]) || p1[1].signum() == 0) {
                return null;
            }
            BigInteger num = p1[0].pow(2).multiply(BigInteger.valueOf(3)).add(A);
            lambda = num.multiply(p1[1].shiftLeft(1).modInverse(P)).mod(P);
        } else {
            lambda = p2[1].subtract(p1[1])
                    .multiply(p2[0].subtract(p1[0]).modInverse(P))
                    .mod(P);
        }
        BigInteger x = lambda.pow(2).subtract(p1[0]).subtract(p2[0]).mod(P);
        BigInteger y = lambda.multiply(p1[0].subtract(x)).subtract(p1[1]).mod(P);
        return new BigInteger[] {x, y};
    }
}
