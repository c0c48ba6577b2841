package com.hyperlocal.flashsale.ratelimit;

import static com.hyperlocal.flashsale.ratelimit.ForgedForwardedForTest.from;
import static org.assertj.core.api.Assertions.assertThat;

import com.hyperlocal.flashsale.TestApi;
import com.hyperlocal.flashsale.TestIssuer;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/**
 * Behind a proxy the operator named ({@code server.forward-headers-strategy=native} and
 * {@code server.tomcat.remoteip.internal-proxies}), each client is counted by the address the proxy
 * forwarded: one client's limit does not throttle the others behind the same proxy.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "flashsale.rate-limits.ip.capacity=3",
            "flashsale.dev-identity.enabled=false",
            "server.forward-headers-strategy=native",
            "server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1"
        })
@ContextConfiguration(initializers = TestIssuer.Initializer.class)
class TrustedProxyForwardedForTest {

    @LocalServerPort
    int port;

    @Autowired
    RedisBuckets buckets;

    /** Until its Redis connection is up an instance counts locally, and then starts afresh in Redis. */
    @BeforeEach
    void sharedBucketsReachable() {
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(buckets::connected);
    }

    @Test
    void behindTheTrustedProxyEachForwardedClientHasItsOwnBucket() {
        TestApi api = new TestApi(port);
        for (int i = 0; i < 3; i++) {
            assertThat(from(api, port, "203.0.113.7").status()).isEqualTo(200);
        }
        assertThat(from(api, port, "203.0.113.7").status()).isEqualTo(429);
        assertThat(from(api, port, "203.0.113.8").status())
                .as("another client behind the same proxy")
                .isEqualTo(200);
    }
}
