package com.hyperlocal.flashsale.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A voucher has exactly one spelling: the signer emits low-S, the verifier refuses the high-S twin. */
class CanonicalSignatureTest {

    private static final String ISSUER = "https://flashsale.example";

    @Test
    void signerAlwaysEmitsLowSAndVerifierRefusesTheHighSTwin() {
        VoucherSigningKey key = VoucherSigningKey.generate("canonical-test");
        UUID merchant = UUID.randomUUID();
        Instant now = Instant.now();
        VoucherVerifier verifier =
                VoucherVerifier.builder(TrustedKeys.of(key), ISSUER, merchant).build();
        VoucherSigner signer = new VoucherSigner(key);
        for (int i = 0; i < 200; i++) { // the JDK picks high or low S at random: 200 tries see both
            String token = signer.sign(new VoucherClaims(
                    ISSUER, "user-" + i, UUID.randomUUID(), UUID.randomUUID(), merchant, now, now.plusSeconds(3600)));
            int dot = token.lastIndexOf('.');
            byte[] sig = Base64.getUrlDecoder().decode(token.substring(dot + 1));
            BigInteger s = new BigInteger(1, Arrays.copyOfRange(sig, 32, 64));
            assertThat(s).isLessThanOrEqualTo(P256.HALF_N);
            assertThat(verifier.verify(token).isValid()).isTrue();

            byte[] twin = Arrays.copyOf(sig, 64);
            byte[] high = P256.N.subtract(s).toByteArray();
            Arrays.fill(twin, 32, 64, (byte) 0);
            int len = Math.min(high.length, 32);
            System.arraycopy(high, high.length - len, twin, 64 - len, len);
            String highS = token.substring(0, dot + 1)
                    + Base64.getUrlEncoder().withoutPadding().encodeToString(twin);
            assertThat(verifier.verify(highS))
                    .isEqualTo(VerificationResult.Invalid.of(VerificationResult.Reason.BAD_SIGNATURE));
        }
    }
}
