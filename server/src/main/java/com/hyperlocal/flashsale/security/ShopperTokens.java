package com.hyperlocal.flashsale.security;

import java.util.regex.Pattern;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Shopper tokens are decoded by Spring Boot's own resource-server decoder, built from the standard
 * {@code spring.security.oauth2.resourceserver.jwt.*} properties (issuer, JWKS, audiences,
 * algorithms). This adds the one rule of ours, the {@code sub} shape, and a cache of verified tokens.
 */
@Configuration(proxyBeanMethods = false)
class ShopperTokens {

    /** What the claims table stores as the user: up to 64 visible ASCII characters (fits every major provider's sub). */
    static final Pattern SUBJECT = Pattern.compile("[\\x21-\\x7E]{1,64}");

    /** Boot adds every such bean to the decoder's validators. */
    @Bean
    OAuth2TokenValidator<Jwt> subjectShape() {
        return new JwtClaimValidator<String>(
                JwtClaimNames.SUB, sub -> sub != null && SUBJECT.matcher(sub).matches());
    }

    @Bean
    static BeanPostProcessor cacheVerifiedTokens() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof JwtDecoder decoder && !(bean instanceof VerifiedTokenCache)
                        ? new VerifiedTokenCache(decoder, VerifiedTokenCache.MAX_ENTRIES)
                        : bean;
            }
        };
    }
}
