package io.bsocial.shared.web;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.catalina.Valve;
import org.apache.catalina.util.NetMask;
import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.tomcat.TomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Whose {@code X-Forwarded-*} headers count, the same in web, the notifier and the indexer. Tomcat's
 * default trusts every private range (10/8, 172.16/12, 192.168/16…): anyone on such a network
 * could pick the client address that throttles and budgets count, the host the CSP names, and
 * look like loopback to the operator check. bSocial trusts loopback plus the proxies listed in
 * {@code bsocial.trusted-proxies} ({@code BSOCIAL_TRUSTED_PROXIES}, comma-separated addresses or
 * CIDR ranges: a cluster's ingress has no fixed address, only a pod network). Each service sets
 * {@code server.forward-headers-strategy=native}; a service without Tomcat's forwarded-header valve
 * would take every proxied client for the proxy itself (loopback), so it refuses to start.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TrustedProxies.Properties.class)
public class TrustedProxies {

    static final List<String> LOOPBACK = List.of("127.0.0.0/8", "::1/128");

    @ConfigurationProperties("bsocial")
    public record Properties(@DefaultValue List<String> trustedProxies) {
    }

    /** Runs after Boot's customizer, which adds the valve from {@code server.forward-headers-strategy}. */
    @Bean
    WebServerFactoryCustomizer<TomcatWebServerFactory> trustedProxiesOnly(Properties properties) {
        String internalProxies = cidrList(properties.trustedProxies());
        return factory -> {
            List<RemoteIpValve> valves = new ArrayList<>();
            for (Valve valve : factory.getEngineValves()) {
                if (valve instanceof RemoteIpValve remoteIp) {
                    valves.add(remoteIp);
                }
            }
            if (valves.isEmpty()) {
                throw new IllegalStateException("server.forward-headers-strategy must be 'native': without Tomcat's "
                        + "RemoteIpValve every client behind a proxy would look like the proxy");
            }
            valves.forEach(valve -> valve.setInternalProxies(internalProxies));
        };
    }

    /**
     * Loopback and the configured proxies as Tomcat's CIDR list (a value holding a {@code /} is read
     * as CIDR ranges rather than a regular expression); a bare address is a range of one. An entry
     * that is neither stops the start, rather than silently trusting nobody or everybody.
     */
    public static String cidrList(List<String> proxies) {
        List<String> ranges = new ArrayList<>(LOOPBACK);
        for (String proxy : proxies) {
            String entry = proxy.trim();
            if (entry.isEmpty()) {
                continue;
            }
            if (!entry.matches("[0-9A-Fa-f.:]+(/[0-9]{1,3})?")) {
                // A name would be looked up in DNS: only literal addresses and ranges are trusted.
                throw new IllegalArgumentException("bsocial.trusted-proxies: '" + entry
                        + "' is neither an IP address nor a CIDR range");
            }
            if (!entry.contains("/")) {
                entry = entry + (entry.contains(":") ? "/128" : "/32");
            }
            try {
                new NetMask(entry);
            } catch (IllegalArgumentException notARange) {
                throw new IllegalArgumentException("bsocial.trusted-proxies: '" + proxy.trim()
                        + "' is neither an IP address nor a CIDR range", notARange);
            }
            ranges.add(entry);
        }
        return ranges.stream().collect(Collectors.joining(","));
    }
}
