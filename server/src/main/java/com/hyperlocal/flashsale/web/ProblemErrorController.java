package com.hyperlocal.flashsale.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The container's error page ({@code /error}), replacing Boot's JSON shape with problem+json: what
 * reaches it failed outside Spring MVC's handlers (in a filter, a {@code sendError}, an
 * {@code Error} such as out-of-memory). A client error is logged at DEBUG; only a server error
 * is logged as an ERROR, once, without echoing anything the client sent.
 */
@Controller
class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    @RequestMapping("${server.error.path:/error}")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        String path = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (code == null) {
            // /error asked for directly: there is no error to report.
            ProblemWriter.write(response, ProblemType.NOT_FOUND, "No resource at this path", request.getRequestURI());
            return;
        }
        int status = code instanceof Integer i ? i : 500;
        ProblemType type = ProblemType.forStatus(status);
        String detail = null;
        if (failure != null && ApiExceptionHandler.badQueryString(failure)) {
            type = ProblemType.BAD_REQUEST; // a filter read a parameter Tomcat could not decode
            status = 400;
            detail = ApiExceptionHandler.QUERY_NOT_DECODABLE;
        } else if (failure != null && status >= 500) {
            if (DependencyFailures.isUnavailable(failure)) {
                type = ProblemType.DEPENDENCY_UNAVAILABLE;
            } else if (ApiExceptionHandler.outOfMemory(failure)) {
                type = ProblemType.UNAVAILABLE;
            }
            status = type.status().value();
        }
        if (status >= 500) {
            log.error("Error outside the handlers on {} {}: {}", request.getMethod(), path, failure);
        } else {
            log.debug("Client error {} outside the handlers on {}: {}", status, path, String.valueOf(failure));
        }
        if (response.isCommitted()) {
            return;
        }
        ProblemWriter.write(
                response, type, status, detail != null ? detail : ApiExceptionHandler.detailFor(type), path);
    }
}
