package com.hyperlocal.flashsale.verifier.scan;

import com.hyperlocal.flashsale.verifier.scan.corpus.CorpusManifest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * One decoder over a whole corpus: which images it read correctly, per class, and how long each
 * decode took. A wrong text counts as a miss and is listed: a QR misread must never happen.
 */
record CorpusRun(
        String decoder,
        List<CorpusManifest.Entry> entries,
        boolean[] hits,
        Map<String, int[]> perClass,
        List<String> misreads,
        long[] nanos) {

    /** One image after another, so each time is that of a decode alone. */
    static CorpusRun of(String decoder, Path dir, Function<Path, Optional<String>> decode) {
        return run(decoder, dir, decode, 1);
    }

    /** On two threads (the till's two cores): for the rate only, times then overlap. */
    static CorpusRun parallel(String decoder, Path dir, Function<Path, Optional<String>> decode) {
        return run(decoder, dir, decode, Math.min(2, Runtime.getRuntime().availableProcessors()));
    }

    private static CorpusRun run(String decoder, Path dir, Function<Path, Optional<String>> decode, int threads) {
        List<CorpusManifest.Entry> entries = CorpusManifest.read(dir);
        List<Optional<String>> reads = new ArrayList<>();
        long[] nanos = new long[entries.size()];
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Optional<String>>> futures = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                int k = i;
                futures.add(pool.submit(() -> {
                    long start = System.nanoTime();
                    Optional<String> read =
                            decode.apply(dir.resolve(entries.get(k).file()));
                    nanos[k] = System.nanoTime() - start;
                    return read;
                }));
            }
            for (Future<Optional<String>> f : futures) {
                reads.add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        Map<String, int[]> perClass = new LinkedHashMap<>();
        List<String> misreads = new ArrayList<>();
        boolean[] hits = new boolean[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            CorpusManifest.Entry e = entries.get(i);
            Optional<String> read = reads.get(i);
            int[] counts = perClass.computeIfAbsent(e.degradation(), k -> new int[2]);
            counts[1]++;
            if (read.isPresent() && read.get().equals(e.expected())) {
                counts[0]++;
                hits[i] = true;
            } else if (read.isPresent()) {
                misreads.add(e.file());
            }
        }
        return new CorpusRun(decoder, entries, hits, perClass, misreads, nanos);
    }

    int decoded(String degradation) {
        return perClass.get(degradation)[0];
    }

    int total(String degradation) {
        return perClass.get(degradation)[1];
    }

    /** The q-quantile (0..1) of the per-image time, in milliseconds. */
    double millisAt(double q) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))] / 1e6;
    }
}
