package com.hyperlocal.flashsale.testing;

import com.hyperlocal.flashsale.dev.EmbeddedPostgresServer;
import com.hyperlocal.flashsale.dev.EmbeddedRedisServer;
import com.hyperlocal.flashsale.dev.identity.DevIssuer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The real server, started once per test run from its production Spring Boot jar as a separate
 * process, configured as in production against throw-away PostgreSQL and Redis that this JVM starts
 * from the dev-infrastructure module. {@link #shared()} starts it lazily; the JVM shutdown hooks
 * stop the server and then the databases if a test doesn't.
 */
public final class ServerProcess {

    /** -Dflashsale.test.server-startup-seconds=N for a machine too loaded to start it in 2 minutes. */
    private static final Duration STARTUP_TIMEOUT =
            Duration.ofSeconds(Long.getLong("flashsale.test.server-startup-seconds", 120));

    private static final String AUDIENCE = "flashsale-it";
    private static @Nullable ServerProcess shared;
    private static @Nullable DevIssuer issuer;

    /** What the admin API answers when a merchant is created. */
    public record Merchant(UUID id, String name, UUID keyId, String apiKey) {
        @Override
        public String toString() {
            return "Merchant[id=" + id + ", name=" + name + "]";
        }
    }

    public final int port;
    private final String adminToken;
    private final Process process;
    private final Path log;
    public final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private ServerProcess(int port, String adminToken, Process process, Path log) {
        this.port = port;
        this.adminToken = adminToken;
        this.process = process;
        this.log = log;
    }

    public static synchronized ServerProcess shared() {
        ServerProcess current = shared;
        if (current == null || !current.process.isAlive()) {
            current = start();
            shared = current;
        }
        return current;
    }

    /** Stops the shared server (the next {@link #shared()} would start a new one). */
    public static synchronized void stopShared() {
        ServerProcess current = shared;
        if (current != null) {
            current.stop();
            shared = null;
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    private static ServerProcess start() {
        Path jar = serverJar();
        int port = freePort();
        String token = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        Path workDir = Path.of("target", "server-it").toAbsolutePath();
        Path log = workDir.resolve("server-" + port + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        try {
            Files.createDirectories(workDir);
            Path data = Files.createTempDirectory("flashsale-it-");
            EmbeddedPostgresServer pg = EmbeddedPostgresServer.startOnce(data.resolve("postgres"), true);
            EmbeddedRedisServer redis = EmbeddedRedisServer.startOnce(data.resolve("redis"), true);
            DevIssuer idp = issuer();
            // -D before -jar: after it, it would be an argument to the application.
            Process p = new ProcessBuilder(
                            java,
                            "-XX:TieredStopAtLevel=1",
                            "-Xshare:auto",
                            "-jar",
                            jar.toString(),
                            "--server.port=" + port,
                            "--flashsale.admin.token=" + token,
                            "--spring.datasource.url=" + pg.jdbcUrl(),
                            "--spring.datasource.username=" + EmbeddedPostgresServer.USER,
                            "--spring.data.redis.host=" + EmbeddedRedisServer.HOST,
                            "--spring.data.redis.port=" + redis.port(),
                            "--flashsale.vouchers.key-dir=" + data.resolve("keys"),
                            // The origin clients reach it at; tills and the CLI trust keys only from there.
                            "--flashsale.vouchers.public-base-url=http://127.0.0.1:" + port,
                            // Shoppers' tokens come from a real issuer in this JVM, as from a production provider.
                            "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + idp.issuer(),
                            "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + idp.issuer() + "/jwks.json",
                            "--spring.security.oauth2.resourceserver.jwt.audiences=" + AUDIENCE,
                            // Actuator's own port (loopback); a free one, so parallel runs do not collide on 8081.
                            "--management.server.port=" + freePort(),
                            "--logging.level.root=WARN")
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            ServerProcess server = new ServerProcess(port, token, p, log);
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "stop-server-" + port));
            server.awaitHealthy();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the server from " + jar, e);
        }
    }

    /** The jar surefire passes; in a `test`-phase reactor run that is target/classes, so look beside it. */
    static Path serverJar() {
        String configured = System.getProperty("server.jar");
        if (configured == null || configured.isBlank()) {
            throw new IllegalStateException("system property server.jar is not set (see test-harness/README.md)");
        }
        Path path = Path.of(configured);
        if (Files.isDirectory(path)) {
            Path target = path.getParent();
            try (Stream<Path> files = Files.list(target)) {
                path = files.filter(f -> f.getFileName().toString().matches("server-.*\\.jar"))
                        .findFirst()
                        .orElse(path);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("no server jar at " + path
                    + ": build it with ./mvnw -pl server -am package -DskipTests, or run ./mvnw verify");
        }
        return path;
    }

    private void awaitHealthy() {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with " + process.exitValue()
                        + " during startup; see " + log + "\n" + tail());
            }
            try {
                HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(URI.create(url() + "/actuator/health"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(300);
        }
        stop();
        throw new IllegalStateException("the server was not healthy within " + STARTUP_TIMEOUT + "; see " + log);
    }

    public Merchant createMerchant(String name) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(url() + "/api/v1/admin/merchants"))
                .header("Authorization", "Bearer " + adminToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\"}")));
        if (r.statusCode() != 201) {
            throw new IllegalStateException("merchant not created: " + r.statusCode() + " " + r.body());
        }
        return new Merchant(
                UUID.fromString(field(r.body(), "id")),
                field(r.body(), "name"),
                UUID.fromString(field(r.body(), "keyId")),
                field(r.body(), "apiKey"));
    }

    /** Plain HTTP, e.g. for claiming a voucher as a shopper would. */
    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Claims a voucher on {@code deal} as the signed-in shopper {@code sub}, as the shopper app would. */
    public HttpResponse<String> claimAs(String sub, UUID deal) {
        return send(HttpRequest.newBuilder(URI.create(url() + "/api/v1/deals/" + deal + "/claims"))
                .header("Authorization", "Bearer " + shopperToken(sub))
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** A shopper's bearer token from the identity provider this server trusts. */
    public String shopperToken(String sub) {
        return issuer().mint(sub);
    }

    private static synchronized DevIssuer issuer() {
        DevIssuer current = issuer;
        if (current == null) {
            current = DevIssuer.start(freePort(), AUDIENCE);
            issuer = current;
        }
        return current;
    }

    /** GET as a shopper: {@code Authorization: Bearer <shopperToken>}. */
    public byte[] getBytes(String path, String shopperToken) {
        try {
            HttpResponse<byte[]> r = http.send(
                    HttpRequest.newBuilder(URI.create(url() + path))
                            .header("Authorization", "Bearer " + shopperToken)
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + r.statusCode());
            }
            return r.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public void stop() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy(); // SIGTERM: Spring shuts down gracefully
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    /** A top-level string member of a flat JSON object; enough for the admin API's answer, and JDK only. */
    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]*)\"")
                .matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no \"" + name + "\" in " + json);
        }
        return m.group(1);
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
