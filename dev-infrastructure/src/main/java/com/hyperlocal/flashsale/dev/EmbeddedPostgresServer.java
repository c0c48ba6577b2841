package com.hyperlocal.flashsale.dev;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** One real PostgreSQL per JVM, from the zonky binaries, stopped by its own shutdown hook. */
public final class EmbeddedPostgresServer {

    public static final String USER = "postgres";
    static final String DATABASE = "flashsale";
    private static @Nullable EmbeddedPostgresServer instance;

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static synchronized EmbeddedPostgresServer startOnce(Path dataDir, boolean ephemeral) {
        if (instance == null) {
            instance = start(dataDir, ephemeral);
        }
        return instance;
    }

    private static EmbeddedPostgresServer start(Path dataDir, boolean ephemeral) {
        try {
            Files.createDirectories(dataDir);
            if (!ephemeral) {
                LeftoverPostmaster.stopIfRunning(dataDir);
            }
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(ephemeral)
                    .setPort(FreePort.preferring(5432))
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // A claim is answered only once it is durable; tests trade that for speed.
                    .setServerConfig("synchronous_commit", ephemeral ? "off" : "on")
                    .setServerConfig("fsync", ephemeral ? "off" : "on")
                    .setServerConfig("max_connections", "200")
                    .start();
            createDatabaseIfMissing(pg);
            return new EmbeddedPostgresServer(pg);
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("Could not start the embedded PostgreSQL in " + dataDir, e);
        }
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres pg) throws SQLException {
        try (Connection c = pg.getPostgresDatabase().getConnection();
                Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            st.execute("CREATE DATABASE " + DATABASE);
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl(USER, DATABASE);
    }

    public int port() {
        return postgres.getPort();
    }
}
