package com.hyperlocal.flashsale.voucher;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param issuer      the {@code iss} of every voucher; tills are configured with the same value
 * @param keysFile    production: a JWK set file holding the private EC P-256 signing keys, first key
 *                    = active signer (see {@link VoucherKeyring}); when set, {@code keyDir} is unused
 * @param keyDir      otherwise: folder where keys are generated and kept, one {@code <kid>.jwk.json}
 *                    each, owner-only; defaults to {@code <flashsale.embedded.data-dir>/keys}
 * @param rotateAfter age after which the active key is replaced by a fresh one (key-dir mode)
 * @param qrSizePx    edge of the QR PNG served for a claim, in pixels
 */
@ConfigurationProperties("flashsale.vouchers")
record VoucherProperties(String issuer, Path keysFile, Path keyDir, Duration rotateAfter, int qrSizePx) {

    static final String DEFAULT_ISSUER = "https://flashsale.example";

    VoucherProperties {
        issuer = issuer != null && !issuer.isBlank() ? issuer : DEFAULT_ISSUER;
        keyDir = keyDir != null ? keyDir : Path.of("data", "keys");
        rotateAfter = rotateAfter != null && !rotateAfter.isNegative() && !rotateAfter.isZero()
                ? rotateAfter : Duration.ofDays(30);
        qrSizePx = qrSizePx > 0 ? qrSizePx : 400;
    }
}
