package com.hyperlocal.flashsale.discovery;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Discovery's own read-only pool on the replica, when {@code flashsale.datasource.replica.url} is
 * set. It is not a {@code DataSource} bean on purpose: Boot's primary pool, Flyway, JPA, the
 * health check and every transaction stay on the primary, and a replica that is down never makes
 * the server unhealthy or stops it from starting (the pool connects lazily).
 */
@Configuration(proxyBeanMethods = false)
class DiscoveryReplicaConfiguration {

    @Bean
    DiscoveryReads discoveryReads(
            JdbcClient primary, DiscoveryReplicaProperties properties, Environment env, MeterRegistry meters) {
        if (!properties.configured()) {
            return DiscoveryReads.primaryOnly(primary);
        }
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName("replica");
        pool.setJdbcUrl(properties.url());
        pool.setUsername(properties.username());
        pool.setPassword(properties.password());
        pool.setReadOnly(true);
        pool.setMaximumPoolSize(20);
        // A replica that does not answer costs a search at most this long before the primary answers it.
        pool.setConnectionTimeout(1_000);
        pool.setInitializationFailTimeout(-1);
        Binder.get(env).bind("flashsale.datasource.replica.hikari", Bindable.ofInstance(pool));
        pool.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(meters));
        JdbcTemplate template = new JdbcTemplate(pool);
        template.setQueryTimeout((int) properties.queryTimeout().toSeconds());
        ReplicaReads reads = new ReplicaReads(primary, JdbcClient.create(template), pool, properties, meters);
        reads.start();
        return reads;
    }
}
