package com.hyperlocal.flashsale.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** HTTPS anywhere, plain HTTP only to this machine; one spelling of the base URL. */
class ServerOriginTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://deals.example",
                "http://127.0.0.1:8080",
                "http://127.0.0.2",
                "http://localhost:8080/",
                "http://[::1]:9000"
            })
    void httpsOrLoopbackHttpIsAccepted(String url) {
        assertThat(ServerOrigin.parse(url).url()).doesNotEndWith("/");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://deals.example",
                "http://127.0.0.1.nip.io",
                "http://10.0.0.5:8080",
                "ftp://127.0.0.1",
                "127.0.0.1:8080",
                "https://user@deals.example",
                "https://deals.example/?x=1",
                "http://"
            })
    void anythingElseIsRefusedWithAPlainMessage(String url) {
        assertThatThrownBy(() -> ServerOrigin.parse(url))
                .isInstanceOf(IllegalArgumentException.class)
                .message()
                .startsWith("server URL '")
                .doesNotContain("Exception");
    }

    @Test
    void trailingSlashesAndCaseDoNotMakeAnotherServer() {
        assertThat(ServerOrigin.parse("https://Deals.Example/base//"))
                .isEqualTo(ServerOrigin.parse("https://deals.example/base"));
        assertThat(ServerOrigin.parse("https://deals.example/base/").resolve("api/v1/x"))
                .isEqualTo(URI.create("https://deals.example/base/api/v1/x"));
    }

    @Test
    void theOriginIsSchemeHostAndEffectivePort() {
        ServerOrigin origin = ServerOrigin.parse("https://deals.example");

        assertThat(origin.sameOrigin(URI.create("https://deals.example:443/.well-known/jwks.json")))
                .isTrue();
        assertThat(origin.sameOrigin(URI.create("http://deals.example/.well-known/jwks.json")))
                .isFalse();
        assertThat(origin.sameOrigin(URI.create("https://deals.example:8443/x")))
                .isFalse();
        assertThat(origin.sameOrigin(URI.create("https://cdn.deals.example/x"))).isFalse();
    }
}
