package com.hyperlocal.flashsale.verifier.sync;

import com.hyperlocal.flashsale.crypto.KeyCache;
import com.hyperlocal.flashsale.crypto.TrustedKeys;
import com.hyperlocal.flashsale.crypto.VoucherKeyException;
import java.time.Clock;

/**
 * Fetches what offline verification needs, the same way {@code flashdeal keys pull} does:
 * issuer and JWKS location from {@code /.well-known/voucher-configuration}, the keys, and the
 * merchant id from {@code /api/v1/merchant/me}. The result is written to the shared key cache.
 */
public final class KeyRefresher {

    private KeyRefresher() {
    }

    public static KeyCache fetch(ServerClient client, Clock clock) throws ServerException {
        ServerClient.VoucherConfiguration conf = client.voucherConfiguration();
        if (conf.issuer() == null || conf.issuer().isBlank()) {
            throw new ServerException(200, null, "The server did not say who issues its vouchers.", false, null);
        }
        TrustedKeys keys;
        try {
            keys = TrustedKeys.fromJwksJson(client.jwks(conf.jwksUri()));
        } catch (VoucherKeyException e) {
            throw new ServerException(200, null, "The server's voucher keys are unusable: " + e.getMessage(), false, e);
        }
        ServerClient.Merchant me = client.me();
        String url = client.base().toString();
        return new KeyCache(conf.issuer(), me.id(), url.endsWith("/") ? url.substring(0, url.length() - 1) : url,
                clock.instant(), keys);
    }
}
