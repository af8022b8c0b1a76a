package io.bsocial.web.support;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WebConfig {

    /** Time comes from one clock so that tests can pin it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
