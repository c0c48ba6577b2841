package com.hyperlocal.flashsale.voucher;

import static org.assertj.core.api.Assertions.assertThat;

import com.hyperlocal.flashsale.IntegrationTest;
import com.hyperlocal.flashsale.MutableClock;
import com.hyperlocal.flashsale.TestApi;
import com.hyperlocal.flashsale.crypto.TrustedKeys;
import com.hyperlocal.flashsale.crypto.VoucherVerifier;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Key rotation as the JWKS shows it: a new key is published before it signs, and old vouchers keep
 * verifying until they have all expired.
 */
@IntegrationTest
class VoucherRotationTest {

    @LocalServerPort
    int port;

    @Autowired
    VoucherKeyring keyring;

    @Autowired
    VoucherProperties properties;

    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void oldKeyStaysPublishedUntilItsVouchersExpireThenDropsOut() throws Exception {
        TestApi api = new TestApi(port);
        UUID dealId = api.createDeal("Rotating bakery", 48.85, 2.35, 5);
        UUID merchantId = UUID.fromString(
                api.get("/api/v1/deals/" + dealId).json().get("merchantId").asString());
        String oldKid = keyring.activeKid();
        String before = api.claim(dealId, "user-before").json().get("voucher").asString();
        assertThat(kidOf(before)).isEqualTo(oldKid);

        String newKid = keyring.rotate();

        // Published before it signs: the old key still signs for the pre-publication window.
        assertThat(newKid).isNotEqualTo(oldKid).startsWith("v-");
        assertThat(keyring.activeKid()).isEqualTo(oldKid);
        assertThat(keyring.nextKid()).contains(newKid);
        assertThat(jwks(api).kids()).contains(oldKid, newKid);
        clock.advance(properties.publishAhead());
        assertThat(keyring.activeKid()).isEqualTo(newKid);
        String after = api.claim(dealId, "user-after").json().get("voucher").asString();
        assertThat(kidOf(after)).isEqualTo(newKid);
        TrustedKeys published = jwks(api);
        assertThat(published.kids()).contains(oldKid, newKid);
        VoucherVerifier verifier = VoucherVerifier.builder(published, properties.issuer(), merchantId)
                .clock(clock)
                .build();
        assertThat(verifier.verify(before).isValid())
                .as("voucher signed before the rotation")
                .isTrue();
        assertThat(verifier.verify(after).isValid())
                .as("voucher signed after the rotation")
                .isTrue();
        // The same voucher is still served for the old claim.
        assertThat(api.claim(dealId, "user-before").json().get("claimId")).isNotNull();

        // Past the end of any deal that can exist now (validity ≤ 366 days, start ≤ 366 days ahead):
        // every voucher the old key signed has expired, and its retirement grace is long over.
        clock.advance(Duration.ofDays(800));

        assertThat(jwks(api).kids()).contains(newKid).doesNotContain(oldKid);

        // The active key is now older than rotate-after, so the periodic check replaces it (the
        // background one may get there first, with the same clock); the key it replaces is still
        // published (just retired).
        keyring.rotateIfDue();
        String newest = keyring.nextKid()
                .orElseThrow(() -> new AssertionError("no successor published for a key past rotate-after"));
        assertThat(newest).isNotEqualTo(newKid);
        assertThat(keyring.activeKid()).isEqualTo(newKid);
        assertThat(jwks(api).kids()).contains(newest, newKid);
        assertThat(keyring.rotateIfDue()).as("a successor is already published").isFalse();
        clock.advance(properties.publishAhead());
        assertThat(keyring.activeKid()).isEqualTo(newest);
    }

    private static TrustedKeys jwks(TestApi api) throws Exception {
        return TrustedKeys.fromJwksJson(api.get("/.well-known/jwks.json").raw().body());
    }

    private static String kidOf(String token) {
        String header = new String(
                Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))), StandardCharsets.UTF_8);
        return TestApi.JSON.readTree(header).get("kid").asString();
    }
}
