package io.bsocial.bench;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;

import tools.jackson.databind.JsonNode;

/**
 * A probe's STOMP session: hands each message to {@link #heard} with the moment it arrived, and
 * reports on the console what the notifier refused (an ERROR frame) or what broke.
 */
abstract class ProbeListener extends StompSessionHandlerAdapter {

    /** A message of the subscription, read as JSON, and {@link System#nanoTime()} at its arrival. */
    abstract void heard(JsonNode message, long arrivedAt);

    /** True while the probe closes its sessions on purpose: the frames that says so are no refusal. */
    boolean closing() {
        return false;
    }

    @Override
    public Type getPayloadType(StompHeaders headers) {
        return byte[].class;
    }

    @Override
    public void handleFrame(StompHeaders headers, Object payload) {
        long now = System.nanoTime();
        if (payload == null || headers.getDestination() == null) { // an ERROR frame
            if (!closing()) {
                System.err.println("STOMP refused: " + headers
                        + (payload == null ? "" : " " + new String((byte[]) payload, StandardCharsets.UTF_8)));
            }
            return;
        }
        heard(Json.tree(new String((byte[]) payload, StandardCharsets.UTF_8)), now);
    }

    @Override
    public void handleException(StompSession session, StompCommand command, StompHeaders headers, byte[] payload,
            Throwable failure) {
        System.err.println("STOMP: " + failure);
    }

    @Override
    public void handleTransportError(StompSession session, Throwable failure) {
        System.err.println("STOMP transport: " + failure);
    }
}
