package io.bsocial.notifier.live.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.session.SessionRepository;

import io.bsocial.notifier.NotifierTest;
import io.bsocial.notifier.support.Events;
import io.bsocial.notifier.support.RawStomp;
import io.bsocial.notifier.support.TestSessions;

/** The session check closes sockets of ended sessions only (ending ones: {@code LiveNotificationsTest}). */
@NotifierTest
class OpenSocketsTest {

    @LocalServerPort
    int port;

    @Autowired
    SessionRepository<?> sessions;

    @Autowired
    OpenSockets openSockets;

    @Test
    void aSocketOpenedWhileTheSessionCheckRunsStaysOpen() throws Exception {
        AtomicBoolean opening = new AtomicBoolean(true);
        Thread checks = new Thread(() -> {
            while (opening.get()) {
                openSockets.closeEnded();
            }
        });
        List<RawStomp> sockets = new ArrayList<>();
        checks.start();
        try {
            for (int i = 0; i < 40; i++) {
                String session = TestSessions.login(sessions, Events.nextId(), "opener" + Events.nextId()).sessionId();
                sockets.add(RawStomp.open(port, "X-Auth-Token", session));
            }
        } finally {
            opening.set(false);
            checks.join();
        }
        try {
            // A socket the checks closed never answers CONNECT.
            for (RawStomp socket : sockets) {
                socket.connect().await("CONNECTED");
            }
        } finally {
            sockets.forEach(RawStomp::close);
        }
    }
}
