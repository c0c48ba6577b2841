package com.hyperlocal.flashsale.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Spring MVC flushes the response right after writing a {@code ResponseEntity} or a problem body,
 * which commits it before its length is known: Tomcat then sends it chunked, in two socket writes.
 * Measured under the sold-out stampede, that flush was a fifth of the server's CPU. Deferring it to
 * the end of the request lets Tomcat send {@code Content-Length} and the whole answer in one write
 * when the body fits its buffer; a larger body still streams as soon as the buffer fills.
 */
@Component
class DeferredFlushFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, new DeferredFlushResponse(response));
    }

    private static final class DeferredFlushResponse extends HttpServletResponseWrapper {

        private @Nullable ServletOutputStream stream;

        DeferredFlushResponse(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void flushBuffer() {
            // deferred: the container flushes when the request completes
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (stream == null) {
                stream = new NoFlushStream(super.getOutputStream());
            }
            return stream;
        }
    }

    private static final class NoFlushStream extends ServletOutputStream {

        private final ServletOutputStream delegate;

        NoFlushStream(ServletOutputStream delegate) {
            this.delegate = delegate;
        }

        @Override
        public void write(int b) throws IOException {
            delegate.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            delegate.write(b, off, len);
        }

        @Override
        public void flush() {
            // deferred, as above
        }

        @Override
        public void close() throws IOException {
            delegate.close();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            delegate.setWriteListener(listener);
        }
    }
}
