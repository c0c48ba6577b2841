package com.hyperlocal.flashsale.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A loopback HTTP peer answering canned responses, to test how the client maps answers to exit
 * codes and messages. Not a stand-in for the server's behaviour: that is tested against the real
 * server in the *ServerTest classes.
 */
public final class FakeHttpPeer implements AutoCloseable {

    public record Answer(int status, String contentType, String body, Map<String, String> headers) {
        public static Answer problem(int status, String slug, String detail) {
            return new Answer(
                    status,
                    "application/problem+json",
                    "{\"type\":\"urn:flashsale:problem:" + slug
                            + "\",\"title\":\"" + slug + "\",\"status\":" + status + ",\"detail\":\"" + detail
                            + "\",\"instance\":\"/x\"}",
                    Map.of());
        }
    }

    /** What the peer received. */
    public record Seen(String method, String path, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey() != null && e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }
    }

    static {
        // Without TCP_NODELAY the JDK server's split header/body writes meet delayed ACKs:
        // ~40 ms per request, which turns a 250-row import test into 12 s.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    public final List<Seen> seen = new CopyOnWriteArrayList<>();

    public FakeHttpPeer(Function<Seen, Answer> handler) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> handle(exchange, handler));
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange ex, Function<Seen, Answer> handler) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Seen s = new Seen(ex.getRequestMethod(), ex.getRequestURI().toString(), ex.getRequestHeaders(), body);
        seen.add(s);
        Answer a = handler.apply(s);
        byte[] bytes = a.body().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", a.contentType());
        a.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        ex.sendResponseHeaders(a.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            ex.getResponseBody().write(bytes);
        }
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
