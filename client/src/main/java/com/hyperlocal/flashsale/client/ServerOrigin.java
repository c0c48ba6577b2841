package com.hyperlocal.flashsale.client;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Objects;

/**
 * The one server a client trusts: its base URL, normalised without a trailing slash (the form
 * stored in the key cache), and the origin (scheme, host, port) every request, redirect and key
 * set must stay on. Keys are accepted over HTTPS only, or over plain HTTP to a loopback address
 * (a server on the same machine), so nobody on the network can substitute a key set.
 */
public final class ServerOrigin {

    private final URI base;

    private ServerOrigin(URI base) {
        this.base = base;
    }

    /**
     * Parses and checks a base URL such as {@code https://deals.example} or
     * {@code http://127.0.0.1:8080/}.
     *
     * @throws IllegalArgumentException with a one-line message fit for the user
     */
    public static ServerOrigin parse(String url) {
        Objects.requireNonNull(url, "url");
        String text = url.strip();
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("server URL '" + text + "' is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException("server URL '" + text + "' is not an http:// or https:// URL");
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("server URL '" + text + "' must not carry a user, query or fragment");
        }
        if (scheme.equals("http") && !isLoopback(uri.getHost())) {
            throw new IllegalArgumentException("server URL '" + text + "' must use https:// (plain http:// only "
                    + "for this machine: localhost, 127.0.0.1 or [::1])");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return new ServerOrigin(
                URI.create(scheme + "://" + uri.getRawAuthority().toLowerCase(Locale.ROOT) + path));
    }

    /** Literal loopback only: a name other than localhost is not resolved, so DNS cannot widen it. */
    static boolean isLoopback(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!h.matches("[0-9.]+") && !h.contains(":")) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress(); // an IP literal: no lookup happens
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The base URL without a trailing slash, e.g. {@code http://127.0.0.1:8080}. */
    public String url() {
        return base.toString();
    }

    /** {@code path} (no leading slash, may carry a query) below the base URL. */
    public URI resolve(String path) {
        return URI.create(base + "/" + path);
    }

    /** True if {@code other} has this server's scheme, host and (effective) port. */
    public boolean sameOrigin(URI other) {
        if (other == null || other.getScheme() == null || other.getHost() == null) {
            return false;
        }
        return base.getScheme().equalsIgnoreCase(other.getScheme())
                && base.getHost().equalsIgnoreCase(other.getHost())
                && port(base) == port(other);
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ServerOrigin other && base.equals(other.base);
    }

    @Override
    public int hashCode() {
        return base.hashCode();
    }

    @Override
    public String toString() {
        return url();
    }
}
