package com.hyperlocal.flashsale.claim;

import static org.assertj.core.api.Assertions.assertThat;

import com.hyperlocal.flashsale.ConnectionCounter;
import com.hyperlocal.flashsale.IntegrationTest;
import com.hyperlocal.flashsale.TestApi;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Repeat and sold-out answers must not take the deal's lock or touch PostgreSQL: a hot deal's
 * losers would otherwise queue behind its winners. The lock is held by a stranger throughout, so
 * any request that needed it would wait and answer lock-busy.
 */
@IntegrationTest
class ClaimFastPathTest {

    @LocalServerPort
    int port;

    @Autowired
    StringRedisTemplate redis;

    @Test
    void repeatAndSoldOutAnswersNeedNeitherTheLockNorTheDatabase() {
        TestApi api = new TestApi(port);
        UUID deal = api.createDeal("Three only", 40.71, -74.0, 3);
        String firstClaim = api.claim(deal, "ana").json().get("id").asString();
        assertThat(api.claim(deal, "bo").status()).isEqualTo(201);
        assertThat(api.claim(deal, "cy").status()).isEqualTo(201);
        String key = "lock:deal:" + deal;
        takeAsStranger(key);
        try {
            long borrowedBefore = ConnectionCounter.borrowed();

            for (int i = 0; i < 20; i++) {
                TestApi.Answer again = api.claim(deal, "ana");
                assertThat(again.status()).isEqualTo(409);
                assertThat(again.json().get("type").asString()).isEqualTo("urn:flashsale:problem:already-claimed");
                assertThat(again.json().get("claimId").asString()).isEqualTo(firstClaim);
                TestApi.Answer late = api.claim(deal, "late-" + i);
                assertThat(late.status()).isEqualTo(409);
                assertThat(late.json().get("type").asString()).isEqualTo("urn:flashsale:problem:sold-out");
            }

            assertThat(ConnectionCounter.borrowed()).isEqualTo(borrowedBefore);
        } finally {
            redis.delete(key);
        }
    }

    @Test
    void aRepeatOnALiveDealIsAnsweredWithoutTheLock() {
        TestApi api = new TestApi(port);
        UUID deal = api.createDeal("Plenty", 40.71, -74.0, 100);
        String claim = api.claim(deal, "dee").json().get("id").asString();
        String key = "lock:deal:" + deal;
        takeAsStranger(key);
        try {
            TestApi.Answer again = api.claim(deal, "dee");
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.json().get("claimId").asString()).isEqualTo(claim);
        } finally {
            redis.delete(key);
        }
    }

    /** The drainer releases the lock just after answering, so wait for it to be free, then take it. */
    private void takeAsStranger(String key) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(key, "a-stranger", Duration.ofMinutes(1)))) {
            assertThat(System.nanoTime())
                    .as("the deal's lock was never released")
                    .isLessThan(deadline);
            Thread.onSpinWait();
        }
    }
}
