package com.hyperlocal.flashsale.claim;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.sentinel.api.StatefulRedisSentinelConnection;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.util.FileSystemUtils;

/**
 * A real Redis primary, a replica of it and one Sentinel watching them, each a {@code redis-server}
 * process of the machine (Debian's package) on a free loopback port with its own temp folder.
 * Never touches the machine's own Redis.
 */
final class SentinelGroup implements AutoCloseable {

    static final String MASTER = "flashsale";

    private final Path dir;
    private final int sentinelPort;
    private final List<Process> processes = new ArrayList<>();
    private Process primary;

    private SentinelGroup(Path dir, int sentinelPort) {
        this.dir = dir;
        this.sentinelPort = sentinelPort;
    }

    /** The machine's redis-server, if there is one (it also runs as a Sentinel). */
    static Optional<Path> redisServer() {
        for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(folder, "redis-server");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        Path debian = Path.of("/usr/bin/redis-server");
        return Files.isExecutable(debian) ? Optional.of(debian) : Optional.empty();
    }

    static SentinelGroup start(Path binary) {
        try {
            Path dir = Files.createTempDirectory("flashsale-sentinel-");
            int primaryPort = freePort();
            int replicaPort = freePort();
            SentinelGroup group = new SentinelGroup(dir, freePort());
            group.primary = group.redis(binary, "primary", primaryPort);
            group.redis(binary, "replica", replicaPort, "--replicaof", "127.0.0.1", Integer.toString(primaryPort));
            Path conf = dir.resolve("sentinel.conf");
            Files.writeString(conf, """
                    port %d
                    bind 127.0.0.1
                    dir %s
                    sentinel monitor %s 127.0.0.1 %d 1
                    sentinel down-after-milliseconds %s 1000
                    sentinel failover-timeout %s 10000
                    """.formatted(group.sentinelPort, dir, MASTER, primaryPort, MASTER, MASTER));
            group.spawn(List.of(binary.toString(), conf.toString(), "--sentinel"), "sentinel");
            return group;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Process redis(Path binary, String name, int port, String... more) throws IOException {
        Path data = Files.createDirectories(dir.resolve(name));
        List<String> command = new ArrayList<>(List.of(
                binary.toString(),
                "--port",
                Integer.toString(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                data.toString()));
        command.addAll(List.of(more));
        return spawn(command, name);
    }

    private Process spawn(List<String> command, String name) throws IOException {
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile())
                .start();
        processes.add(process);
        return process;
    }

    int sentinelPort() {
        return sentinelPort;
    }

    /** Where the Sentinel says the primary is, and how many replicas it knows in good health. */
    record View(int masterPort, int healthyReplicas) {}

    View view() {
        RedisClient client = RedisClient.create(RedisURI.builder()
                .withHost("127.0.0.1")
                .withPort(sentinelPort)
                .withTimeout(Duration.ofSeconds(2))
                .build());
        try (StatefulRedisSentinelConnection<String, String> c = client.connectSentinel()) {
            int master = ((java.net.InetSocketAddress) c.sync().getMasterAddrByName(MASTER)).getPort();
            long healthy = c.sync().replicas(MASTER).stream()
                    .filter(r ->
                            !r.getOrDefault("flags", "").contains("down") && "ok".equals(r.get("master-link-status")))
                    .count();
            return new View(master, (int) healthy);
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }

    /** SIGKILL, as when the primary's machine dies: no goodbye to clients or replicas. */
    void killPrimary() throws InterruptedException {
        primary.destroyForcibly().waitFor();
    }

    @Override
    public void close() {
        for (Process process : processes) {
            process.destroyForcibly();
        }
        for (Process process : processes) {
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        FileSystemUtils.deleteRecursively(dir.toFile());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
