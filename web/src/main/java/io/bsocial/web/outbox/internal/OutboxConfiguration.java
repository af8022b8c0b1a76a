package io.bsocial.web.outbox.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import io.bsocial.shared.events.EventTopicsConfiguration;

/** web declares every topic at start-up, like the consumers do. */
@Configuration(proxyBeanMethods = false)
@Import(EventTopicsConfiguration.class)
class OutboxConfiguration {
}
