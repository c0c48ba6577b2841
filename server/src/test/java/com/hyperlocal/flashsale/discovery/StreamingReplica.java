package com.hyperlocal.flashsale.discovery;

import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;

/**
 * A real PostgreSQL primary and a physical streaming standby of it, both from the zonky binaries
 * the server's tests already use (the bundle has initdb, pg_ctl and postgres, not pg_basebackup).
 * The standby is made the way the manual's "low-level base backup" describes: a replication slot
 * keeps the WAL, {@code pg_backup_start}, a file copy of the data folder, {@code pg_backup_stop}
 * (whose label file goes into the copy), then {@code standby.signal} and {@code primary_conninfo}.
 * One pair per JVM, shared by the replica tests; each test leaves the standby running and replaying.
 */
final class StreamingReplica {

    static final String DATABASE = "flashsale";
    /** The lag bound the replica tests configure. */
    static final Duration MAX_LAG = Duration.ofSeconds(2);

    private static final String SLOT = "flashsale_test_standby";
    /** Not copied into a base backup (the manual's list, plus zonky's lock file). */
    private static final Set<String> SKIPPED = Set.of("postmaster.pid", "postmaster.opts", "epg-lock");

    private static StreamingReplica shared;

    private final EmbeddedPostgres primary;
    private final Path standbyDir;
    private final int standbyPort;
    private EmbeddedPostgres standby;

    private StreamingReplica(EmbeddedPostgres primary, Path standbyDir, int standbyPort) {
        this.primary = primary;
        this.standbyDir = standbyDir;
        this.standbyPort = standbyPort;
    }

    static synchronized StreamingReplica shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "streaming-replica-stop"));
        }
        return shared;
    }

    private static StreamingReplica start() {
        try {
            Path root = Files.createTempDirectory("flashsale-replica-");
            EmbeddedPostgres primary =
                    server(root.resolve("primary"), freePort(), true).start();
            try (Connection c = primary.getPostgresDatabase().getConnection();
                    Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE " + DATABASE);
                st.execute("SELECT pg_create_physical_replication_slot('" + SLOT + "', true)");
                st.execute("SELECT pg_backup_start('flashsale-test-standby', true)");
                Path standbyDir = root.resolve("standby");
                copyDataDir(root.resolve("primary"), standbyDir);
                try (ResultSet rs = st.executeQuery("SELECT labelfile, spcmapfile FROM pg_backup_stop(false)")) {
                    rs.next();
                    Files.writeString(standbyDir.resolve("backup_label"), rs.getString(1));
                    String spcmap = rs.getString(2);
                    if (spcmap != null && !spcmap.isEmpty()) {
                        Files.writeString(standbyDir.resolve("tablespace_map"), spcmap);
                    }
                }
                Files.createFile(standbyDir.resolve("standby.signal"));
                // PostgreSQL refuses a data folder others can read.
                Files.setPosixFilePermissions(
                        standbyDir, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
                Files.writeString(
                        standbyDir.resolve("postgresql.auto.conf"),
                        """
                        primary_conninfo = 'host=127.0.0.1 port=%d user=postgres application_name=flashsale_test'
                        primary_slot_name = '%s'
                        """.formatted(primary.getPort(), SLOT),
                        StandardCharsets.UTF_8,
                        StandardOpenOption.APPEND);
                StreamingReplica pair = new StreamingReplica(primary, standbyDir, freePort());
                pair.startStandby();
                return pair;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not set up the streaming replica", e);
        }
    }

    private static EmbeddedPostgres.Builder server(Path dir, int port, boolean clean) {
        return EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(clean)
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("wal_level", "replica")
                .setServerConfig("max_wal_senders", "4")
                // A standby needs at least the primary's max_connections.
                .setServerConfig("max_connections", "100")
                .setServerConfig("hot_standby", "on")
                .setServerConfig("fsync", "off");
    }

    /** Points a test's server at this pair: the primary for everything, the standby for discovery. */
    static void configure(org.springframework.test.context.DynamicPropertyRegistry registry) {
        StreamingReplica pair = shared();
        registry.add("spring.datasource.url", pair::primaryUrl);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        registry.add("flashsale.datasource.replica.url", pair::standbyUrl);
        registry.add("flashsale.datasource.replica.username", () -> "postgres");
        registry.add("flashsale.datasource.replica.password", () -> "");
        registry.add("flashsale.datasource.replica.max-lag", () -> MAX_LAG.toMillis() + "ms");
        registry.add("flashsale.datasource.replica.probe-interval", () -> "100ms");
        registry.add("flashsale.datasource.replica.hikari.maximum-pool-size", () -> "6");
    }

    synchronized void startStandby() {
        if (standby != null) {
            return;
        }
        try {
            standby = server(standbyDir, standbyPort, false).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitCaughtUp();
    }

    /** A fast shutdown, as when the replica's machine goes away; its data folder stays for a restart. */
    synchronized void stopStandby() {
        if (standby != null) {
            try {
                standby.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                standby = null;
            }
        }
    }

    String primaryUrl() {
        return "jdbc:postgresql://127.0.0.1:" + primary.getPort() + "/" + DATABASE;
    }

    String standbyUrl() {
        return "jdbc:postgresql://127.0.0.1:" + standbyPort + "/" + DATABASE;
    }

    void pauseReplay() {
        onStandby("SELECT pg_wal_replay_pause()");
    }

    void resumeReplay() {
        onStandby("SELECT pg_wal_replay_resume()");
    }

    /** Waits until the standby has replayed everything the primary had written when this was called. */
    void awaitCaughtUp() {
        long target = lsn(primaryUrl(), "SELECT (pg_current_wal_lsn() - '0/0'::pg_lsn)::bigint");
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> lsn(standbyUrl(), "SELECT (pg_last_wal_replay_lsn() - '0/0'::pg_lsn)::bigint") >= target);
    }

    /** Waits until every one of these deals is visible in a new snapshot on the standby. */
    void awaitVisible(java.util.List<java.util.UUID> deals) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> {
                    try (Connection c = DriverManager.getConnection(standbyUrl(), "postgres", "");
                            java.sql.PreparedStatement st =
                                    c.prepareStatement("SELECT count(*) FROM deals WHERE id = ANY (?)")) {
                        st.setArray(1, c.createArrayOf("uuid", deals.toArray()));
                        try (ResultSet rs = st.executeQuery()) {
                            rs.next();
                            return rs.getInt(1) == deals.size();
                        }
                    }
                });
    }

    private void onStandby(String sql) {
        try (Connection c = DriverManager.getConnection(standbyUrl(), "postgres", "");
                Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static long lsn(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private void close() {
        stopStandby();
        try {
            primary.close();
        } catch (IOException e) {
            // the JVM is exiting; zonky's own hook stops what is left
        }
    }

    /** Copies a running server's data folder; files may vanish under the copy (temp files), which is fine. */
    private static void copyDataDir(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                // WAL streams from the slot; the primary's slots are its own.
                String name = dir.getFileName().toString();
                return !dir.equals(from) && (name.equals("pg_wal") || name.equals("pg_replslot"))
                        ? skipContents(dir)
                        : FileVisitResult.CONTINUE;
            }

            private FileVisitResult skipContents(Path dir) throws IOException {
                if (dir.getFileName().toString().equals("pg_wal")) {
                    Files.createDirectories(
                            to.resolve(from.relativize(dir).toString()).resolve("archive_status"));
                }
                return FileVisitResult.SKIP_SUBTREE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (!SKIPPED.contains(file.getFileName().toString())) {
                    try {
                        Files.copy(
                                file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                    } catch (NoSuchFileException e) {
                        // removed while copying; the WAL replay recreates whatever matters
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
