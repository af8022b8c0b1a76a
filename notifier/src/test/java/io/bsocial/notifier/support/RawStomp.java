package io.bsocial.notifier.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.awaitility.Awaitility;

/**
 * A STOMP 1.2 client written by hand over a real WebSocket, as an attacker's script would be: it
 * sends exactly the frames a test writes (any command, any destination, any header) and records
 * every frame the server sends and whether the server closed the socket.
 */
public final class RawStomp implements WebSocket.Listener, AutoCloseable {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final List<Frame> frames = new CopyOnWriteArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private volatile boolean closedByServer;
    private volatile String closedHow = "open";
    private WebSocket socket;

    private RawStomp() {
    }

    /** Opens the WebSocket; {@code handshakeHeaders} are name, value pairs (Cookie, X-Auth-Token, Origin…). */
    public static RawStomp open(int port, String... handshakeHeaders) {
        RawStomp stomp = new RawStomp();
        WebSocket.Builder builder = CLIENT.newWebSocketBuilder().connectTimeout(WAIT);
        for (int i = 0; i + 1 < handshakeHeaders.length; i += 2) {
            builder.header(handshakeHeaders[i], handshakeHeaders[i + 1]);
        }
        try {
            stomp.socket = builder.buildAsync(URI.create("ws://localhost:" + port + "/ws"), stomp)
                    .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("handshake failed", e);
        }
        return stomp;
    }

    /** Sends one frame; {@code headers} are name, value pairs. */
    public RawStomp send(String command, String body, String... headers) {
        StringBuilder frame = new StringBuilder(command).append('\n');
        for (int i = 0; i + 1 < headers.length; i += 2) {
            frame.append(headers[i]).append(':').append(headers[i + 1]).append('\n');
        }
        frame.append('\n').append(body).append('\0');
        return sendRaw(frame.toString());
    }

    public RawStomp sendRaw(String text) {
        try {
            socket.sendText(text, true).join();
        } catch (RuntimeException e) {
            throw new IllegalStateException("could not send (socket " + closedHow + ", received " + frames + ")", e);
        }
        return this;
    }

    public RawStomp connect(String... headers) {
        String[] all = new String[headers.length + 4];
        all[0] = "accept-version";
        all[1] = "1.2";
        all[2] = "heart-beat";
        all[3] = "0,0";
        System.arraycopy(headers, 0, all, 4, headers.length);
        return send("CONNECT", "", all);
    }

    public RawStomp subscribe(String id, String destination) {
        return send("SUBSCRIBE", "", "id", id, "destination", destination);
    }

    public Frame await(String command) {
        return await(command, frame -> true);
    }

    /** Waits for the first frame of that command matching the condition. */
    public Frame await(String command, Predicate<Frame> condition) {
        Awaitility.await().atMost(WAIT).until(() -> first(command, condition) != null);
        return first(command, condition);
    }

    public void awaitClosedByServer() {
        Awaitility.await().atMost(WAIT).until(() -> closedByServer);
    }

    public List<Frame> frames(String command) {
        return frames.stream().filter(frame -> frame.command().equals(command)).toList();
    }

    public List<Frame> frames() {
        return List.copyOf(frames);
    }

    private Frame first(String command, Predicate<Frame> condition) {
        return frames.stream().filter(frame -> frame.command().equals(command) && condition.test(frame))
                .findFirst().orElse(null);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        synchronized (partial) {
            partial.append(data);
            int end;
            while ((end = partial.indexOf("\0")) >= 0) {
                Frame frame = Frame.parse(partial.substring(0, end));
                partial.delete(0, end + 1);
                if (frame != null) {
                    frames.add(frame);
                }
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closedHow = "closed by the server: " + statusCode + " " + reason;
        closedByServer = true;
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closedHow = "failed: " + error;
        closedByServer = true;
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.abort();
        }
    }

    /** One frame from the server; heartbeats (bare end-of-lines) are not frames. */
    public record Frame(String command, Map<String, String> headers, String body) {

        static Frame parse(String text) {
            String trimmed = text.replaceFirst("^[\r\n]+", "");
            if (trimmed.isEmpty()) {
                return null;
            }
            int blank = trimmed.indexOf("\n\n");
            String head = blank < 0 ? trimmed : trimmed.substring(0, blank);
            String body = blank < 0 ? "" : trimmed.substring(blank + 2);
            List<String> lines = new ArrayList<>(List.of(head.split("\n")));
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line : lines.subList(1, lines.size())) {
                int colon = line.indexOf(':');
                headers.putIfAbsent(unescape(line.substring(0, colon)), unescape(line.substring(colon + 1)));
            }
            return new Frame(lines.get(0), headers, body);
        }

        /** STOMP 1.2 header escapes (the server's CONNECTED frame uses none, and needs none undone). */
        private static String unescape(String value) {
            StringBuilder plain = new StringBuilder(value.length());
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '\\' && i + 1 < value.length()) {
                    char next = value.charAt(++i);
                    plain.append(switch (next) {
                        case 'c' -> ':';
                        case 'n' -> '\n';
                        case 'r' -> '\r';
                        default -> next;
                    });
                } else {
                    plain.append(c);
                }
            }
            return plain.toString();
        }
    }
}
