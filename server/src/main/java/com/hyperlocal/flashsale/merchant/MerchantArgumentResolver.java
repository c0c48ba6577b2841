package com.hyperlocal.flashsale.merchant;

import com.hyperlocal.flashsale.web.UnauthorizedException;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Hands a handler the merchant the merchant filter chain authenticated. Authentication itself
 * happens in that chain ({@link MerchantSecurityConfiguration}); this only reads its result.
 */
final class MerchantArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == AuthenticatedMerchant.class;
    }

    @Override
    public AuthenticatedMerchant resolveArgument(
            MethodParameter parameter,
            @Nullable ModelAndViewContainer mav,
            NativeWebRequest request,
            @Nullable WebDataBinderFactory binderFactory) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof AuthenticatedMerchant merchant) {
            return merchant;
        }
        // Only reachable by a handler mapped outside the merchant chain's paths: refuse, never serve.
        throw new UnauthorizedException("This endpoint needs a merchant API key");
    }
}
