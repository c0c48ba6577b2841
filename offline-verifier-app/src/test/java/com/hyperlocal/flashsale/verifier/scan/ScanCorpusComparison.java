package com.hyperlocal.flashsale.verifier.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.hyperlocal.flashsale.crypto.QrCodes;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Our decoder against {@code zbarimg} on the same corpus, in one run, with per-frame times;
 * writes {@code target/scan-corpus-report.md} (the figures in docs/scanning.md). Not in the
 * regular suite (it takes minutes and needs zbar-tools):
 * {@code ./mvnw -B -ntp -q -pl offline-verifier-app -am verify -Dtest=ScanCorpusComparison
 * -Dsurefire.failIfNoSpecifiedTests=false -Dscan.corpus.report=true}
 */
@EnabledIfSystemProperty(named = "scan.corpus.report", matches = "true")
class ScanCorpusComparison {

    @Test
    void oursReadsAtLeastAsManyAsZbarInEveryClass() throws Exception {
        assumeTrue(zbarVersion().isPresent(), "zbarimg is not installed (apt-get install zbar-tools)");
        Path dir = ScanCorpus.dir();
        warmUp(dir);
        CorpusRun all = CorpusRun.of("ours, all attempts", dir, f -> ScanCorpus.decode(f, ScanCorpus.ALL_ATTEMPTS));
        CorpusRun live = CorpusRun.of("ours, live budget", dir, f -> ScanCorpus.decode(f, QrCodes.FRAME_BUDGET));
        CorpusRun zbar = CorpusRun.of("zbarimg", dir, ScanCorpusComparison::zbar);
        long[] empty = noCodeFrameNanos();

        String report = report(all, live, zbar, empty);
        Files.writeString(Path.of("target/scan-corpus-report.md"), report, StandardCharsets.UTF_8);
        System.out.println(report);

        assertThat(all.misreads()).isEmpty();
        for (String c : all.perClass().keySet()) {
            assertThat(all.decoded(c)).as("%s: ours vs zbar", c).isGreaterThanOrEqualTo(zbar.decoded(c));
        }
    }

    private static void warmUp(Path dir) {
        for (int i = 0; i < 5; i++) {
            ScanCorpus.decode(dir.resolve("baseline/baseline-00.jpg"), ScanCorpus.ALL_ATTEMPTS);
        }
    }

    /** A live camera mostly sees no code: the time of such a frame bounds the frame rate. */
    private static long[] noCodeFrameNanos() {
        BufferedImage frame = new BufferedImage(640, 480, BufferedImage.TYPE_BYTE_GRAY);
        Random r = new Random(1);
        for (int y = 0; y < 480; y++) {
            for (int x = 0; x < 640; x++) {
                int v = 60 + (x * 120 / 640) + ((x / 80 + y / 60) % 2) * 40 + r.nextInt(9);
                frame.getRaster().setSample(x, y, 0, v);
            }
        }
        long[] out = new long[20];
        for (int i = 0; i < out.length; i++) {
            long start = System.nanoTime();
            QrCodes.decode(frame);
            out[i] = System.nanoTime() - start;
        }
        java.util.Arrays.sort(out);
        return out;
    }

    private static String report(CorpusRun all, CorpusRun live, CorpusRun zbar, long[] empty) throws IOException {
        StringBuilder b = new StringBuilder();
        b.append("| Class | Images | Ours (all attempts) | Ours (live 100 ms budget) | zbarimg |\n");
        b.append("|-------|-------:|----:|----:|----:|\n");
        int n = 0;
        int[] sums = new int[3];
        for (String c : all.perClass().keySet()) {
            int t = all.total(c);
            n += t;
            sums[0] += all.decoded(c);
            sums[1] += live.decoded(c);
            sums[2] += zbar.decoded(c);
            b.append(String.format(
                    Locale.ROOT,
                    "| %s | %d | %s | %s | %s |%n",
                    c,
                    t,
                    pct(all.decoded(c), t),
                    pct(live.decoded(c), t),
                    pct(zbar.decoded(c), t)));
        }
        b.append(String.format(
                Locale.ROOT,
                "| **all** | %d | %s | %s | %s |%n%n",
                n,
                pct(sums[0], n),
                pct(sums[1], n),
                pct(sums[2], n)));
        b.append("| Time per image (ms) | p50 | p90 | p99 | max |\n|---|---:|---:|---:|---:|\n");
        for (CorpusRun r : List.of(all, live, zbar)) {
            b.append(String.format(
                    Locale.ROOT,
                    "| %s | %.0f | %.0f | %.0f | %.0f |%n",
                    r.decoder(),
                    r.millisAt(0.5),
                    r.millisAt(0.9),
                    r.millisAt(0.99),
                    r.millisAt(1)));
        }
        b.append(String.format(
                Locale.ROOT,
                "| ours, live, 640×480 frame without a code | %.0f | %.0f | – | %.0f |%n%n",
                empty[empty.length / 2] / 1e6,
                empty[(int) (empty.length * 0.9)] / 1e6,
                empty[empty.length - 1] / 1e6));
        b.append("zbarimg times include starting the process (one per image).\n\n");
        b.append("Misreads: ours ")
                .append(all.misreads())
                .append(", zbar ")
                .append(zbar.misreads())
                .append("\n\n");
        b.append("Machine: ").append(machine()).append("\n");
        return b.toString();
    }

    private static String pct(int k, int n) {
        return String.format(Locale.ROOT, "%d (%.0f%%)", k, 100.0 * k / n);
    }

    private static String machine() throws IOException {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                .filter(l -> l.startsWith("model name"))
                .findFirst()
                .map(l -> l.substring(l.indexOf(':') + 1).strip())
                .orElse("unknown CPU");
        return String.format(
                Locale.ROOT,
                "%s, %d cores visible, Java %s (%s), %s; zbarimg %s",
                cpu,
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                System.getProperty("java.vm.name"),
                System.getProperty("os.name"),
                zbarVersion().orElse("?"));
    }

    static Optional<String> zbarVersion() {
        try {
            Process p = new ProcessBuilder("zbarimg", "--version")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 ? Optional.of(out) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** zbarimg on one file, QR only, raw text; empty when it read nothing. */
    static Optional<String> zbar(Path file) {
        try {
            List<String> cmd =
                    new ArrayList<>(List.of("zbarimg", "-q", "--raw", "-Sdisable", "-Sqrcode.enable", file.toString()));
            Process p = new ProcessBuilder(cmd)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            return out.isEmpty()
                    ? Optional.empty()
                    : Optional.of(out.lines().findFirst().orElseThrow());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
