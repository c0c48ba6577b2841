package com.hyperlocal.flashsale;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * A full server on a random port against real PostgreSQL and Redis: embedded, throw-away ones by
 * default, or the external servers named by {@code SPRING_DATASOURCE_URL} / {@code SPRING_DATA_REDIS_HOST}.
 * Every class using this annotation shares one Spring context. The server's {@code Clock} is a
 * {@link MutableClock} (real time unless a test moves it, and then resets it).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({TestClockConfiguration.class, ConnectionCounter.class})
public @interface IntegrationTest {
}
