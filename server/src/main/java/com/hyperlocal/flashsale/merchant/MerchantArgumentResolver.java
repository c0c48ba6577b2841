package com.hyperlocal.flashsale.merchant;

import com.hyperlocal.flashsale.web.UnauthorizedException;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Turns {@code Authorization: Bearer <key>} into an {@link AuthenticatedMerchant}, or answers 401. */
@Component
class MerchantArgumentResolver implements HandlerMethodArgumentResolver {

    private final MerchantAccounts accounts;

    MerchantArgumentResolver(MerchantAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == AuthenticatedMerchant.class;
    }

    @Override
    public AuthenticatedMerchant resolveArgument(MethodParameter parameter, ModelAndViewContainer mav,
            NativeWebRequest request, WebDataBinderFactory binderFactory) {
        String key = BearerToken.from(request.getHeader(HttpHeaders.AUTHORIZATION));
        if (!ApiKeys.SHAPE.matcher(key).matches()) {
            throw new UnauthorizedException("The API key is not valid");
        }
        return accounts.byKeyHash(ApiKeys.hash(key))
                .orElseThrow(() -> new UnauthorizedException("The API key is not valid or has been revoked"));
    }
}
