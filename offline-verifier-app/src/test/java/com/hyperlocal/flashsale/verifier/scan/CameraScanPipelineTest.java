package com.hyperlocal.flashsale.verifier.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.sarxos.webcam.Webcam;
import com.hyperlocal.flashsale.crypto.ErrorCorrection;
import com.hyperlocal.flashsale.crypto.QrCodes;
import com.hyperlocal.flashsale.crypto.VerificationResult;
import com.hyperlocal.flashsale.crypto.vectors.VoucherTestVectors;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Frames travel the production path: webcam-capture ({@link Webcam} over a test
 * {@code WebcamDriver}) → {@link WebcamCameraProvider} → {@link CameraScanner} → QR decode →
 * verification. The QR images are rendered by {@code QrCodes.toPng}, as the server renders them.
 */
class CameraScanPipelineTest {

    static final String TOKEN = VoucherTestVectors.token("valid.jwt");
    final List<String> tokens = new ArrayList<>();
    final List<String> stops = new ArrayList<>();
    final AtomicLong nanos = new AtomicLong();

    @AfterEach
    void resetDriver() {
        Webcam.resetDriver();
    }

    static BufferedImage qr(String text) {
        try {
            return ImageIO.read(new ByteArrayInputStream(QrCodes.toPng(text, 600, ErrorCorrection.M)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** White on black, as some phone "dark mode" wallets show codes. */
    static BufferedImage inverted(BufferedImage src) {
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < src.getHeight(); y++) {
            for (int x = 0; x < src.getWidth(); x++) {
                out.setRGB(x, y, ~src.getRGB(x, y) | 0xFF000000);
            }
        }
        return out;
    }

    static BufferedImage blank() {
        BufferedImage b = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = b.createGraphics();
        g.setColor(Color.GRAY);
        g.fillRect(0, 0, 640, 480);
        g.dispose();
        return b;
    }

    CameraScanner scanner(List<BufferedImage> frames, Supplier<BufferedImage> afterwards) throws CameraException {
        Webcam.setDriver(new TestWebcamDriver(new TestWebcamDriver.FakeDevice("Test cam", frames, afterwards)));
        List<CameraSource> cams = new WebcamCameraProvider(5_000).cameras();
        assertThat(cams).hasSize(1);
        return new CameraScanner(
                cams.get(0),
                QrCodes::decode,
                new ScanListener() {
                    @Override
                    public void token(String text) {
                        tokens.add(text);
                        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
                    }

                    @Override
                    public void stopped(String problem) {
                        stops.add(String.valueOf(problem));
                    }
                },
                Duration.ZERO,
                3,
                Duration.ofSeconds(3),
                nanos::get);
    }

    @Test
    void decodesWebcamFramesToTheTokenWhichVerifies() throws Exception {
        scanner(List.of(blank(), qr(TOKEN)), () -> null).run();

        assertThat(tokens).containsExactly(TOKEN);
        assertThat(VoucherTestVectors.verifier().verify(tokens.get(0))).isInstanceOf(VerificationResult.Valid.class);
    }

    @Test
    void decodesAnInvertedCode() throws Exception {
        scanner(List.of(inverted(qr(TOKEN))), () -> null).run();

        assertThat(tokens).containsExactly(TOKEN);
    }

    @Test
    void aCodeHeldInViewIsReportedOnceAndAgainAfterAPause() throws Exception {
        BufferedImage code = qr(TOKEN);
        List<BufferedImage> frames = new ArrayList<>(List.of(code, code, code));
        CameraScanner s = scanner(frames, () -> null);
        s.run();
        assertThat(tokens).containsExactly(TOKEN);

        tokens.clear();
        nanos.addAndGet(Duration.ofSeconds(10).toNanos());
        scanner(List.of(code), () -> null).run(); // a new scanner: a fresh session reports it again
        assertThat(tokens).containsExactly(TOKEN);
    }

    @Test
    void aCameraUnpluggedMidScanStopsWithAClearMessage() throws Exception {
        CameraScanner s = scanner(List.of(blank(), blank()), () -> {
            throw new IllegalStateException("VIDIOC_DQBUF: No such device");
        });

        s.run(); // must return, not throw

        assertThat(s.isRunning()).isFalse();
        assertThat(stops)
                .singleElement()
                .asString()
                .contains("stopped working (was it unplugged?)")
                .contains("Open image…")
                .contains("Paste token");
    }

    @Test
    void aCameraThatStopsSendingPicturesCountsAsLost() throws Exception {
        scanner(List.of(blank()), () -> null).run();

        assertThat(stops).singleElement().asString().contains("stopped sending pictures");
    }

    @Test
    void noCameraIsAnEmptyListNotAnError() throws Exception {
        Webcam.setDriver(new TestWebcamDriver());
        assertThat(new WebcamCameraProvider(5_000).cameras()).isEmpty();
    }

    @Test
    void stopEndsTheLoopCleanly() throws Exception {
        CameraScanner[] holder = new CameraScanner[1];
        holder[0] = scanner(List.of(), () -> {
            holder[0].stop();
            return blank();
        });
        holder[0].run();
        assertThat(stops).containsExactly("null");
    }

    @Test
    void imageFilesAndPastedTokensAreTheFallbacks(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("voucher.png");
        Files.write(png, QrCodes.toPng(TOKEN, 400, ErrorCorrection.M));
        assertThat(ImageScan.decode(png)).isEqualTo(TOKEN);

        Path notPicture = dir.resolve("notes.txt");
        Files.writeString(notPicture, "hello");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ImageScan.decode(notPicture))
                .hasMessageContaining("is not a picture");
        Path noCode = dir.resolve("blank.png");
        ImageIO.write(blank(), "png", noCode.toFile());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ImageScan.decode(noCode))
                .hasMessageContaining("No QR code was found");

        String wrapped = TOKEN.substring(0, 100) + "\n  " + TOKEN.substring(100, 300) + "\r\n" + TOKEN.substring(300);
        assertThat(ImageScan.pasted(wrapped)).isEqualTo(TOKEN);
    }
}
