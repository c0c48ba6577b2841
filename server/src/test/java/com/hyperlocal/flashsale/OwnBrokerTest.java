package com.hyperlocal.flashsale;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * A full server whose broker the test may stop ({@link OwnBroker}), with webhook retries and relay
 * backoff shortened so that "a day" of retries and a broker outage take seconds. The clock is a
 * {@link MutableClock}. All classes with this annotation share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.rabbitmq.host=127.0.0.1", // so the shared embedded broker is not started for this context
            "flashsale.events.backoff-max=1s",
            "flashsale.webhooks.first-retry=300ms",
            "flashsale.webhooks.max-retry-interval=5s",
            "flashsale.webhooks.poll-interval=50ms",
            "flashsale.webhooks.request-timeout=2s",
            "flashsale.webhooks.concurrency=2",
            // Shoppers as in IntegrationTest: tokens from TestIssuer, limits far above what these tests send.
            "flashsale.rate-limits.shopper.capacity=100000",
            "flashsale.rate-limits.shopper-deal.capacity=100000",
            "flashsale.rate-limits.ip.capacity=1000000",
            "flashsale.rate-limits.admin.capacity=100000",
            "flashsale.dev-identity.enabled=false"
        })
@ContextConfiguration(initializers = {OwnBroker.class, TestIssuer.Initializer.class})
@Import(TestClockConfiguration.class)
public @interface OwnBrokerTest {}
