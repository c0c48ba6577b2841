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
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.rabbitmq.host=127.0.0.1",   // so the shared embedded broker is not started for this context
        "flashsale.events.backoff-max=1s",
        "flashsale.webhooks.first-retry=300ms",
        "flashsale.webhooks.max-retry-interval=5s",
        "flashsale.webhooks.poll-interval=50ms",
        "flashsale.webhooks.request-timeout=2s",
        "flashsale.webhooks.concurrency=2"})
@ContextConfiguration(initializers = OwnBroker.class)
@Import(TestClockConfiguration.class)
public @interface OwnBrokerTest {
}
