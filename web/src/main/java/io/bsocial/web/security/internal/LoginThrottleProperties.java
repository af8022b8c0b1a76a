package io.bsocial.web.security.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Failed-login limits. The client limit follows Mastodon (25 failures per 5 minutes); the account
 * limit slows guessing spread over many clients (clients without a device cookie for the account);
 * a known device has a small budget of its own. A load test may raise them.
 */
@ConfigurationProperties("bsocial.login-throttle")
public record LoginThrottleProperties(
        @DefaultValue("25") int maxFailuresPerClient,
        @DefaultValue("50") int maxFailuresPerAccount,
        @DefaultValue("10") int maxFailuresPerDevice,
        @DefaultValue("5m") Duration window) {

    public LoginThrottleProperties {
        if (maxFailuresPerClient < 1 || maxFailuresPerAccount < 1 || maxFailuresPerDevice < 1
                || window.compareTo(Duration.ZERO) <= 0) {
            throw new IllegalArgumentException("bsocial.login-throttle needs limits of at least 1 and a positive window");
        }
    }
}
