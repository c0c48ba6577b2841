package com.hyperlocal.flashsale.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;

/**
 * Tomcat's error report (the HTML page, or nothing) replaced by problem+json, for what Tomcat
 * answers itself before Spring MVC runs: a malformed request line or URI, an HTTP version it does
 * not speak, headers over the limit. The detail is fixed per status and never echoes Tomcat's
 * message, which can quote the request or name a class.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    public ProblemErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // Tomcat's own guard: an error page that is already written (by Spring) stays as it is.
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        ProblemType type = ProblemType.forStatus(status);
        byte[] body = ProblemWriter.body(type, status, detail(status, type), path(request));
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                writer.write(new String(body, StandardCharsets.UTF_8));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client went away; nothing left to tell it
        }
    }

    private static String detail(int status, ProblemType type) {
        return switch (status) {
            case 400 -> "The request is not well-formed HTTP (request line, URI encoding or headers)";
            case 404 -> "No resource at this path";
            case 408 -> "The request was not received in time";
            case 413 -> "The request body is larger than this endpoint accepts";
            case 414 -> "The request URI is longer than the server accepts";
            case 431 -> "The request headers are larger than the server accepts";
            case 501 -> "The request uses a method or transfer coding this server does not implement";
            case 505 -> "Only HTTP/1.0 and HTTP/1.1 are spoken here";
            default -> type.title();
        };
    }

    private static @Nullable String path(Request request) {
        try {
            return request.getDecodedRequestURI();
        } catch (RuntimeException e) {
            return null; // the URI itself was what could not be parsed
        }
    }
}
