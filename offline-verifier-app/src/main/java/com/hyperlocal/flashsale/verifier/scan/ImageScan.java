package com.hyperlocal.flashsale.verifier.scan;

import com.hyperlocal.flashsale.crypto.QrCodes;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import javax.imageio.ImageIO;

/** The "Open image…" fallback: a photo or screenshot of the voucher's QR code. */
public final class ImageScan {

    /** A file is decoded once, not 10 times a second: it may take every clean-up there is. */
    static final Duration FILE_BUDGET = Duration.ofSeconds(2);

    private ImageScan() {}

    /** The QR code's text; throws with a message for the assistant when there is none. */
    public static String decode(Path file) throws IOException {
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new IOException("The file " + file.getFileName() + " cannot be read.", e);
        }
        if (image == null) {
            throw new IOException("The file " + file.getFileName() + " is not a picture (use PNG, JPEG, GIF or BMP).");
        }
        return QrCodes.decode(image, FILE_BUDGET)
                .orElseThrow(() -> new IOException("No QR code was found in " + file.getFileName() + "."));
    }

    /**
     * The "Paste token" fallback: the token as copied from a message or e-mail. Whitespace and
     * line breaks that mail clients insert are removed (a token never contains any).
     */
    public static String pasted(String text) {
        return text == null ? "" : text.replaceAll("\\s+", "");
    }
}
