package io.bsocial.shared.operations;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Actuator for operators only, beyond a health status (see {@link OperatorAccess}). Each service
 * imports it and sets {@code management.endpoint.health.show-details=when-authorized} with role
 * {@value OperatorAccess#ROLE}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OperatorProperties.class)
public class OperatorAccessConfiguration {

    /** After Spring Security's filter chain (order -100), so that its request wrapper is inside. */
    static final int ORDER = 0;

    @Bean
    OperatorToken operatorToken(OperatorProperties properties) {
        return new OperatorToken(properties);
    }

    @Bean
    FilterRegistrationBean<OperatorAccess> operatorAccess(OperatorToken token) {
        FilterRegistrationBean<OperatorAccess> registration = new FilterRegistrationBean<>(new OperatorAccess(token));
        registration.addUrlPatterns("/actuator", "/actuator/*");
        registration.setOrder(ORDER);
        return registration;
    }
}
