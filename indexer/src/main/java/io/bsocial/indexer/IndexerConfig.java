package io.bsocial.indexer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.SecurityFilterChain;

import io.bsocial.shared.operations.OperatorAccessConfiguration;
import io.bsocial.shared.web.ProblemErrorController;

/**
 * The Actuator is for operators ({@link OperatorAccessConfiguration}, its own filter chain). The
 * stats API is internal by where it listens (loopback, or inside compose's network), not by a
 * login: web calls it without credentials, and nothing ambient (no session, no cookie) exists here.
 */
@Configuration(proxyBeanMethods = false)
@Import({ProblemErrorController.class, OperatorAccessConfiguration.class})
class IndexerConfig {

    @Bean
    SecurityFilterChain statsApi(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable());
        return http.build();
    }

    /** The indexer has no users; declaring this keeps Boot from creating one with a generated password. */
    @Bean
    UserDetailsService noUsers() {
        return username -> {
            throw new UsernameNotFoundException("the indexer has no users");
        };
    }
}
