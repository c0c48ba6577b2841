package com.hyperlocal.flashsale.voucher;

import com.hyperlocal.flashsale.crypto.VoucherKeyException;
import com.hyperlocal.flashsale.crypto.VoucherSigningKey;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals private signing keys for storage with AES-256-GCM: a random 12-byte nonce, the kid as
 * associated data (a sealed key cannot be moved to another kid's row), 128-bit tag. Output is
 * {@code nonce || ciphertext+tag}. Messages never quote key material.
 */
final class SealedKeys {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    /** @param base64Key base64 (standard or URL-safe) of exactly 32 random bytes */
    SealedKeys(String base64Key) {
        byte[] raw;
        try {
            raw = base64Key.contains("-") || base64Key.contains("_")
                    ? Base64.getUrlDecoder().decode(base64Key.trim())
                    : Base64.getDecoder().decode(base64Key.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("flashsale.vouchers.key-encryption-key is not base64");
        }
        if (raw.length != 32) {
            throw new IllegalStateException("flashsale.vouchers.key-encryption-key must be 32 bytes (base64 of"
                    + " `head -c 32 /dev/urandom`), got " + raw.length);
        }
        this.key = new SecretKeySpec(raw, "AES");
    }

    byte[] seal(VoucherSigningKey signingKey) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, signingKey.kid());
            byte[] sealed = cipher.doFinal(signingKey.toJwkJson().getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length)
                    .put(nonce)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot seal voucher key " + signingKey.kid());
        }
    }

    VoucherSigningKey open(String kid, byte[] sealed) {
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, java.util.Arrays.copyOf(sealed, NONCE_BYTES), kid);
            byte[] json = cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
            VoucherSigningKey opened = VoucherSigningKey.fromJwk(new String(json, StandardCharsets.UTF_8));
            if (!opened.kid().equals(kid)) {
                throw new IllegalStateException("Sealed voucher key " + kid + " holds another kid");
            }
            return opened;
        } catch (GeneralSecurityException | VoucherKeyException | RuntimeException e) {
            if (e instanceof IllegalStateException ise
                    && ise.getMessage() != null
                    && ise.getMessage().startsWith("Sealed")) {
                throw ise;
            }
            throw new IllegalStateException("Sealed voucher key " + kid + " cannot be opened with the configured"
                    + " key-encryption-key (wrong key, or the row was altered)");
        }
    }

    private Cipher cipher(int mode, byte[] nonce, String kid) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
