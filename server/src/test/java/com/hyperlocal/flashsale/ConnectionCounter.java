package com.hyperlocal.flashsale;

import jakarta.servlet.Filter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the database connections borrowed on behalf of HTTP requests and of the test's own thread,
 * so a test can prove that a path never touches PostgreSQL. Background work (outbox relay, broker
 * listeners, schedulers) polls on its own schedule whatever the requests do, so it is not counted:
 * a filter marks the threads serving requests. Wraps the real pool; everything else passes through.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ConnectionCounter {

    private static final AtomicLong BORROWED = new AtomicLong();
    private static final ThreadLocal<Boolean> SERVING = ThreadLocal.withInitial(() -> false);
    private static volatile @Nullable Thread testThread;

    private static void count() {
        if (SERVING.get() || Thread.currentThread() == testThread) {
            BORROWED.incrementAndGet();
        }
    }

    /** Borrows so far for requests and for the calling (test) thread, which is counted from now on. */
    public static long borrowed() {
        testThread = Thread.currentThread();
        return BORROWED.get();
    }

    @Bean
    static BeanPostProcessor countingDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof DataSource ds && !(bean instanceof Counting) ? new Counting(ds) : bean;
            }
        };
    }

    @Bean
    FilterRegistrationBean<Filter> markRequestThreads() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
            boolean outer = SERVING.get();
            SERVING.set(true);
            try {
                chain.doFilter(request, response);
            } finally {
                SERVING.set(outer);
            }
        });
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    static final class Counting extends DelegatingDataSource {
        Counting(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            count();
            return super.getConnection();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            count();
            return super.getConnection(username, password);
        }
    }
}
