package com.hyperlocal.flashsale.web;

import jakarta.servlet.ServletException;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;

/**
 * Hands {@link BodyLimitFilter} Tomcat's own request, the one thing through which it can tell
 * Tomcat not to read ("swallow") the rest of a body it refused: a servlet filter sees only the
 * facade. One attribute per request, no allocation.
 */
final class RefusedBodyValve extends ValveBase {

    static final String COYOTE_REQUEST = RefusedBodyValve.class.getName() + ".coyote";

    RefusedBodyValve() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        request.setAttribute(COYOTE_REQUEST, request.getCoyoteRequest());
        getNext().invoke(request, response);
    }
}
