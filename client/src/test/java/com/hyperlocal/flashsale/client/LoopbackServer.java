package com.hyperlocal.flashsale.client;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A real HTTP server on a free loopback port that answers fixed responses per path. */
final class LoopbackServer implements AutoCloseable {

    record Response(int status, String contentType, String body, Map<String, String> headers) {
        static Response json(String body) {
            return new Response(200, "application/json", body, Map.of());
        }

        static Response redirect(int status, String location) {
            return new Response(status, "text/plain", "", Map.of("Location", location));
        }
    }

    /** A request as received: method, path with query, Authorization header (or null), body. */
    record Hit(String method, String path, String authorization, String body) {}

    private final HttpServer server;
    private final Map<String, Response> routes = new ConcurrentHashMap<>();
    final List<Hit> hits = new CopyOnWriteArrayList<>();

    LoopbackServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", ex -> {
            String path = ex.getRequestURI().getRawPath();
            String query = ex.getRequestURI().getRawQuery();
            hits.add(new Hit(
                    ex.getRequestMethod(),
                    query == null ? path : path + "?" + query,
                    ex.getRequestHeaders().getFirst("Authorization"),
                    new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            Response r = routes.getOrDefault(
                    path,
                    new Response(
                            404,
                            "application/problem+json",
                            "{\"type\":\"urn:flashsale:problem:not-found\",\"status\":404,\"detail\":\"No such path\"}",
                            Map.of()));
            byte[] bytes = r.body().getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", r.contentType());
            r.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
            ex.sendResponseHeaders(r.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                ex.getResponseBody().write(bytes);
            }
            ex.close();
        });
        server.start();
    }

    LoopbackServer on(String path, Response response) {
        routes.put(path, response);
        return this;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
