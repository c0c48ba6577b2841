package com.hyperlocal.flashsale;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * A full server on a random port against real PostgreSQL and Redis: embedded, throw-away ones by
 * default, or the external servers named by {@code SPRING_DATASOURCE_URL} / {@code SPRING_DATA_REDIS_HOST}.
 * Every class using this annotation shares one Spring context. The server's {@code Clock} is a
 * {@link MutableClock} (real time unless a test moves it, and then resets it). Shoppers' tokens come
 * from {@link TestIssuer}, whose JWKS the server fetches over HTTP.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            // Limits far above what the shared-context tests send; the rate-limit tests use their own contexts.
            "flashsale.rate-limits.shopper.capacity=100000",
            "flashsale.rate-limits.shopper-deal.capacity=100000",
            "flashsale.rate-limits.ip.capacity=1000000",
            "flashsale.rate-limits.admin.capacity=100000",
            "flashsale.dev-identity.enabled=false",
            // Tests switch the density grid on and off themselves (the discovery oracle counts tile,
            // SQL and skipped rings per phase); a background recount in the middle would blur that.
            "flashsale.discovery.cache.density-refresh=1h"
        })
@ContextConfiguration(initializers = TestIssuer.Initializer.class)
@Import({TestClockConfiguration.class, ConnectionCounter.class})
public @interface IntegrationTest {}
