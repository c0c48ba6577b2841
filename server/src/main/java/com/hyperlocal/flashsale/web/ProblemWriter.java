package com.hyperlocal.flashsale.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a problem+json body straight to the servlet response, for the answers given where no
 * Spring MVC handler runs: a body refused by {@link BodyLimitFilter}, Tomcat's own errors
 * ({@link ProblemErrorReportValve}) and the container's error page. The body has the same members
 * as the {@link ApiExceptionHandler}'s answers.
 */
public final class ProblemWriter {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The instance echoes the client's path; a hostile one can be long or garbage, so it is cut. */
    private static final int MAX_INSTANCE_LENGTH = 200;

    private ProblemWriter() {}

    static byte[] body(ProblemType type, int status, String detail, @Nullable String instance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type.uri().toString());
        body.put("title", type.title());
        body.put("status", status);
        body.put("detail", detail != null ? detail : type.title());
        if (instance != null && !instance.isEmpty()) {
            body.put(
                    "instance",
                    instance.length() > MAX_INSTANCE_LENGTH
                            ? instance.substring(0, MAX_INSTANCE_LENGTH) + "…"
                            : instance);
        }
        return JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
    }

    /** Replaces whatever the response holds (it must not be committed) with the problem. */
    static void write(HttpServletResponse response, ProblemType type, int status, String detail, String instance)
            throws IOException {
        byte[] bytes = body(type, status, detail, instance);
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentLength(bytes.length);
        if (status == 503) {
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
        }
        response.getOutputStream().write(bytes);
    }

    static void write(HttpServletResponse response, ProblemType type, String detail, String instance)
            throws IOException {
        write(response, type, type.status().value(), detail, instance);
    }
}
