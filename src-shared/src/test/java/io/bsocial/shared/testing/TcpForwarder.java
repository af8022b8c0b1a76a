package io.bsocial.shared.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A plain TCP relay from a local port to another address, to make a real server (Kafka,
 * OpenSearch) unreachable and reachable again: nothing listens on the port until {@link #open()},
 * and {@link #close()} cuts every connection. {@link #refuseWebSockets(boolean)} makes it behave
 * like a proxy that lets plain HTTP through but answers WebSocket handshakes with 403. Shared with
 * the services' tests as a test-jar.
 */
public class TcpForwarder implements AutoCloseable {

    private final int port;
    private final String targetHost;
    private final int targetPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile ServerSocket server;
    private volatile boolean refuseWebSockets;

    public TcpForwarder(int port, String target) {
        this.port = port;
        this.targetHost = target.substring(0, target.lastIndexOf(':'));
        this.targetPort = Integer.parseInt(target.substring(target.lastIndexOf(':') + 1));
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether connections that open with a WebSocket handshake are refused (403) from now on. */
    public void refuseWebSockets(boolean refuse) {
        this.refuseWebSockets = refuse;
    }

    public synchronized void open() throws IOException {
        if (server != null && !server.isClosed()) {
            return;
        }
        server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        ServerSocket listening = server;
        Thread acceptor = new Thread(() -> {
            while (!listening.isClosed()) {
                try {
                    Socket client = listening.accept();
                    sockets.add(client);
                    Thread connect = new Thread(() -> relay(client), "tcp-forwarder-connect");
                    connect.setDaemon(true);
                    connect.start();
                } catch (IOException closed) {
                    return;
                }
            }
        }, "tcp-forwarder-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void relay(Socket client) {
        try {
            byte[] head = refuseWebSockets ? requestHead(client.getInputStream()) : new byte[0];
            if (isWebSocketHandshake(head)) {
                client.getOutputStream().write(("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n"
                        + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                closeQuietly(client);
                return;
            }
            Socket upstream = new Socket(targetHost, targetPort);
            sockets.add(upstream);
            upstream.getOutputStream().write(head);
            pipe(client, upstream);
            pipe(upstream, client);
        } catch (IOException failed) {
            closeQuietly(client);
        }
    }

    /** Reads up to the end of the first HTTP request head (or what came before the peer stopped). */
    private static byte[] requestHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int last4 = 0;
        int b;
        while (head.size() < 16_384 && (b = in.read()) >= 0) {
            head.write(b);
            last4 = (last4 << 8) | b;
            if (last4 == 0x0d0a0d0a) {
                break;
            }
        }
        return head.toByteArray();
    }

    private static boolean isWebSocketHandshake(byte[] head) {
        return new String(head, StandardCharsets.US_ASCII).toLowerCase(Locale.ROOT).contains("\nupgrade: websocket");
    }

    private void pipe(Socket from, Socket to) {
        Thread pump = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException ignored) {
                // either side closed: the other follows
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "tcp-forwarder-pump");
        pump.setDaemon(true);
        pump.start();
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            closeQuietly(server);
        }
        sockets.forEach(TcpForwarder::closeQuietly);
        sockets.clear();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // already closed
        }
    }
}
