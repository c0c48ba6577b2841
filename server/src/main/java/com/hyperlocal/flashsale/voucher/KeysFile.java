package com.hyperlocal.flashsale.voucher;

import com.hyperlocal.flashsale.crypto.VoucherKeyException;
import com.hyperlocal.flashsale.crypto.VoucherSigningKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Parses an operator's keys file: a JWK set whose every entry is a private EC P-256 key with a
 * unique {@code kid}; the first entry signs, later ones are retired. Errors never quote the file's
 * content or a parser message (either could contain key material).
 */
final class KeysFile {

    private KeysFile() {}

    static List<VoucherSigningKey> read(Path file) {
        KeyFolder.warnIfNotOwnerOnly(file);
        JWKSet set;
        try {
            set = JWKSet.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read voucher keys file " + file + ": "
                    + e.getClass().getSimpleName());
        } catch (ParseException | RuntimeException e) {
            throw new IllegalStateException("Voucher keys file " + file + " is not a JWK set");
        }
        List<VoucherSigningKey> keys = new ArrayList<>();
        Set<String> kids = new HashSet<>();
        for (JWK jwk : set.getKeys()) {
            VoucherSigningKey key;
            try {
                key = VoucherSigningKey.fromJwk(jwk.toJSONString());
            } catch (VoucherKeyException e) {
                throw new IllegalStateException(
                        "Voucher keys file " + file + ", key '" + jwk.getKeyID() + "': " + e.getMessage());
            }
            if (!kids.add(key.kid())) {
                throw new IllegalStateException("Voucher keys file " + file + " has kid '" + key.kid() + "' twice");
            }
            keys.add(key);
        }
        if (keys.isEmpty()) {
            throw new IllegalStateException("Voucher keys file " + file + " holds no keys");
        }
        return keys;
    }
}
