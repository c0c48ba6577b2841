package com.hyperlocal.flashsale.verifier.scan.corpus;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.SecureRandomSpi;
import java.security.Security;
import java.util.function.Supplier;

/**
 * ES256 signatures draw a random nonce, so the same claims sign to a different token every run.
 * To make the corpus reproducible byte for byte, the generator signs while this provider's
 * seeded generator is the JVM's preferred {@code SecureRandom} (nimbus asks for a plain
 * {@code new SecureRandom()}). Test code only: a predictable nonce leaks the private key, which
 * is acceptable solely for the committed test key.
 */
final class SeededSigning {

    private static final String NAME = "FlashsaleCorpusSeededRandom";

    private SeededSigning() {}

    /** Runs {@code work} with every new {@code SecureRandom} in this JVM drawing from {@code seed}. */
    static synchronized <T> T with(long seed, Supplier<T> work) {
        CounterRandom.seed = seed;
        CounterRandom.counter = 0;
        Provider provider = new Provider(NAME, "1.0", "seeded SecureRandom for test corpora") {};
        provider.put("SecureRandom.SeededCounter", CounterRandom.class.getName());
        Security.insertProviderAt(provider, 1);
        try {
            return work.get();
        } finally {
            Security.removeProvider(NAME);
        }
    }

    /** SHA-256 in counter mode over one process-wide seed (static: JCA instantiates the SPI). */
    public static final class CounterRandom extends SecureRandomSpi {
        static long seed;
        static long counter;

        @Override
        protected void engineSetSeed(byte[] ignored) {
            // Deterministic on purpose: outside seeding is ignored.
        }

        @Override
        protected void engineNextBytes(byte[] bytes) {
            synchronized (CounterRandom.class) {
                try {
                    MessageDigest sha = MessageDigest.getInstance("SHA-256");
                    int off = 0;
                    while (off < bytes.length) {
                        byte[] block = sha.digest(ByteBuffer.allocate(16)
                                .putLong(seed)
                                .putLong(counter++)
                                .array());
                        int n = Math.min(block.length, bytes.length - off);
                        System.arraycopy(block, 0, bytes, off, n);
                        off += n;
                    }
                } catch (NoSuchAlgorithmException e) {
                    throw new IllegalStateException(e);
                }
            }
        }

        @Override
        protected byte[] engineGenerateSeed(int numBytes) {
            byte[] b = new byte[numBytes];
            engineNextBytes(b);
            return b;
        }
    }
}
