package com.hyperlocal.flashsale.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.hyperlocal.flashsale.crypto.VerificationResult.Invalid;
import com.hyperlocal.flashsale.crypto.VerificationResult.Reason;
import com.hyperlocal.flashsale.crypto.VerificationResult.Valid;
import com.hyperlocal.flashsale.crypto.vectors.VoucherTestVectors;
import com.hyperlocal.flashsale.crypto.vectors.VoucherTestVectors.Vector;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The committed vectors are the contract: read them (never regenerate) and check each outcome. */
class VoucherVectorsTest {

    static List<Vector> vectors() {
        return VoucherTestVectors.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void everyVectorYieldsItsExpectedOutcome(Vector vector) {
        VerificationResult result = VoucherTestVectors.verifier().verify(vector.token());

        if (vector.expectValid()) {
            assertThat(result).isInstanceOf(Valid.class);
        } else {
            assertThat(result).isInstanceOf(Invalid.class);
            assertThat(((Invalid) result).reason())
                    .as(vector.description())
                    .isEqualTo(vector.expectedReason().orElseThrow());
        }
    }

    @Test
    void validVectorCarriesTheManifestClaims() {
        VerificationResult result = VoucherTestVectors.verifier().verify(VoucherTestVectors.token("valid.jwt"));

        assertThat(result).isEqualTo(new Valid(VoucherTestVectors.validClaims()));
    }

    @Test
    void manifestCoversEveryReasonExceptNone() {
        List<Reason> covered = vectors().stream()
                .flatMap(v -> v.expectedReason().stream())
                .distinct()
                .toList();

        assertThat(covered).containsExactlyInAnyOrderElementsOf(Arrays.asList(Reason.values()));
    }

    @Test
    void oversizedVectorReallyExceedsTheLimitAndOthersDoNot() {
        int max = VoucherTestVectors.settings().maxTokenLength();
        for (Vector v : vectors()) {
            if (v.expectedReason().filter(r -> r == Reason.TOO_LARGE).isPresent()) {
                assertThat(v.token().length()).as(v.file()).isGreaterThan(max);
            } else {
                assertThat(v.token().length()).as(v.file()).isLessThanOrEqualTo(max);
            }
        }
    }

    @Test
    void trustedJwksContainsNoPrivateMaterial() {
        assertThat(VoucherTestVectors.trustedJwksJson()).doesNotContain("\"d\"");
        assertThat(VoucherTestVectors.trustedKeys().kids())
                .containsExactly(VoucherTestVectors.signingKey().kid());
    }
}
