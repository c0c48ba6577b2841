package com.hyperlocal.flashsale.verifier.scan.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code manifest.tsv} of a scan corpus: one line per image, {@code file, class, severity,
 * expected text}, tab-separated, after a header line. Files are relative to the manifest.
 */
public final class CorpusManifest {

    public static final String FILE = "manifest.tsv";
    private static final String HEADER = "file\tclass\tseverity\texpected";

    /** One image and the text a decoder must read from it. */
    public record Entry(String file, String degradation, double severity, String expected) {}

    private CorpusManifest() {}

    public static List<Entry> read(Path dir) {
        try {
            List<String> lines = Files.readAllLines(dir.resolve(FILE), StandardCharsets.UTF_8);
            if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
                throw new IllegalStateException(dir.resolve(FILE) + " does not start with: " + HEADER);
            }
            List<Entry> out = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split("\t", -1);
                if (f.length != 4) {
                    throw new IllegalStateException("bad manifest line: " + line);
                }
                out.add(new Entry(f[0], f[1], Double.parseDouble(f[2]), f[3]));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path dir, List<Entry> entries) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        for (Entry e : entries) {
            lines.add(String.join(
                    "\t", e.file(), e.degradation(), String.format(Locale.ROOT, "%.3f", e.severity()), e.expected()));
        }
        Files.write(dir.resolve(FILE), lines, StandardCharsets.UTF_8);
    }
}
