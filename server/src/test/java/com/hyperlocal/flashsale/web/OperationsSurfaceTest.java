package com.hyperlocal.flashsale.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hyperlocal.flashsale.IntegrationTest;
import com.hyperlocal.flashsale.TestApi;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Actuator lives on the management port (loopback only); the public port answers health with the
 * status alone and nothing else of Actuator; the public OpenAPI document leaves out the admin API.
 */
@IntegrationTest
class OperationsSurfaceTest {

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Test
    void managementEndpointsAreNotReachableOnThePublicPort() {
        assertThat(managementPort).isNotEqualTo(port);
        TestApi publicApi = new TestApi(port);
        for (String path : List.of(
                "/actuator/prometheus",
                "/actuator/metrics",
                "/actuator/env",
                "/actuator/info",
                "/actuator/heapdump",
                "/actuator",
                "/actuator/health/db",
                "/actuator/health/../prometheus")) {
            TestApi.Answer answer = publicApi.get(path);
            // A dot-segment path is refused outright (Spring Security's firewall: 400), the rest are unknown here.
            assertThat(answer.status()).as(path).isIn(path.contains("..") ? List.of(400, 404) : List.of(404));
            assertThat(answer.contentType()).as(path).startsWith("application/problem+json");
        }
    }

    @Test
    void thePublicPortTellsHealthAsAStatusOnly() {
        TestApi publicApi = new TestApi(port);
        for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
            TestApi.Answer answer = publicApi.get(path);
            assertThat(answer.status()).as(path).isEqualTo(200);
            assertThat(answer.json().properties()).as(path).hasSize(1);
            assertThat(answer.json().get("status").asString()).isEqualTo("UP");
        }
    }

    @Test
    void theManagementPortServesMetricsAndHealthDetails() {
        TestApi management = new TestApi(managementPort);
        TestApi.Answer metrics = management.get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.raw().body()).contains("flashsale_discovery_tile_cached_deals");
        TestApi.Answer health = management.get("/actuator/health");
        assertThat(health.json().get("components").has("db")).isTrue();
        assertThat(health.json().get("components").has("redis")).isTrue();
    }

    @Test
    void theManagementPortListensOnLoopbackOnly() throws Exception {
        InetAddress outside = NetworkInterface.networkInterfaces()
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
                .findFirst()
                .orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(outside != null, "this host has no non-loopback address");
        try (Socket probe = new Socket()) {
            assertThatThrownBy(() -> probe.connect(new InetSocketAddress(outside, managementPort), 2_000))
                    .isInstanceOf(ConnectException.class);
        }
        try (Socket publicProbe = new Socket()) {
            publicProbe.connect(new InetSocketAddress(outside, port), 2_000); // the public port does listen there
        }
    }

    @Test
    void thePublicOpenApiDocumentLeavesOutTheAdminApi() {
        TestApi.Answer docs = new TestApi(port).get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").has("/api/v1/deals/{dealId}/claims"))
                .isTrue();
        assertThat(docs.raw().body()).doesNotContain("/api/v1/admin").doesNotContain("/actuator");
    }

    /** The reused encoding (discovery's DealJson) is an implementation detail, not part of the answer's schema. */
    @Test
    void theOpenApiDocumentDescribesAFoundDealByItsElevenFields() {
        var deal = new TestApi(port)
                .get("/v3/api-docs")
                .json()
                .get("components")
                .get("schemas")
                .get("NearbyDeal")
                .get("properties");
        assertThat(deal.propertyNames())
                .containsExactlyInAnyOrder(
                        "id",
                        "merchantId",
                        "title",
                        "description",
                        "latitude",
                        "longitude",
                        "totalInventory",
                        "remainingInventory",
                        "validFrom",
                        "validUntil",
                        "distanceKm");
    }
}
