package com.hyperlocal.flashsale.webhook;

import com.hyperlocal.flashsale.web.InvalidRequestException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/** An endpoint a merchant may register: HTTPS, or plain HTTP to a loopback address (local testing). */
final class WebhookUrl {

    static final int MAX_LENGTH = 2048;

    private WebhookUrl() {}

    static URI check(String url) {
        if (url == null || url.isBlank() || url.length() > MAX_LENGTH) {
            throw invalid("must be an absolute https URL of at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw invalid("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw invalid("must be an absolute URL with a host and no user info or fragment");
        }
        if (scheme.equals("https") || scheme.equals("http") && isLoopback(uri.getHost())) {
            return uri;
        }
        throw invalid("must use https (plain http only for a loopback address)");
    }

    private static boolean isLoopback(String host) {
        String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        // Only literal addresses: a name is not resolved here, so DNS cannot turn it into loopback later.
        if (!h.matches("[0-9.]+") && !h.contains(":")) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static InvalidRequestException invalid(String message) {
        return new InvalidRequestException("url", message);
    }
}
