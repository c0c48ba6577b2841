package com.hyperlocal.flashsale.discovery;

import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Where discovery's statements run: the primary, or a read replica while it answers and is fresh
 * enough ({@link ReplicaReads}). A query function may run twice (replica, then primary), so it
 * must build its result from scratch each time it is called.
 */
sealed interface DiscoveryReads permits DiscoveryReads.PrimaryOnly, ReplicaReads {

    /** A search ring or the density count: tolerates the replica's bounded lag. */
    <T> T query(Function<JdbcClient, T> statement);

    /**
     * A tile load: the tile is cached for tile-ttl, so it must also include every listing change
     * this instance has been told of ({@link #listingChanged}); a replica that has not yet replayed
     * past the latest one is not asked.
     */
    <T> T queryTile(Function<JdbcClient, T> statement);

    /** A deal was created or closed (here or on another instance): tiles must not miss it. */
    void listingChanged();

    static DiscoveryReads primaryOnly(JdbcClient primary) {
        return new PrimaryOnly(primary);
    }

    /** No replica configured: everything on the primary, as before replicas existed. */
    record PrimaryOnly(JdbcClient primary) implements DiscoveryReads {

        @Override
        public <T> T query(Function<JdbcClient, T> statement) {
            return statement.apply(primary);
        }

        @Override
        public <T> T queryTile(Function<JdbcClient, T> statement) {
            return statement.apply(primary);
        }

        @Override
        public void listingChanged() {}
    }
}
