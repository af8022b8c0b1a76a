package io.bsocial.web.security.internal;

import java.util.List;
import java.util.regex.Pattern;

import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.tomcat.TomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Whose {@code X-Forwarded-*} headers count. Tomcat's default trusts every private range (10/8,
 * 172.16/12, 192.168/16…): anyone on such a network could pick the client address the login
 * throttle counts, the host the CSP names, and look like loopback to the operator check. bSocial
 * trusts loopback, plus the proxies listed in {@code bsocial.trusted-proxies}
 * ({@code BSOCIAL_TRUSTED_PROXIES}, comma-separated IP addresses).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TrustedProxies.Properties.class)
class TrustedProxies {

    static final String LOOPBACK = "127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}|0:0:0:0:0:0:0:1|::1";

    @ConfigurationProperties("bsocial")
    record Properties(@DefaultValue List<String> trustedProxies) {
    }

    /** Runs after Boot's customizer, which adds the valve from {@code server.forward-headers-strategy}. */
    @Bean
    WebServerFactoryCustomizer<TomcatWebServerFactory> trustedProxiesOnly(Properties properties) {
        String internalProxies = pattern(properties.trustedProxies());
        return factory -> factory.getEngineValves().stream().filter(RemoteIpValve.class::isInstance)
                .map(RemoteIpValve.class::cast)
                .forEach(valve -> valve.setInternalProxies(internalProxies));
    }

    static String pattern(List<String> proxies) {
        StringBuilder pattern = new StringBuilder(LOOPBACK);
        proxies.stream().map(String::trim).filter(proxy -> !proxy.isEmpty())
                .forEach(proxy -> pattern.append('|').append(Pattern.quote(proxy)));
        return pattern.toString();
    }
}
