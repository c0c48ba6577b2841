package com.hyperlocal.flashsale.crypto;

import static com.hyperlocal.flashsale.crypto.TestFixtures.ISSUER;
import static com.hyperlocal.flashsale.crypto.TestFixtures.MERCHANT;
import static com.hyperlocal.flashsale.crypto.TestFixtures.NOW;
import static com.hyperlocal.flashsale.crypto.TestFixtures.claims;
import static com.hyperlocal.flashsale.crypto.TestFixtures.typicalClaims;
import static com.hyperlocal.flashsale.crypto.TestFixtures.verifier;
import static org.assertj.core.api.Assertions.assertThat;

import com.hyperlocal.flashsale.crypto.VerificationResult.Invalid;
import com.hyperlocal.flashsale.crypto.VerificationResult.Reason;
import com.hyperlocal.flashsale.crypto.VerificationResult.Valid;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class VoucherVerifierTest {

    private final VoucherSigningKey key = VoucherSigningKey.generate("k1");
    private final VoucherSigner signer = new VoucherSigner(key);
    private final VoucherVerifier verifier = verifier(TrustedKeys.of(key), NOW);

    @Test
    void signThenVerifyReturnsIdenticalClaims() {
        VoucherClaims claims = typicalClaims();

        assertThat(verifier.verify(signer.sign(claims))).isEqualTo(new Valid(claims));
    }

    @Test
    void tokenHeaderIsExactlyAlgTypKid() {
        String header = new String(java.util.Base64.getUrlDecoder()
                .decode(signer.sign(typicalClaims()).split("\\.")[0]));

        assertThat(header).isEqualTo("{\"kid\":\"k1\",\"typ\":\"voucher+jwt\",\"alg\":\"ES256\"}");
    }

    @Test
    void expiredWithinSkewIsStillValidButBeyondSkewIsNot() {
        String token = signer.sign(claims(NOW.minusSeconds(3600), NOW));

        assertThat(verifier(TrustedKeys.of(key), NOW.plusSeconds(30)).verify(token))
                .isInstanceOf(Valid.class);
        assertThat(reason(verifier(TrustedKeys.of(key), NOW.plusSeconds(90)).verify(token)))
                .isEqualTo(Reason.EXPIRED);
    }

    @Test
    void issuedInTheFutureWithinSkewIsValidBeyondSkewIsNot() {
        String token = signer.sign(claims(NOW, NOW.plusSeconds(3600)));

        assertThat(verifier(TrustedKeys.of(key), NOW.minusSeconds(30)).verify(token))
                .isInstanceOf(Valid.class);
        assertThat(reason(verifier(TrustedKeys.of(key), NOW.minusSeconds(90)).verify(token)))
                .isEqualTo(Reason.NOT_YET_VALID);
    }

    @Test
    void tokenFromAnotherKeyWithTheSameKidIsBadSignature() {
        VoucherSigner impostor = new VoucherSigner(VoucherSigningKey.generate("k1"));

        assertThat(reason(verifier.verify(impostor.sign(typicalClaims())))).isEqualTo(Reason.BAD_SIGNATURE);
    }

    @Test
    void anotherIssuerIsWrongIssuer() {
        VoucherClaims c = typicalClaims();
        VoucherClaims other = new VoucherClaims(
                "https://other.example",
                c.userId(),
                c.claimId(),
                c.dealId(),
                c.merchantId(),
                c.issuedAt(),
                c.expiresAt());

        assertThat(reason(verifier.verify(signer.sign(other)))).isEqualTo(Reason.WRONG_ISSUER);
    }

    @Test
    void anotherMerchantIsWrongMerchant() {
        VoucherClaims c = typicalClaims();
        VoucherClaims other = new VoucherClaims(
                c.issuer(), c.userId(), c.claimId(), c.dealId(), UUID.randomUUID(), c.issuedAt(), c.expiresAt());

        assertThat(reason(verifier.verify(signer.sign(other)))).isEqualTo(Reason.WRONG_MERCHANT);
    }

    @Test
    void rotationBothKeysVerifyUntilTheOldOneIsDropped() {
        VoucherSigningKey newKey = VoucherSigningKey.generate("k2");
        String oldToken = signer.sign(typicalClaims());
        String newToken = new VoucherSigner(newKey).sign(typicalClaims());

        VoucherVerifier both = verifier(TrustedKeys.of(key, newKey), NOW);
        assertThat(both.verify(oldToken)).isInstanceOf(Valid.class);
        assertThat(both.verify(newToken)).isInstanceOf(Valid.class);

        VoucherVerifier onlyNew = verifier(TrustedKeys.of(newKey), NOW);
        assertThat(reason(onlyNew.verify(oldToken))).isEqualTo(Reason.UNKNOWN_KEY);
        assertThat(onlyNew.verify(newToken)).isInstanceOf(Valid.class);
    }

    @Test
    void lengthIsCappedBeforeParsing() {
        VoucherVerifier tight = VoucherVerifier.builder(TrustedKeys.of(key), ISSUER, MERCHANT)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .maxTokenLength(100)
                .build();

        assertThat(reason(tight.verify(signer.sign(typicalClaims())))).isEqualTo(Reason.TOO_LARGE);
        assertThat(reason(verifier.verify("x".repeat(10_000_000)))).isEqualTo(Reason.TOO_LARGE);
    }

    @Test
    void garbageNeverThrows() {
        String valid = signer.sign(typicalClaims());
        List<String> garbage = List.of(
                "",
                ".",
                "..",
                "...",
                "a.b.c",
                "e30.e30.",
                "e30.e30.e30",
                "W10.W10.AA",
                "bnVsbA.bnVsbA.AA",
                valid + "=",
                valid.replace('.', ' '),
                valid.substring(0, valid.length() - 1),
                " " + valid,
                "\u0000",
                "€.€.€");

        assertThat(verifier.verify(null)).isInstanceOf(Invalid.class);
        for (String g : garbage) {
            assertThat(verifier.verify(g)).as(g).isInstanceOf(Invalid.class);
        }
    }

    @Test
    void everyReasonHasOnePlainSentence() {
        for (Reason r : Reason.values()) {
            assertThat(r.message()).endsWith(".").doesNotContain("\n").doesNotContainPattern("\\.\\s+\\S");
        }
    }

    @Test
    void verifiesTheSameTokenConcurrently() throws Exception {
        String token = signer.sign(typicalClaims());
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "A".repeat(86);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> jobs = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                boolean good = i % 2 == 0;
                jobs.add(() -> verifier.verify(good ? token : forged).isValid() == good);
            }
            for (Future<Boolean> f : pool.invokeAll(jobs)) {
                assertThat(f.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void builderRejectsSillySkew() {
        var builder = VoucherVerifier.builder(TrustedKeys.of(key), ISSUER, MERCHANT);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> builder.clockSkew(Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static Reason reason(VerificationResult result) {
        assertThat(result).isInstanceOf(Invalid.class);
        return ((Invalid) result).reason();
    }
}
