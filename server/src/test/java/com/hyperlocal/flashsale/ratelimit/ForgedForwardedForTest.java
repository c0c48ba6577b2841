package com.hyperlocal.flashsale.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.hyperlocal.flashsale.TestApi;
import com.hyperlocal.flashsale.TestIssuer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/**
 * With no trusted proxy configured (the default), X-Forwarded-For is the client's own words: a
 * scanner that names a new address on every request is still counted against its TCP peer.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"flashsale.rate-limits.ip.capacity=3", "flashsale.dev-identity.enabled=false"})
@ContextConfiguration(initializers = TestIssuer.Initializer.class)
class ForgedForwardedForTest {

    static final String NEARBY = "/api/v1/deals/nearby?lat=48.85&lng=2.35&radiusKm=1";

    @LocalServerPort
    int port;

    @Autowired
    RedisBuckets buckets;

    /** Until its Redis connection is up an instance counts locally, and then starts afresh in Redis. */
    @BeforeEach
    void sharedBucketsReachable() {
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(buckets::connected);
    }

    static TestApi.Answer from(TestApi api, int port, String forwardedFor) {
        return api.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + NEARBY))
                .header("X-Forwarded-For", forwardedFor));
    }

    @Test
    void aForgedForwardedForNeverBuysAFreshBucket() {
        TestApi api = new TestApi(port);
        for (int i = 1; i <= 3; i++) {
            assertThat(from(api, port, "203.0.113." + i).status()).isEqualTo(200);
        }
        TestApi.Answer fourth = from(api, port, "198.51.100.4");
        assertThat(fourth.status()).isEqualTo(429);
        assertThat(fourth.json().get("limit").asString()).isEqualTo("ip");
    }
}
