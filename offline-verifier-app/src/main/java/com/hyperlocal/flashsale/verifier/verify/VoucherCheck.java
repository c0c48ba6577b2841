package com.hyperlocal.flashsale.verifier.verify;

import com.hyperlocal.flashsale.crypto.KeyCache;
import com.hyperlocal.flashsale.crypto.VerificationResult;
import com.hyperlocal.flashsale.crypto.VoucherVerifier;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Verifies tokens fully offline with common-crypto's strict verifier, against the cached keys and
 * issuer and this device's merchant id (the configured one, else the one in the key cache).
 * Thread-safe.
 */
public final class VoucherCheck {

    private final KeySource keys;
    private final Supplier<Optional<UUID>> configuredMerchant;
    private final Clock clock;
    private @Nullable KeyCache builtFrom;
    private @Nullable UUID builtFor;
    private @Nullable VoucherVerifier verifier;

    public VoucherCheck(KeySource keys, Supplier<Optional<UUID>> configuredMerchant, Clock clock) {
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
        UUID merchant = configuredMerchant.get().orElse(cache.merchantId());
        if (merchant == null) {
            throw new KeysUnavailableException("This till does not know which shop it belongs to. "
                    + "Enter the merchant id in Settings, or refresh the keys with the merchant API key.");
        }
        VoucherVerifier built = verifier;
        if (built == null || cache != builtFrom || !merchant.equals(builtFor)) {
            built = VoucherVerifier.builder(cache.keys(), cache.issuer(), merchant)
                    .clock(clock)
                    .build();
            verifier = built;
            builtFrom = cache;
            builtFor = merchant;
        }
        return built;
    }
}
