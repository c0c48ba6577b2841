package com.hyperlocal.flashsale.merchant;

import com.hyperlocal.flashsale.ratelimit.LimitKind;
import com.hyperlocal.flashsale.ratelimit.RateLimiter;
import com.hyperlocal.flashsale.security.IpRateLimitFilter;
import com.hyperlocal.flashsale.security.ProblemAuthenticationEntryPoint;
import com.hyperlocal.flashsale.security.SecurityConfiguration;
import com.hyperlocal.flashsale.web.ProblemResponses;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.logout.LogoutFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The merchant and admin filter chains. Every path of these families needs its credential, so a
 * handler cannot be public by forgetting a parameter; a handler may still take
 * {@link AuthenticatedMerchant} to learn who is calling.
 */
@Configuration(proxyBeanMethods = false)
class MerchantSecurityConfiguration implements WebMvcConfigurer {

    @Bean
    @Order(SecurityConfiguration.ADMIN_ORDER)
    SecurityFilterChain admins(
            HttpSecurity http,
            ProblemAuthenticationEntryPoint problems,
            RateLimiter limiter,
            ProblemResponses responses,
            AdminProperties properties)
            throws Exception {
        SecurityConfiguration.stateless(http, problems)
                .securityMatcher(SecurityConfiguration.path("/api/v1/admin/**"))
                .authorizeHttpRequests(auth -> auth.anyRequest().hasRole(ApiKeyAuthentication.ADMIN))
                // Every admin request counts against the client IP's admin limit.
                .addFilterBefore(
                        new IpRateLimitFilter(
                                limiter,
                                responses,
                                LimitKind.ADMIN,
                                new NegatedRequestMatcher(AnyRequestMatcher.INSTANCE)),
                        LogoutFilter.class)
                .addFilterBefore(
                        bearerFilter(new AdminTokenProvider(properties), problems), BasicAuthenticationFilter.class);
        return http.build();
    }

    @Bean
    @Order(SecurityConfiguration.MERCHANT_ORDER)
    SecurityFilterChain merchants(
            HttpSecurity http, ProblemAuthenticationEntryPoint problems, MerchantAccounts accounts) throws Exception {
        SecurityConfiguration.stateless(http, problems)
                .securityMatcher(new OrRequestMatcher(
                        SecurityConfiguration.path("/api/v1/merchant/**"),
                        SecurityConfiguration.path(HttpMethod.POST, "/api/v1/deals"),
                        SecurityConfiguration.path("/api/v1/redemptions"),
                        SecurityConfiguration.path("/api/v1/redemptions/**")))
                .authorizeHttpRequests(auth -> auth.anyRequest().hasRole(ApiKeyAuthentication.MERCHANT))
                .addFilterBefore(
                        bearerFilter(new MerchantKeyProvider(accounts), problems), BasicAuthenticationFilter.class);
        return http.build();
    }

    /** Spring Security's AuthenticationFilter: a Bearer credential, checked by one provider. */
    private static AuthenticationFilter bearerFilter(
            org.springframework.security.authentication.AuthenticationProvider provider,
            ProblemAuthenticationEntryPoint problems) {
        AuthenticationFilter filter = new AuthenticationFilter(new ProviderManager(provider), new BearerCredential());
        filter.setFailureHandler(new AuthenticationEntryPointFailureHandler(problems));
        filter.setSuccessHandler((request, response, authentication) -> {
            // Carry on to the handler: no redirect, no session.
        });
        return filter;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new MerchantArgumentResolver());
    }
}
