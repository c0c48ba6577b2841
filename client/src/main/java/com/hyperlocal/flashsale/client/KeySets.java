package com.hyperlocal.flashsale.client;

import com.hyperlocal.flashsale.crypto.KeyCache;
import com.hyperlocal.flashsale.crypto.TrustedKeys;
import com.hyperlocal.flashsale.crypto.VoucherKeyException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * Fetches what offline verification needs, for {@code flashdeal keys pull} and the till alike:
 * issuer and key location from {@code /.well-known/voucher-configuration}, the key set, and the
 * merchant id from {@code /api/v1/merchant/me} (when the client has an API key).
 *
 * <p>Trust rules: the key set must come from the configured server's origin (a {@code jwks_uri}
 * naming another origin is refused, redirects never leave the origin), and an empty or unusable
 * key set is refused rather than written, so a broken server cannot wipe a till's working cache.
 */
public final class KeySets {

    private KeySets() {}

    /** A fetched key cache, and the merchant whose API key fetched it (empty without a key). */
    public record Fetched(KeyCache cache, Optional<Merchant> merchant) {}

    /** The key cache as the server publishes it now; nothing is written. */
    public static Fetched fetch(FlashSaleClient client, Clock clock) {
        VoucherConfiguration conf = client.voucherConfiguration();
        if (conf.issuer() == null || conf.issuer().isBlank()) {
            throw new ApiException.BadAnswer("the server's voucher configuration names no issuer");
        }
        URI jwks = jwksUri(client, conf);
        TrustedKeys keys;
        try {
            keys = TrustedKeys.fromJwksJson(client.jwksJson(jwks));
        } catch (VoucherKeyException e) {
            throw new ApiException.Untrusted("the server published unusable keys: " + e.getMessage(), e);
        }
        if (keys.size() == 0) {
            throw new ApiException.Untrusted("the server published no usable voucher key");
        }
        Optional<Merchant> me = client.hasApiKey() ? Optional.of(client.me()) : Optional.empty();
        return new Fetched(
                new KeyCache(
                        conf.issuer(),
                        me.map(Merchant::id).orElse(null),
                        client.server().url(),
                        clock.instant(),
                        keys),
                me);
    }

    /** {@link #fetch} and write the cache atomically to {@code target}. */
    public static Fetched pull(FlashSaleClient client, Clock clock, Path target) throws IOException {
        Fetched fetched = fetch(client, clock);
        fetched.cache().save(target);
        return fetched;
    }

    static URI jwksUri(FlashSaleClient client, VoucherConfiguration conf) {
        if (conf.jwksUri() == null || conf.jwksUri().isBlank()) {
            return client.uri(".well-known/jwks.json");
        }
        URI uri;
        try {
            uri = client.uri("").resolve(conf.jwksUri().strip());
        } catch (IllegalArgumentException e) {
            throw new ApiException.BadAnswer("the server's voucher configuration names an invalid jwks_uri");
        }
        if (!client.server().sameOrigin(uri)) {
            throw new ApiException.Untrusted("the server's voucher configuration names keys at another origin ("
                    + uri.getScheme() + "://" + uri.getRawAuthority() + "); refused, only " + client.server()
                    + " is trusted");
        }
        return uri;
    }
}
