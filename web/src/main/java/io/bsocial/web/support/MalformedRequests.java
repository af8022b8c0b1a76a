package io.bsocial.web.support;

import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Where requests that are broken or too big are stopped, each at the first layer that sees it:
 * Tomcat's connector (encoded NUL or slash in the path: {@link ProblemErrorReportValve}), the body
 * limit ({@link BodySizeLimitFilter}, and Tomcat's own limit for forms), and parameter parsing
 * ({@link MalformedParametersFilter}). Spring Security's firewall (encoded {@code %}, {@code ;},
 * {@code ..}) answers 400 through the error page. All of them answer problem documents under
 * {@code /api} and plain error pages elsewhere.
 */
@Configuration(proxyBeanMethods = false)
class MalformedRequests {

    /**
     * Before Spring Session (HIGHEST_PRECEDENCE + 50) and Spring Security, after character encoding
     * (HIGHEST_PRECEDENCE, so forms decode as UTF-8) and the observation filter (+ 1).
     */
    private static final int FIRST = Ordered.HIGHEST_PRECEDENCE + 10;

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(HttpLimitsProperties limits) {
        FilterRegistrationBean<BodySizeLimitFilter> registration =
                new FilterRegistrationBean<>(new BodySizeLimitFilter(limits));
        registration.setOrder(FIRST);
        return registration;
    }

    @Bean
    FilterRegistrationBean<MalformedParametersFilter> malformedParametersFilter() {
        FilterRegistrationBean<MalformedParametersFilter> registration =
                new FilterRegistrationBean<>(new MalformedParametersFilter());
        registration.setOrder(FIRST + 1);
        return registration;
    }

    /** Runs after Boot's own customizer, which adds the ErrorReportValve this one replaces. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports(HttpLimitsProperties limits) {
        return factory -> {
            factory.addConnectorCustomizers(connector -> connector.setMaxPostSize(limits.maxBodyBytes()));
            factory.addContextCustomizers(context -> {
                Host host = (Host) context.getParent();
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                host.getPipeline().addValve(new ProblemErrorReportValve());
                if (host instanceof StandardHost standard) {
                    standard.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                }
            });
        };
    }
}
