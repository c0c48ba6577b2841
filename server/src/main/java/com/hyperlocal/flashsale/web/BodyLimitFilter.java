package com.hyperlocal.flashsale.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps every request body before anything parses it. A declared {@code Content-Length} over the
 * endpoint's limit is refused at once (413) without reading a byte; a body that is already in
 * Tomcat's buffer passes untouched (Tomcat stops at the declared length); any other body (chunked,
 * or still arriving) is read here, counting bytes, and refused as soon as it passes the limit or
 * takes longer than the deadline (408), so a client trickling a byte a second holds its request
 * for at most the deadline. A wildcard {@code Content-Type} names no format and is a 415.
 *
 * <p>Ordered after the security filters (order -100) so an unauthenticated caller is refused
 * before its body is read.
 */
@Component
@Order(-90)
class BodyLimitFilter extends OncePerRequestFilter {

    private final BodyLimitProperties limits;

    BodyLimitFilter(BodyLimitProperties limits) {
        this.limits = limits;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        boolean chunked = request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
        if (declared <= 0 && !chunked) {
            chain.doFilter(request, response);
            return;
        }
        if (isWildcardOrInvalid(request.getContentType())) {
            refuse(
                    response,
                    ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "Content-Type must name the body's format, e.g. application/json",
                    request);
            return;
        }
        long limit = limits.limitFor(request.getMethod(), request.getRequestURI());
        if (declared > limit) {
            refuse(response, ProblemType.PAYLOAD_TOO_LARGE, tooLarge(limit), request);
            return;
        }
        InputStream in = request.getInputStream();
        if (declared > 0 && in.available() >= declared) {
            chain.doFilter(request, response); // all of it arrived with the headers
            return;
        }
        byte[] body;
        try {
            body = read(in, limit);
        } catch (TooLarge e) {
            refuse(response, ProblemType.PAYLOAD_TOO_LARGE, tooLarge(limit), request);
            return;
        } catch (IOException e) {
            if (!(e instanceof TooSlow) && !timedOut(e)) {
                throw e; // the client went away: Tomcat drops it quietly
            }
            if (response.isCommitted()) {
                return; // Tomcat flagged the failed read itself; its error page answers (400)
            }
            refuse(
                    response,
                    ProblemType.REQUEST_TIMEOUT,
                    "The request body did not arrive within "
                            + limits.deadline().toSeconds() + " s",
                    request);
            return;
        }
        chain.doFilter(new BufferedBodyRequest(request, body), response);
    }

    private byte[] read(InputStream in, long limit) throws IOException {
        long deadline = System.nanoTime() + limits.deadline().toNanos();
        ByteArrayOutputStream body = new ByteArrayOutputStream((int) Math.min(limit, 8192));
        byte[] chunk = new byte[8192];
        int n;
        while ((n = in.read(chunk)) >= 0) {
            if (body.size() + (long) n > limit) {
                throw new TooLarge();
            }
            body.write(chunk, 0, n);
            if (System.nanoTime() - deadline > 0) {
                throw new TooSlow();
            }
        }
        return body.toByteArray();
    }

    private static boolean timedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static boolean isWildcardOrInvalid(String contentType) {
        if (contentType == null) {
            return false; // Spring MVC answers 415 itself
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.isWildcardType() || type.isWildcardSubtype();
        } catch (InvalidMediaTypeException e) {
            return true;
        }
    }

    private static String tooLarge(long limit) {
        return "The request body is larger than this endpoint accepts (" + limit + " bytes)";
    }

    /**
     * The rest of the body is not read: Tomcat is told not to swallow it (which would take as
     * long as the client trickles) and closes the connection after the answer.
     */
    private static void refuse(
            HttpServletResponse response, ProblemType type, String detail, HttpServletRequest request)
            throws IOException {
        org.apache.coyote.Request coyote =
                request.getAttribute(RefusedBodyValve.COYOTE_REQUEST) instanceof org.apache.coyote.Request r ? r : null;
        if (coyote != null) {
            coyote.action(org.apache.coyote.ActionCode.DISABLE_SWALLOW_INPUT, null);
        }
        response.setHeader(HttpHeaders.CONNECTION, "close");
        ProblemWriter.write(response, type, detail, request.getRequestURI());
        if (coyote != null) {
            // The answer is on the wire; then close at once rather than after draining the body.
            response.flushBuffer();
            coyote.action(org.apache.coyote.ActionCode.CLOSE_NOW, null);
        }
    }

    private static final class TooLarge extends IOException {
        TooLarge() {
            super("body over the limit", null);
        }
    }

    private static final class TooSlow extends IOException {
        TooSlow() {
            super("body past the deadline", null);
        }
    }

    /** The request with its body already in memory. */
    private static final class BufferedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;
        private final ServletInputStream stream;

        BufferedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
            this.stream = stream(body);
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            return stream;
        }

        private static ServletInputStream stream(byte[] body) {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already read");
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            java.nio.charset.Charset charset = java.nio.charset.StandardCharsets.UTF_8;
            try {
                if (getCharacterEncoding() != null) {
                    charset = java.nio.charset.Charset.forName(getCharacterEncoding());
                }
            } catch (IllegalArgumentException e) {
                // an unknown charset name: read it as UTF-8, like Spring's JSON reader does
            }
            return new java.io.BufferedReader(new java.io.InputStreamReader(stream, charset));
        }
    }
}
