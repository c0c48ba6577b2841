package com.hyperlocal.flashsale.infra;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * A flash sale opens on a cold JVM by definition: in its first seconds the JIT competes with the
 * shoppers for the same cores (docs/benchmarks.md). Application runners finish before Spring Boot
 * reports the instance ready, so this one exercises every {@link WarmUp} for
 * {@code flashsale.warm-up.duration} first; a load balancer that follows the readiness probe sends
 * no shopper before that. Bounded: each thread stops at the deadline, and a failing round only
 * counts as a failure.
 */
@Component
class WarmUpRunner implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(WarmUpRunner.class);

    private final List<WarmUp> warmUps;
    private final WarmUpProperties properties;

    WarmUpRunner(List<WarmUp> warmUps, WarmUpProperties properties) {
        this.warmUps = warmUps;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) throws InterruptedException {
        if (properties.duration().isZero() || warmUps.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + properties.duration().toNanos();
        AtomicLong rounds = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(properties.threads(), DaemonThreads.numbered("warm-up-"));
        try {
            for (int t = 0; t < properties.threads(); t++) {
                int first = t;
                pool.execute(() -> {
                    for (int i = first;
                            System.nanoTime() < deadline
                                    && !Thread.currentThread().isInterrupted();
                            i++) {
                        try {
                            warmUps.get(i % warmUps.size()).exercise();
                            rounds.incrementAndGet();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        } catch (Exception e) {
                            failures.incrementAndGet();
                        }
                    }
                });
            }
            pool.shutdown();
            if (!pool.awaitTermination(properties.duration().toMillis() + 10_000, TimeUnit.MILLISECONDS)) {
                pool.shutdownNow();
            }
        } finally {
            pool.shutdownNow();
        }
        log.info(
                "Warm-up: {} rounds of {} paths in {} ({} failed)",
                rounds.get(),
                warmUps.size(),
                properties.duration(),
                failures.get());
    }
}
