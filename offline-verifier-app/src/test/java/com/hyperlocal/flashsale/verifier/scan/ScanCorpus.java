package com.hyperlocal.flashsale.verifier.scan;

import com.hyperlocal.flashsale.crypto.QrCodes;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import javax.imageio.ImageIO;

/** Where the committed scan corpus and its figures are, and the till's decoder applied to a file. */
final class ScanCorpus {

    /** Source folder, relative to the module (surefire's working directory). */
    static final Path SOURCE_DIR = Path.of("src/test/resources/scan-corpus");

    static final String MINIMUM_FILE = "minimum-decoded.properties";

    /**
     * The attempts the till makes on a camera frame, without the wall-clock cut: the rate then
     * depends on the code, not on how busy the machine is. The live budget is measured apart.
     */
    static final Duration ALL_ATTEMPTS = Duration.ofMinutes(1);

    private ScanCorpus() {}

    /** The corpus as the test classpath has it. */
    static Path dir() {
        try {
            return Path.of(ScanCorpus.class
                            .getResource("/scan-corpus/manifest.tsv")
                            .toURI())
                    .getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Optional<String> decode(Path file, Duration budget) {
        try {
            BufferedImage image = ImageIO.read(file.toFile());
            return QrCodes.decode(image, budget);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** class → images our decoder must read at least, as committed. */
    static Map<String, Integer> minimumDecoded() {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(dir().resolve(MINIMUM_FILE))) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Integer> out = new LinkedHashMap<>();
        p.stringPropertyNames().stream()
                .sorted()
                .forEach(k -> out.put(k, Integer.parseInt(p.getProperty(k).strip())));
        return out;
    }
}
