package com.hyperlocal.flashsale.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.hyperlocal.flashsale.crypto.ErrorCorrection;
import com.hyperlocal.flashsale.crypto.KeyCache;
import com.hyperlocal.flashsale.crypto.QrCodes;
import com.hyperlocal.flashsale.crypto.vectors.VoucherTestVectors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code voucher verify} against common-crypto's conformance vectors, with no network at all. */
class VoucherVerifyOfflineTest {

    @TempDir
    Path dir;

    private Environment env;

    @BeforeEach
    void writeKeyCacheFromTheVectors() throws Exception {
        VoucherTestVectors.Settings s = VoucherTestVectors.settings();
        Clock clock = s.clock();
        env = CliRun.envWithStdin(dir, clock, VoucherTestVectors.token("valid.jwt"));
        new KeyCache(
                        s.issuer(),
                        s.merchantId(),
                        "http://till.invalid",
                        s.verifyAt().minus(Duration.ofHours(1)),
                        VoucherTestVectors.trustedKeys())
                .save(env.keyCachePath());
    }

    static List<VoucherTestVectors.Vector> vectors() {
        return VoucherTestVectors.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void everyVectorGetsItsExpectedVerdict(VoucherTestVectors.Vector v) {
        CliRun.Result r = CliRun.run(env, "voucher", "verify", v.token());

        if (v.expectValid()) {
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
            assertThat(r.out())
                    .startsWith("VALID\n")
                    .contains("deal:    " + VoucherTestVectors.validClaims().dealId())
                    .contains("user:    user-8f3k2q9z")
                    .contains("expires: "
                            + new Times(env.clock().getZone(), true)
                                    .format(VoucherTestVectors.validClaims().expiresAt()));
        } else {
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.VOUCHER_INVALID);
            assertThat(r.out())
                    .startsWith("INVALID: " + v.expectedReason().orElseThrow().message())
                    .contains("reason:  " + v.expectedReason().orElseThrow().name());
        }
        assertThat(r.err()).isEmpty();
    }

    @Test
    void invalidVoucherShowsItsClaimsAsUnverified() {
        CliRun.Result r = CliRun.run(env, "voucher", "verify", VoucherTestVectors.token("wrong-merchant.jwt"));

        assertThat(r.out())
                .contains("This voucher is for a different shop.")
                .contains("claims (unverified, do not trust): deal ");
    }

    @Test
    void qrImageAndStdinGiveTheSameVerdict() throws Exception {
        Path png = dir.resolve("voucher.png");
        Files.write(png, QrCodes.toPng(VoucherTestVectors.token("valid.jwt"), 400, ErrorCorrection.M));

        CliRun.Result qr = CliRun.run(env, "voucher", "verify", "--qr", png.toString());
        CliRun.Result stdin = CliRun.run(env, "voucher", "verify", "-");

        assertThat(qr.exitCode()).as(qr.toString()).isZero();
        assertThat(qr.out()).startsWith("VALID");
        assertThat(stdin.exitCode()).as(stdin.toString()).isZero();
    }

    @Test
    void jsonOutput() {
        CliRun.Result r = CliRun.run(env, "voucher", "verify", "-o", "json", VoucherTestVectors.token("expired.jwt"));

        assertThat(r.exitCode()).isEqualTo(ExitCodes.VOUCHER_INVALID);
        assertThat(r.out()).contains("\"valid\" : false").contains("\"reason\" : \"EXPIRED\"");
    }

    @Test
    void missingOrBrokenKeyCacheAndUnreadableImagesAreLocalProblems() throws Exception {
        Path nowhere = dir.resolve("nowhere.json");
        CliRun.Result missing = CliRun.run(env, "voucher", "verify", "--key-cache", nowhere.toString(), "x.y.z");
        Files.writeString(nowhere, "{\"issuer\":");
        CliRun.Result broken = CliRun.run(env, "voucher", "verify", "--key-cache", nowhere.toString(), "x.y.z");
        Path notQr = dir.resolve("blank.png");
        Files.write(notQr, new byte[] {1, 2, 3});
        CliRun.Result noCode = CliRun.run(env, "voucher", "verify", "--qr", notQr.toString());

        assertThat(missing.exitCode()).isEqualTo(ExitCodes.LOCAL);
        assertThat(missing.err()).contains("no key cache at").contains("keys pull");
        assertThat(broken.exitCode()).isEqualTo(ExitCodes.LOCAL);
        assertThat(broken.err()).contains("is unusable");
        assertThat(noCode.exitCode()).isEqualTo(ExitCodes.LOCAL);
        assertThat(noCode.err()).contains("no QR code found");
    }

    @Test
    void tokenAndQrTogetherIsAUsageError() {
        CliRun.Result r = CliRun.run(env, "voucher", "verify", "abc", "--qr", "x.png");
        CliRun.Result none = CliRun.run(env, "voucher", "verify");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(none.exitCode()).isEqualTo(ExitCodes.USAGE);
    }
}
