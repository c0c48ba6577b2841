package com.hyperlocal.flashsale.verifier.verify;

import com.hyperlocal.flashsale.crypto.KeyCache;
import com.hyperlocal.flashsale.crypto.VerificationResult;
import com.hyperlocal.flashsale.crypto.VoucherVerifier;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Verifies tokens fully offline with common-crypto's strict verifier, against the cached keys and
 * issuer and this device's merchant id (the configured one, else the one in the key cache).
 * Thread-safe.
 */
public final class VoucherCheck {

    private final KeySource keys;
    private final Supplier<UUID> configuredMerchant;
    private final Clock clock;
    private KeyCache builtFrom;
    private UUID builtFor;
    private VoucherVerifier verifier;

    public VoucherCheck(KeySource keys, Supplier<UUID> configuredMerchant, Clock clock) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.configuredMerchant = Objects.requireNonNull(configuredMerchant, "configuredMerchant");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Never throws for a bad token: a bad token is an {@link VerificationResult.Invalid}. */
    public VerificationResult check(String token) throws KeysUnavailableException {
        return verifier().verify(token);
    }

    private synchronized VoucherVerifier verifier() throws KeysUnavailableException {
        KeyCache cache = keys.current();
        UUID merchant = configuredMerchant.get() != null ? configuredMerchant.get() : cache.merchantId();
        if (merchant == null) {
            throw new KeysUnavailableException("This till does not know which shop it belongs to. "
                    + "Enter the merchant id in Settings, or refresh the keys with the merchant API key.");
        }
        if (cache != builtFrom || !merchant.equals(builtFor)) {
            verifier = VoucherVerifier.builder(cache.keys(), cache.issuer(), merchant).clock(clock).build();
            builtFrom = cache;
            builtFor = merchant;
        }
        return verifier;
    }
}
