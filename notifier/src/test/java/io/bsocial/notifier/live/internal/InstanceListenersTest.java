package io.bsocial.notifier.live.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

import io.bsocial.notifier.NotifierTest;
import io.bsocial.notifier.support.Listeners;

/**
 * The instance's own listeners are in no consumer group and are seen by health: one that stopped
 * (as Spring Kafka stops a container an {@link Error} went through) makes the notifier DOWN, so
 * that it is restarted rather than silently deaf.
 */
@NotifierTest
class InstanceListenersTest {

    @Autowired
    KafkaListenerEndpointRegistry registry;

    @Autowired
    @Qualifier("instanceListenersHealth")
    HealthIndicator health;

    @Autowired
    ApplicationContext context;

    @Test
    void theyBelongToNoGroupAndAStoppedOneIsDownInHealth() {
        Listeners.awaitInstanceListeners(context);
        var instanceListeners = registry.getListenerContainers().stream()
                .filter(container -> container.getGroupId() == null).toList();
        assertThat(instanceListeners).hasSize(3);
        assertThat(instanceListeners).allSatisfy(container ->
                assertThat(container.getContainerProperties().getTopicPartitions()).isNotEmpty());
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);

        MessageListenerContainer feed = instanceListeners.get(0);
        feed.stop();
        try {
            assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.health().getDetails().get("stopped").toString()).contains(feed.getListenerId());
        } finally {
            feed.start();
        }
        Listeners.awaitInstanceListeners(context);
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }
}
