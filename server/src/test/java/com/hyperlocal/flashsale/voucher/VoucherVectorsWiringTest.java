package com.hyperlocal.flashsale.voucher;

import static org.assertj.core.api.Assertions.assertThat;

import com.hyperlocal.flashsale.IntegrationTest;
import com.hyperlocal.flashsale.crypto.TrustedKeys;
import com.hyperlocal.flashsale.crypto.VerificationResult;
import com.hyperlocal.flashsale.crypto.VoucherVerifier;
import com.hyperlocal.flashsale.crypto.vectors.VoucherTestVectors;
import com.nimbusds.jose.jwk.ECKey;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The common-crypto contract vectors, run from the server's test classpath. */
@IntegrationTest
class VoucherVectorsWiringTest {

    @Autowired
    VoucherKeyring keyring;

    @Test
    void vectorVerifierGivesEveryExpectedOutcome() {
        VoucherVerifier verifier = VoucherTestVectors.verifier();
        assertThat(VoucherTestVectors.all()).isNotEmpty().allSatisfy(vector -> {
            VerificationResult result = verifier.verify(vector.token());
            if (vector.expectValid()) {
                assertThat(result.isValid()).as(vector.toString()).isTrue();
            } else {
                assertThat(result)
                        .as(vector.toString())
                        .isInstanceOfSatisfying(
                                VerificationResult.Invalid.class,
                                invalid -> assertThat(invalid.reason())
                                        .isEqualTo(vector.expectedReason().orElseThrow()));
            }
        });
    }

    @Test
    void aVerifierTrustingOnlyTheServersKeysRejectsEveryVector() {
        VoucherTestVectors.Settings s = VoucherTestVectors.settings();
        VoucherVerifier serverKeys = VoucherVerifier.builder(
                        TrustedKeys.of(keyring.publishedKeys().toArray(ECKey[]::new)), s.issuer(), s.merchantId())
                .clock(s.clock())
                .clockSkew(s.clockSkew())
                .build();
        assertThat(VoucherTestVectors.all())
                .allSatisfy(
                        vector -> assertThat(serverKeys.verify(vector.token()).isValid())
                                .as(vector.toString())
                                .isFalse());
    }
}
