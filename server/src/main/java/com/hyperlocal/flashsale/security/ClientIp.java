package com.hyperlocal.flashsale.security;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The caller's address as the servlet container established it. That is the TCP peer, unless the
 * operator enabled {@code server.forward-headers-strategy=native} and named the trusted proxies in
 * {@code server.tomcat.remoteip.internal-proxies}: only then does Tomcat take the client from
 * {@code X-Forwarded-For}, and only from a request that came from such a proxy. A client can
 * therefore never choose the address its requests are counted against.
 */
public final class ClientIp {

    private ClientIp() {}

    public static String of(HttpServletRequest request) {
        return request.getRemoteAddr();
    }
}
