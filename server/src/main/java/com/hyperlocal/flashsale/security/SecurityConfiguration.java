package com.hyperlocal.flashsale.security;

import com.hyperlocal.flashsale.ratelimit.LimitKind;
import com.hyperlocal.flashsale.ratelimit.RateLimiter;
import com.hyperlocal.flashsale.web.ProblemResponses;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * One filter chain per kind of caller, tried in order; the first whose matcher fits the request
 * authenticates it (the merchant and admin chains live in the merchant package, orders 10 and 20):
 * <ol start="30">
 *   <li>shopper — claims and vouchers: an OIDC bearer JWT (Spring's resource server);</li>
 *   <li>public — discovery, deal pages, key sets, ping, health, API docs: no credential, counted per IP;</li>
 *   <li>everything else — denied: 404, or 405 for another method on a public path.</li>
 * </ol>
 * Every chain is stateless (no session, no cookie), so CSRF protection is off: CSRF abuses a
 * credential the browser attaches by itself, and a bearer token is never attached by itself.
 * Spring Security's default response headers (nosniff, frame options, HSTS on TLS, no-cache) stay on.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class SecurityConfiguration {

    public static final int ADMIN_ORDER = 10;
    public static final int MERCHANT_ORDER = 20;
    static final int SHOPPER_ORDER = 30;
    static final int PUBLIC_ORDER = 40;
    static final int DENY_ORDER = 100;

    /** Served to anyone, GET only (plus the container's error page); other methods fall to the deny chain. */
    static final List<String> PUBLIC_PATHS = List.of(
            "/api/v1/deals/nearby",
            "/api/v1/deals/*",
            "/.well-known/**",
            "/api/v1/ping",
            "/actuator/health",
            "/actuator/health/**",
            "/actuator/info",
            "/actuator/prometheus",
            "/v3/api-docs",
            "/v3/api-docs/**",
            "/swagger-ui.html",
            "/swagger-ui/**",
            "/error");

    public static RequestMatcher path(HttpMethod method, String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
    }

    public static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    /** What every chain shares: stateless, no CSRF (see the class comment), our 401/403 bodies. */
    public static HttpSecurity stateless(HttpSecurity http, ProblemAuthenticationEntryPoint problems) throws Exception {
        return http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems));
    }

    @Bean
    @Order(SHOPPER_ORDER)
    SecurityFilterChain shoppers(
            HttpSecurity http,
            ProblemAuthenticationEntryPoint problems,
            RateLimiter limiter,
            ProblemResponses responses)
            throws Exception {
        stateless(http, problems)
                .securityMatcher(new OrRequestMatcher(
                        path(HttpMethod.POST, "/api/v1/deals/*/claims"),
                        path("/api/v1/claims/**"),
                        path("/api/v1/me/**")))
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .oauth2ResourceServer(rs -> rs.jwt(jwt -> {})
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems)
                        .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                            @Override
                            public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                                filter.setAuthenticationFailureHandler(
                                        new ProviderUnavailableHandler(problems, responses));
                                return filter;
                            }
                        }))
                .addFilterAfter(new ShopperClaimLimitFilter(limiter, responses), BearerTokenAuthenticationFilter.class);
        return http.build();
    }

    @Bean
    @Order(PUBLIC_ORDER)
    SecurityFilterChain anonymous(
            HttpSecurity http,
            ProblemAuthenticationEntryPoint problems,
            RateLimiter limiter,
            ProblemResponses responses)
            throws Exception {
        // Ping is the HTTP ceiling and health what load balancers poll: neither reads data a client
        // chooses, and a limiter check would cost more than they do.
        RequestMatcher unlimited = new OrRequestMatcher(
                path(HttpMethod.GET, "/api/v1/ping"),
                path("/actuator/health"),
                path("/actuator/health/**"),
                path("/error"));
        stateless(http, problems)
                .securityMatcher(new OrRequestMatcher(PUBLIC_PATHS.stream()
                        .map(p -> p.equals("/error") ? path(p) : path(HttpMethod.GET, p))
                        .toList()))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .addFilterBefore(
                        new IpRateLimitFilter(limiter, responses, LimitKind.IP, unlimited),
                        BearerTokenAuthenticationFilter.class);
        return http.build();
    }

    @Bean
    @Order(DENY_ORDER)
    SecurityFilterChain denyTheRest(
            HttpSecurity http, ProblemAuthenticationEntryPoint problems, NoSuchEndpoint notFound) throws Exception {
        stateless(http, problems)
                .authorizeHttpRequests(auth -> auth.anyRequest().denyAll())
                .exceptionHandling(e -> e.authenticationEntryPoint(notFound).accessDeniedHandler(notFound));
        return http.build();
    }
}
