package io.bsocial.shared.operations;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code token}: a secret that makes a request from elsewhere than loopback an operator's
 * (header {@code X-Operator-Token}), e.g. for a monitoring system; unset, only loopback is.
 */
@ConfigurationProperties("bsocial.operator")
public record OperatorProperties(String token) {
}
