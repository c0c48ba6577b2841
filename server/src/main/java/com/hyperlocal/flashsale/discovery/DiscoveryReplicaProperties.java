package com.hyperlocal.flashsale.discovery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A streaming (physical) read replica for discovery. With no {@code url} every read goes to the
 * primary. Pool settings go under {@code flashsale.datasource.replica.hikari.*}, named as for
 * {@code spring.datasource.hikari.*}.
 *
 * @param url            JDBC URL of the standby, e.g. {@code jdbc:postgresql://replica:5432/flashsale}
 * @param maxLag         a replica further behind than this is not read; discovery uses the primary
 * @param probeInterval  how often the replica's replay position is compared with the primary's
 * @param queryTimeout   bound on one statement on the replica (whole seconds, as JDBC counts them)
 */
@ConfigurationProperties("flashsale.datasource.replica")
record DiscoveryReplicaProperties(
        String url,
        String username,
        String password,
        @DefaultValue("5s") Duration maxLag,
        @DefaultValue("1s") Duration probeInterval,
        @DefaultValue("5s") Duration queryTimeout) {

    DiscoveryReplicaProperties {
        if (probeInterval.compareTo(Duration.ofMillis(50)) < 0) {
            throw new IllegalArgumentException("flashsale.datasource.replica.probe-interval must be at least 50ms");
        }
        if (maxLag.compareTo(probeInterval) <= 0) {
            throw new IllegalArgumentException("flashsale.datasource.replica.max-lag must exceed probe-interval");
        }
        if (queryTimeout.toSeconds() < 1) {
            throw new IllegalArgumentException("flashsale.datasource.replica.query-timeout must be at least 1s");
        }
    }

    boolean configured() {
        return url != null && !url.isBlank();
    }
}
