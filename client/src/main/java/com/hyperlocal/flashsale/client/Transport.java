package com.hyperlocal.flashsale.client;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLException;
import org.jspecify.annotations.Nullable;

/**
 * Sends requests to one {@link ServerOrigin}. Redirects are followed by hand and only within the
 * origin: the JDK's own redirect policy would carry the request (and a re-added API key) to any
 * host a proxy or a compromised server names.
 */
final class Transport {

    private static final int MAX_REDIRECTS = 5;

    private final ServerOrigin origin;
    private final @Nullable String apiKey;
    private final Duration timeout;
    private final HttpClient http;

    Transport(ServerOrigin origin, @Nullable String apiKey, Duration timeout) {
        this.origin = origin;
        this.apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
        this.timeout = timeout;
        // HTTP/1.1: the server speaks no cleartext HTTP/2, so an h2c upgrade offer is wasted.
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    ServerOrigin origin() {
        return origin;
    }

    boolean hasApiKey() {
        return apiKey != null;
    }

    /** A 2xx answer to {@code method uri}; a JSON body is sent when {@code json} is not null. */
    HttpResponse<String> send(String method, URI uri, @Nullable String json, boolean authenticated, String... headers) {
        URI target = uri;
        String currentMethod = method;
        String body = json;
        for (int hop = 0; ; hop++) {
            if (!origin.sameOrigin(target)) {
                throw new ApiException.Untrusted("refused to contact " + originOf(target) + ": only the configured "
                        + "server " + origin + " is trusted");
            }
            HttpResponse<String> r = exchange(build(currentMethod, target, body, authenticated, headers));
            int status = r.statusCode();
            if (status >= 200 && status < 300) {
                return r;
            }
            Optional<String> location = r.headers().firstValue("Location");
            if (!isRedirect(status) || location.isEmpty()) {
                throw error(r);
            }
            if (hop == MAX_REDIRECTS) {
                throw new ApiException.BadAnswer("the server redirected more than " + MAX_REDIRECTS + " times");
            }
            URI next;
            try {
                next = target.resolve(location.get().strip());
            } catch (IllegalArgumentException e) {
                throw new ApiException.BadAnswer("the server redirected to an invalid address");
            }
            if (!origin.sameOrigin(next)) {
                throw new ApiException.Untrusted("the server redirected to another origin (" + originOf(next)
                        + "); not followed, only " + origin + " is trusted");
            }
            if (status == 303 || (status == 301 || status == 302) && !currentMethod.equals("GET")) {
                currentMethod = "GET"; // what browsers do; 307/308 keep the method and body
                body = null;
            }
            target = next;
        }
    }

    private HttpRequest build(String method, URI uri, @Nullable String json, boolean authenticated, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Accept", "application/json, application/problem+json")
                .header("User-Agent", "flashsale-client");
        if (authenticated && apiKey != null) {
            b.header("Authorization", "Bearer " + apiKey);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        if (json != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return b.build();
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException | UnresolvedAddressException e) {
            throw new ApiException.Unreachable("cannot reach the server at " + origin + ": " + why(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException.Unreachable("interrupted while talking to the server at " + origin, e);
        }
    }

    /** A short, plain reason: no exception class names. */
    private String why(Exception e) {
        if (e instanceof HttpConnectTimeoutException) {
            return "no connection within " + timeout.toSeconds() + " s";
        }
        if (e instanceof HttpTimeoutException) {
            return "no answer within " + timeout.toSeconds() + " s";
        }
        if (e instanceof ConnectException || e.getCause() instanceof ConnectException) {
            return "connection refused";
        }
        if (e instanceof UnknownHostException
                || e instanceof UnresolvedAddressException
                || e.getCause() instanceof UnresolvedAddressException) {
            return "unknown host " + origin.resolve("").getHost();
        }
        if (e instanceof SSLException) {
            return "the TLS handshake failed";
        }
        if (e instanceof EOFException) {
            return "the connection was closed before an answer";
        }
        String m = e.getMessage();
        return m == null || m.isBlank() || m.contains("java.") ? "network error" : m.toLowerCase(Locale.ROOT);
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static String originOf(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    static ApiException.HttpError error(HttpResponse<String> r) {
        int status = r.statusCode();
        Problem problem = null;
        String contentType = r.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (contentType.contains("json") && r.body() != null && !r.body().isBlank()) {
            try {
                problem = Json.MAPPER.readValue(r.body(), Problem.class);
            } catch (RuntimeException e) {
                problem = null; // a proxy's error page: the status alone will do
            }
        }
        Duration retryAfter = r.headers()
                .firstValue("Retry-After")
                .flatMap(Transport::seconds)
                .orElse(null);
        String said = problem != null && !problem.oneLine().isEmpty() ? problem.oneLine() : ApiException.reason(status);
        return new ApiException.HttpError(status, problem, retryAfter, said + " (" + status + ")");
    }

    private static Optional<Duration> seconds(String value) {
        try {
            return Optional.of(Duration.ofSeconds(Long.parseLong(value.trim())));
        } catch (NumberFormatException e) {
            return Optional.empty(); // an HTTP-date: rare for this server, not worth parsing
        }
    }
}
