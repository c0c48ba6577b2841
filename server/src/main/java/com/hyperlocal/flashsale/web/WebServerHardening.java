package com.hyperlocal.flashsale.web;

import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.springframework.boot.jackson.autoconfigure.JsonFactoryBuilderCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.core.StreamReadConstraints;

/**
 * Limits that keep a hostile or broken client from costing more than a bounded amount of memory,
 * time or threads, and the problem+json error report for what Tomcat answers on its own. The
 * figures live in {@link BodyLimitProperties} and application.yml; docs/security.md explains them.
 */
@Configuration(proxyBeanMethods = false)
class WebServerHardening {

    @Bean
    TomcatHardening tomcatHardening(BodyLimitProperties limits) {
        return new TomcatHardening(limits);
    }

    static final class TomcatHardening implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        private final BodyLimitProperties limits;

        TomcatHardening(BodyLimitProperties limits) {
            this.limits = limits;
        }

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> installProblemValve((Host) context.getParent()));
            factory.addContextValves(new RefusedBodyValve());
            factory.addProtocolHandlerCustomizers(handler -> {
                if (handler instanceof AbstractHttp11Protocol<?> http) {
                    // Between two reads of a body, not the whole body: BodyLimitFilter bounds that.
                    http.setDisableUploadTimeout(false);
                    http.setConnectionUploadTimeout((int) limits.readTimeout().toMillis());
                }
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE; // after Boot's, which adds a plain ErrorReportValve
        }
    }

    private static void installProblemValve(Host host) {
        for (Valve valve : host.getPipeline().getValves()) {
            if (valve instanceof ErrorReportValve && !(valve instanceof ProblemErrorReportValve)) {
                host.getPipeline().removeValve(valve);
            }
        }
        host.getPipeline().addValve(new ProblemErrorReportValve());
        if (host instanceof StandardHost standard) {
            // The host adds a valve of this class at start unless one is there: it finds ours.
            standard.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
        }
    }

    /**
     * Jackson's parse limits, far below its defaults (20 M chars a string, 1000 deep): no request
     * of this API nests beyond 4 levels, has a string longer than a voucher token, or a number
     * longer than a coordinate. The body caps bound the document before Jackson sees it.
     */
    @Bean
    JsonFactoryBuilderCustomizer streamReadConstraints(BodyLimitProperties limits) {
        return builder -> builder.streamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(16)
                .maxStringLength(16_384)
                .maxNameLength(256)
                .maxNumberLength(64)
                .maxDocumentLength(limits.largest().toBytes())
                .build());
    }
}
