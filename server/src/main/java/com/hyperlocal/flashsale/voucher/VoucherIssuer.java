package com.hyperlocal.flashsale.voucher;

import com.hyperlocal.flashsale.crypto.ErrorCorrection;
import com.hyperlocal.flashsale.crypto.QrCodes;
import com.hyperlocal.flashsale.crypto.VoucherClaims;
import com.hyperlocal.flashsale.crypto.VoucherSigner;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * What the claim feature uses to issue vouchers: signs with the active key and renders QR codes.
 * Thread-safe.
 */
@Component
public class VoucherIssuer {

    private final VoucherKeyring keyring;
    private final VoucherProperties properties;

    VoucherIssuer(VoucherKeyring keyring, VoucherProperties properties) {
        this.keyring = keyring;
        this.properties = properties;
    }

    /**
     * Pins the currently active key for one claim batch, so every voucher of the batch carries the
     * same {@code kid} (stored with the claims).
     */
    public Session session() {
        return new Session(keyring.activeSigner(), properties.issuer());
    }

    /**
     * The {@code exp} of a voucher for a deal ending at {@code dealValidUntil}: the deal's end,
     * rounded up to a whole second (a JWT NumericDate has no fraction; rounding down could make
     * {@code exp} equal {@code iat} for a claim in the deal's last second).
     */
    public static Instant expiryFor(Instant dealValidUntil) {
        Instant seconds = dealValidUntil.truncatedTo(ChronoUnit.SECONDS);
        return seconds.equals(dealValidUntil) ? seconds : seconds.plusSeconds(1);
    }

    /** The token as a QR code PNG, error correction M, {@code flashsale.vouchers.qr-size-px} wide. */
    public byte[] qrPng(String token) {
        return QrCodes.toPng(token, properties.qrSizePx(), ErrorCorrection.M);
    }

    /** Signs vouchers with one key. Not a secret holder: the signer never exposes its key. */
    public static final class Session {

        private final VoucherSigner signer;
        private final String issuer;

        private Session(VoucherSigner signer, String issuer) {
            this.signer = signer;
            this.issuer = issuer;
        }

        public String kid() {
            return signer.kid();
        }

        /** iss = configured issuer, sub = user, jti = claim, deal, mid = merchant, iat, exp. */
        public String sign(
                UUID claimId, String userId, UUID dealId, UUID merchantId, Instant issuedAt, Instant expiresAt) {
            return signer.sign(new VoucherClaims(issuer, userId, claimId, dealId, merchantId, issuedAt, expiresAt));
        }

        @Override
        public String toString() {
            return "VoucherIssuer.Session[kid=" + kid() + "]";
        }
    }
}
