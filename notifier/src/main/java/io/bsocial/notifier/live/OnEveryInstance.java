package io.bsocial.notifier.live;

import java.util.List;

/**
 * What every notifier instance hears, each for the sockets it holds: messages of these topics,
 * from the moment the instance starts (see {@code live.internal.InstanceConsumer}). Best effort: a
 * message published while the instance was down is not heard; what must not be lost is stored.
 */
public interface OnEveryInstance {

    List<String> topics();

    /** One message of one of the topics. Its failure is logged and skipped: nothing is retried. */
    void on(String topic, String message);
}
