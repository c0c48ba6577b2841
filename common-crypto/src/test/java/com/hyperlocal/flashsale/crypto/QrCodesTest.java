package com.hyperlocal.flashsale.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.hyperlocal.flashsale.crypto.vectors.VoucherTestVectors;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class QrCodesTest {

    private static final String TOKEN = VoucherTestVectors.token("valid.jwt");

    @Test
    void everyRenderedVoucherSizedCodeDecodesBackToItsText() {
        // Regression: the plain detector missed ~3% of these; each must decode, or a valid voucher is unreadable.
        java.util.Random random = new java.util.Random(20261124);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (int i = 0; i < 500; i++) {
            StringBuilder token = new StringBuilder();
            for (int k = 0; k < 475; k++) {
                token.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            token.setCharAt(100, '.');
            token.setCharAt(390, '.');
            String text = token.toString();
            assertThat(QrCodes.decode(QrCodes.toPng(text, 400, ErrorCorrection.M)))
                    .as("token %d", i)
                    .hasValue(text);
        }
    }

    @Test
    void tokenToPngAndBackIsExactlyTheToken() {
        byte[] png = QrCodes.toPng(TOKEN, 400, ErrorCorrection.M);

        assertThat(QrCodes.decode(png)).contains(TOKEN);
    }

    @Test
    void decodedTokenStillVerifies() {
        String scanned =
                QrCodes.decode(QrCodes.toPng(TOKEN, 400, ErrorCorrection.Q)).orElseThrow();

        assertThat(VoucherTestVectors.verifier().verify(scanned).isValid()).isTrue();
    }

    @Test
    void pngHasTheRequestedSizeAndAQuietZone() throws Exception {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(QrCodes.toPng(TOKEN, 400, ErrorCorrection.M)));

        assertThat(img.getWidth()).isEqualTo(400);
        assertThat(img.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0xFFFFFF); // corner is quiet zone
    }

    @Test
    void invertedImageDecodes() {
        BufferedImage img = QrCodes.toImage(TOKEN, 400, ErrorCorrection.M);
        BufferedImage inverted = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                inverted.setRGB(x, y, ~img.getRGB(x, y) & 0xFFFFFF);
            }
        }

        assertThat(QrCodes.decode(inverted)).contains(TOKEN);
    }

    @Test
    void aSpentBudgetStillReadsAPlainOrInvertedCode() {
        // The first attempts run whatever the budget, so a busy machine still reads a clean code.
        BufferedImage img = QrCodes.toImage(TOKEN, 400, ErrorCorrection.M);
        BufferedImage inverted = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                inverted.setRGB(x, y, ~img.getRGB(x, y) & 0xFFFFFF);
            }
        }

        assertThat(QrCodes.decode(img, java.time.Duration.ZERO)).contains(TOKEN);
        assertThat(QrCodes.decode(inverted, java.time.Duration.ZERO)).contains(TOKEN);
    }

    @Test
    void rotatedAndScaledImageDecodes() {
        BufferedImage img = QrCodes.toImage(TOKEN, 300, ErrorCorrection.M);
        BufferedImage out = new BufferedImage(700, 700, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 700, 700);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        AffineTransform t = new AffineTransform();
        t.translate(350, 350);
        t.rotate(Math.toRadians(20));
        t.scale(1.4, 1.4);
        t.translate(-150, -150);
        g.drawImage(img, t, null);
        g.dispose();

        assertThat(QrCodes.decode(out)).contains(TOKEN);
    }

    @Test
    void blankOrUnreadableInputIsEmpty() {
        BufferedImage blank = new BufferedImage(400, 400, BufferedImage.TYPE_INT_RGB);

        assertThat(QrCodes.decode(blank)).isEmpty();
        assertThat(QrCodes.decode(new byte[] {1, 2, 3})).isEmpty();
        assertThat(QrCodes.decode((BufferedImage) null)).isEmpty();
    }

    @Test
    void higherErrorCorrectionNeedsAtLeastAsLargeAVersion() {
        int m = QrCodes.version(TOKEN, ErrorCorrection.M);
        int q = QrCodes.version(TOKEN, ErrorCorrection.Q);

        System.out.printf("valid.jwt (%d chars): QR version %d at M, %d at Q%n", TOKEN.length(), m, q);
        assertThat(q).isGreaterThanOrEqualTo(m);
        assertThat(m).isBetween(1, 40);
    }
}
