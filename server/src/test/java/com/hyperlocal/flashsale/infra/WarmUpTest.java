package com.hyperlocal.flashsale.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.hyperlocal.flashsale.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The warm-up before readiness: every feature's path runs, within the bound, and leaves no trace. */
@IntegrationTest
class WarmUpTest {

    @Autowired
    List<WarmUp> warmUps;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StringRedisTemplate redis;

    @Test
    void theClaimAndRequestPathsRunUntilTheDeadlineAndLeaveNoRowsNorLocks() throws Exception {
        assertThat(warmUps).extracting(w -> w.getClass().getSimpleName()).contains("ClaimWarmUp", "PingWarmUp");
        for (WarmUp warmUp : warmUps) {
            warmUp.exercise(); // each path succeeds on its own (in the runner a failing round is only counted)
        }
        long claims = count("claims");
        long events = count("outbox_events");
        var locksBefore = redis.keys("lock:deal:*"); // another test's lease may still be running out
        WarmUpRunner runner = new WarmUpRunner(warmUps, new WarmUpProperties(Duration.ofMillis(1500), 4));

        long started = System.nanoTime();
        runner.run(new DefaultApplicationArguments());
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(took).isBetween(Duration.ofMillis(1500), Duration.ofSeconds(12));
        assertThat(count("claims")).isEqualTo(claims);
        assertThat(count("outbox_events")).isEqualTo(events);
        assertThat(redis.keys("lock:deal:*")).as("no deal lock left behind").isSubsetOf(locksBefore);
    }

    @Test
    void aZeroDurationTurnsTheWarmUpOff() throws Exception {
        AtomicInteger rounds = new AtomicInteger();
        WarmUp counted = rounds::incrementAndGet;

        new WarmUpRunner(List.of(counted), new WarmUpProperties(Duration.ZERO, 4))
                .run(new DefaultApplicationArguments());

        assertThat(rounds).hasValue(0);
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }
}
