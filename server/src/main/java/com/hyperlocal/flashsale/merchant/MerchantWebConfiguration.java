package com.hyperlocal.flashsale.merchant;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class MerchantWebConfiguration implements WebMvcConfigurer {

    private final MerchantArgumentResolver merchants;

    MerchantWebConfiguration(MerchantArgumentResolver merchants) {
        this.merchants = merchants;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(merchants);
    }
}
