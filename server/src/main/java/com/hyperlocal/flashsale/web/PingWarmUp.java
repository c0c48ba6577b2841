package com.hyperlocal.flashsale.web;

import com.hyperlocal.flashsale.infra.WarmUp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * The public port's request path — Tomcat, the security filter chains, MVC and a response — by a
 * trivial request over loopback; ping is exempt from the per-IP limit, so it uses up no client's
 * budget.
 */
@Component
class PingWarmUp implements WarmUp, ApplicationListener<WebServerInitializedEvent> {

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private volatile int port;

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() == null) { // the public port, not management
            port = event.getWebServer().getPort();
        }
    }

    @Override
    public void exercise() throws Exception {
        if (port <= 0) {
            return;
        }
        HttpResponse<Void> answer = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/ping"))
                        .timeout(Duration.ofSeconds(2))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("ping answered " + answer.statusCode());
        }
    }
}
