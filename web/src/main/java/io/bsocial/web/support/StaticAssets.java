package io.bsocial.web.support;

import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.CssLinkResourceTransformer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * Static files under content-hashed names ({@code /css/bsocial-3f2a….css}), so that a browser may
 * keep each one for a year without asking again: a changed file has a new name. Pages link them
 * through {@code @{…}}, which {@link ResourceUrlEncodingFilter} rewrites to the hashed name;
 * Bootstrap, htmx and the others come from their webjars by version-less paths. (Boot's own
 * mapping is off, {@code spring.web.resources.add-mappings=false}: one place serves them.)
 * Responses are compressed by the server ({@code server.compression.*}).
 */
@Configuration(proxyBeanMethods = false)
public class StaticAssets implements WebMvcConfigurer {

    /** Paths of static files; {@code SecurityConfig} serves them without a session. */
    public static final String[] PATHS = {"/webjars/**", "/css/**", "/js/**", "/images/**"};

    static final CacheControl FOR_A_YEAR = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/webjars/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/")
                .setCacheControl(FOR_A_YEAR)
                .resourceChain(true)
                .addResolver(hashedNames())
                .addResolver(new LiteWebJarsResourceResolver())
                .addTransformer(new CssLinkResourceTransformer());
        for (String folder : new String[] {"css", "js", "images"}) {
            registry.addResourceHandler("/" + folder + "/**")
                    .addResourceLocations("classpath:/static/" + folder + "/")
                    .setCacheControl(FOR_A_YEAR)
                    .resourceChain(true)
                    .addResolver(hashedNames())
                    .addTransformer(new CssLinkResourceTransformer());
        }
    }

    private static VersionResourceResolver hashedNames() {
        return new VersionResourceResolver().addContentVersionStrategy("/**");
    }

    /** Rewrites the links that pages render to the files' hashed names. */
    @Bean
    ResourceUrlEncodingFilter resourceUrlEncodingFilter() {
        return new ResourceUrlEncodingFilter();
    }
}
