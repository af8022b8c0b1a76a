package io.bsocial.shared.operations;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * H2's {@code AUTO_SERVER} (how web and the notifier share one file database) opens a TCP server
 * that listens on every interface unless told otherwise. bSocial binds it to loopback
 * ({@code bsocial.h2.bind-address}, default 127.0.0.1): H2 reads its system property
 * {@code h2.bindAddress} once, so it is set here, before any data source starts. An explicit
 * {@code -Dh2.bindAddress} wins.
 */
public class LoopbackDatabaseServer implements EnvironmentPostProcessor, Ordered {

    static final String H2_BIND_ADDRESS = "h2.bindAddress";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (System.getProperty(H2_BIND_ADDRESS) == null) {
            System.setProperty(H2_BIND_ADDRESS, environment.getProperty("bsocial.h2.bind-address", "127.0.0.1"));
        }
    }

    /** After the application's own properties are read. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
