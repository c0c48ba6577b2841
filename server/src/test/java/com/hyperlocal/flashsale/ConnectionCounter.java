package com.hyperlocal.flashsale;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts how often the server borrows a database connection, so a test can prove that a path
 * never touches PostgreSQL. Wraps the real pool; everything else passes through.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ConnectionCounter {

    private static final AtomicLong BORROWED = new AtomicLong();
    /** Background work that polls PostgreSQL on its own schedule, whatever the requests do. */
    private static final List<String> BACKGROUND = List.of(
            "outbox-relay",
            "webhook-",
            "scheduling-",
            "discovery-cache-maintenance",
            "discovery-replica-probe",
            "sold-out-holders",
            "deal-lock-cleanup");

    private static void count() {
        String thread = Thread.currentThread().getName();
        if (BACKGROUND.stream().noneMatch(thread::startsWith)) {
            BORROWED.incrementAndGet();
        }
    }

    public static long borrowed() {
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
