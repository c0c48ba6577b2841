package com.hyperlocal.flashsale.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.hyperlocal.flashsale.crypto.vectors.VoucherTestVectors;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class SmallCodeTest {

    private static final String TOKEN = VoucherTestVectors.token("valid.jwt");

    /** A 640 × 480 webcam frame: grey counter, a flat box beside the phone, the code at (x, y). */
    private static GreyImage frameWithCode(int codePx, int x, int y) {
        BufferedImage frame = new BufferedImage(640, 480, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = frame.createGraphics();
        g.setColor(new Color(110, 110, 110));
        g.fillRect(0, 0, 640, 480);
        g.setColor(new Color(180, 180, 180));
        g.fillRect(20, 300, 150, 120);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        Image code = QrCodes.toImage(TOKEN, 0, ErrorCorrection.M);
        g.drawImage(code, x, y, codePx, codePx, null);
        g.dispose();
        return GreyImage.of(frame);
    }

    @Test
    void findsTheCodeAmongFlatShapesAndEnlargesItToAboutSixPixelsPerModule() {
        // 93 modules (quiet zone included) in 140 px: 1.5 px per module.
        GreyImage frame = frameWithCode(140, 400, 60);

        SmallCode.Patch patch = SmallCode.densestPatch(frame);
        GreyImage enlarged = new SmallCode(frame).enlarged();

        assertThat(patch).isNotNull();
        assertThat(patch.x()).isBetween(400, 400 + 16);
        assertThat(patch.y()).isBetween(60, 60 + 16);
        assertThat(patch.x() + patch.width()).isBetween(540 - 16, 540);
        assertThat(patch.y() + patch.height()).isBetween(200 - 16, 200);
        assertThat(enlarged).isNotNull();
        assertThat(enlarged.width()).isBetween(500, 700);
    }

    @Test
    void aCodeLargeEnoughToReadAsItIsIsNotCutOut() {
        assertThat(new SmallCode(frameWithCode(340, 150, 70)).enlarged()).isNull();
    }

    @Test
    void aFrameWithoutACodeHasNone() {
        BufferedImage flat = new BufferedImage(640, 480, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = flat.createGraphics();
        g.setColor(new Color(120, 120, 120));
        g.fillRect(0, 0, 640, 480);
        g.dispose();

        assertThat(new SmallCode(GreyImage.of(flat)).enlarged()).isNull();
    }

    @Test
    void theEnlargedSmallCodeReadsWhereTheWholeFrameDoesNot() {
        // 2.2 px per module: ZXing's sampling grid misses modules this size in the whole frame.
        GreyImage frame = frameWithCode(200, 400, 60);
        QrDecoder.Attempt plain = QrDecoder.ATTEMPTS.get(0);
        QrDecoder.Attempt small = QrDecoder.ATTEMPTS.stream()
                .filter(QrDecoder.Attempt::smallCode)
                .findFirst()
                .orElseThrow();

        assertThat(QrDecoder.attempt(plain, frame)).isEmpty();
        assertThat(QrDecoder.attempt(small, new SmallCode(frame).enlarged())).hasValue(TOKEN);
    }
}
