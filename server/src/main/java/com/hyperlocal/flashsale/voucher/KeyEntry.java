package com.hyperlocal.flashsale.voucher;

import com.hyperlocal.flashsale.crypto.VoucherSigner;
import com.hyperlocal.flashsale.crypto.VoucherSigningKey;
import com.nimbusds.jose.jwk.ECKey;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One signing key with its schedule: published from {@code createdAt}, signs from {@code signsFrom}
 * until {@code retiredAt} (null = not retired). The record's text names the kid only.
 */
record KeyEntry(
        VoucherSigningKey key,
        VoucherSigner signer,
        Instant createdAt,
        Instant signsFrom,
        @Nullable Instant retiredAt) {

    KeyEntry(VoucherSigningKey key, Instant createdAt, Instant signsFrom, @Nullable Instant retiredAt) {
        this(key, new VoucherSigner(key), createdAt, signsFrom, retiredAt);
    }

    String kid() {
        return key.kid();
    }

    ECKey publicJwk() {
        return key.publicJwk();
    }

    KeyEntry retired(Instant at) {
        return new KeyEntry(key, signer, createdAt, signsFrom, at);
    }

    @Override
    public String toString() {
        return "KeyEntry[kid=" + kid() + ", createdAt=" + createdAt + ", signsFrom=" + signsFrom + ", retiredAt="
                + retiredAt + "]";
    }
}
