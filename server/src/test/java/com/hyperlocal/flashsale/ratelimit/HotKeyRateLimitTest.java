package com.hyperlocal.flashsale.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.hyperlocal.flashsale.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Hundreds of requests at once against one bucket (everyone behind one NAT address) share Redis
 * round trips instead of each racing the others with compare-and-swap retries: the count stays
 * exact and Redis sees far fewer scripts than requests.
 */
@IntegrationTest
class HotKeyRateLimitTest {

    static final int REQUESTS = 256;

    @Autowired
    RateLimiter limiter;

    @Autowired
    RedisBuckets buckets;

    @Autowired
    StringRedisTemplate redis;

    @Test
    void concurrentRequestsOnOneKeyShareRoundTripsAndAreAllCounted() throws Exception {
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(buckets::connected);
        String caller = "203.0.113." + UUID.randomUUID();
        limiter.consume(LimitKind.IP, caller); // the bucket exists: what follows is contention only
        long scriptsBefore = scripts();

        List<Future<Verdict>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < REQUESTS; i++) {
                answers.add(pool.submit(() -> limiter.consume(LimitKind.IP, caller)));
            }
        }
        long scripts = scripts() - scriptsBefore;

        for (Future<Verdict> answer : answers) {
            assertThat(answer.get()).isInstanceOf(Verdict.Allowed.class);
        }
        assertThat(scripts)
                .as("compare-and-swap scripts Redis ran for %d concurrent requests", REQUESTS)
                .isLessThan(REQUESTS / 2);
    }

    /** EVAL + EVALSHA calls Redis has served so far (INFO commandstats). */
    private long scripts() {
        Properties stats = redis.execute(
                (RedisCallback<Properties>) c -> c.serverCommands().info("commandstats"));
        long calls = 0;
        for (String name : List.of("cmdstat_eval", "cmdstat_evalsha")) {
            String value = stats.getProperty(name);
            if (value != null) {
                calls += Long.parseLong(value.replaceAll("^calls=(\\d+),.*", "$1"));
            }
        }
        return calls;
    }
}
