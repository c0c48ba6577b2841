package com.hyperlocal.flashsale.dev.identity;

import com.nimbusds.jose.JOSEException;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The development identity provider. Self-contained: it depends on no other package of the server,
 * only on {@code flashsale.dev-identity.enabled}, which the embedded default sets when no identity
 * provider is configured — never in production. Tokens it mints are checked by the same
 * resource-server path as any provider's, through its JWKS over HTTP.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "flashsale.dev-identity.enabled", havingValue = "true")
@EnableConfigurationProperties(DevIdentityProperties.class)
class DevIdentityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DevIdentityConfiguration.class);

    @Bean
    DevIssuer devIssuer(DevIdentityProperties properties) throws IOException, JOSEException {
        DevIssuer issuer = new DevIssuer(properties);
        log.warn("""

                ************************************************************************************
                  DEVELOPMENT IDENTITY PROVIDER ON: anyone can mint a shopper token for any user.
                  Issuer {} (JWKS {}/jwks.json); tokens: POST /dev/token?sub=<user>.
                  It is on only because the embedded default found no identity provider configured;
                  production sets spring.security.oauth2.resourceserver.jwt.issuer-uri instead.
                ************************************************************************************""", properties.issuer(), properties.issuer());
        return issuer;
    }

    /** Minting is open on purpose: it is the development stand-in for a provider's login page. */
    @Bean
    @Order(1)
    SecurityFilterChain devIdentity(HttpSecurity http) throws Exception {
        http.securityMatcher("/dev/**")
                .csrf(csrf -> csrf.disable()) // stateless, no cookie: nothing a browser would attach
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll());
        return http.build();
    }
}
