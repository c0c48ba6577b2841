package com.hyperlocal.flashsale.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.IntSummaryStatistics;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Measures the figures quoted in docs/voucher-format.md and writes them to
 * {@code target/voucher-size-report.txt}. The assertions pin them, so a claim added to the
 * voucher that would grow the QR code fails the build instead of silently shrinking scan range.
 */
class VoucherSizeReportTest {

    @Test
    void typicalVoucherLengthAndQrVersionsAreMeasured() throws Exception {
        VoucherSigner signer = new VoucherSigner(VoucherSigningKey.generate("voucher-key-2026-01"));
        Instant iat = Instant.parse("2026-03-01T12:00:00Z");
        // ECDSA is randomized but R||S is fixed-width, so length only varies with the claims.
        IntSummaryStatistics lengths = IntStream.range(0, 50)
                .map(i -> signer.sign(new VoucherClaims(
                                "https://flashsale.example",
                                "user-8f3k2q9z",
                                UUID.randomUUID(),
                                UUID.randomUUID(),
                                UUID.randomUUID(),
                                iat,
                                iat.plusSeconds(86_400)))
                        .length())
                .summaryStatistics();
        String sample = signer.sign(new VoucherClaims(
                "https://flashsale.example",
                "user-8f3k2q9z",
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                iat,
                iat.plusSeconds(86_400)));
        int m = QrCodes.version(sample, ErrorCorrection.M);
        int q = QrCodes.version(sample, ErrorCorrection.Q);

        String report = String.format(
                "kid=voucher-key-2026-01 (19 chars), sub=user-8f3k2q9z (13 chars), "
                        + "iss=https://flashsale.example, random UUIDs, 10-digit iat/exp%n"
                        + "token length: min=%d max=%d chars over %d tokens%n"
                        + "QR version at M: %d (%dx%d modules)%nQR version at Q: %d (%dx%d modules)%n",
                lengths.getMin(),
                lengths.getMax(),
                lengths.getCount(),
                m,
                17 + 4 * m,
                17 + 4 * m,
                q,
                17 + 4 * q,
                17 + 4 * q);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/voucher-size-report.txt"), report);
        System.out.print(report);

        assertThat(lengths.getMin()).isEqualTo(lengths.getMax());
        assertThat(lengths.getMax()).isLessThanOrEqualTo(480);
        assertThat(m).isLessThanOrEqualTo(17);
        assertThat(q).isLessThanOrEqualTo(20);
    }
}
