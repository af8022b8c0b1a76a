package io.bsocial.system.replicas;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Debian's HAProxy in front of the two-instance system, as an ingress would be: round-robin, no
 * stickiness, WebSocket upgrades passed through. {@code /ws} and {@code /api/notifications[/…]}
 * (what the bell, the notifications page and live feed call: notifications.js,
 * notifications-page.js; the notifier's NotificationApiController and WebSocketConfig) go to the
 * notifiers, everything else to the webs. A second, internal frontend spreads web's calls over the
 * indexers. Every answer names the instance that gave it ({@code X-Served-By}); the stats page
 * counts requests per instance. The configuration is generated into {@code target/replicas/}.
 */
final class LoadBalancer implements AutoCloseable {

    static final String SERVED_BY = "X-Served-By";

    private final Process process;
    private final int statsPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private LoadBalancer(Process process, int statsPort) {
        this.process = process;
        this.statsPort = statsPort;
    }

    /** Instances by server name (e.g. {@code web-1}) → port. */
    static LoadBalancer start(int publicPort, int indexerPort, int statsPort, Map<String, Integer> webs,
            Map<String, Integer> notifiers, Map<String, Integer> indexers) throws IOException {
        Path dir = Path.of("target", "replicas");
        Files.createDirectories(dir);
        Path config = dir.resolve("haproxy.cfg");
        Files.writeString(config, config(publicPort, indexerPort, statsPort, webs, notifiers, indexers));
        String haproxy = Files.isExecutable(Path.of("/usr/sbin/haproxy")) ? "/usr/sbin/haproxy" : "haproxy";
        Process process = new ProcessBuilder(haproxy, "-db", "-f", config.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("haproxy.log").toFile()).start();
        LoadBalancer balancer = new LoadBalancer(process, statsPort);
        balancer.awaitStats();
        return balancer;
    }

    static String config(int publicPort, int indexerPort, int statsPort, Map<String, Integer> webs,
            Map<String, Integer> notifiers, Map<String, Integer> indexers) {
        StringBuilder cfg = new StringBuilder("""
                global
                    maxconn 4096

                defaults
                    mode http
                    timeout connect 2s
                    timeout client 60s
                    timeout server 60s
                    # A WebSocket is a tunnel once upgraded: STOMP heartbeats every 10 s keep it busy.
                    timeout tunnel 1h
                    timeout http-keep-alive 10s
                    # Only a connection that failed is tried again elsewhere: nothing was sent, so a
                    # POST cannot be written twice.
                    retries 2
                    option redispatch
                    option forwardfor
                    # Every request is balanced on its own, as an ingress does: HAProxy otherwise
                    # keeps a client's requests on the server connection of its first. No cookie.
                    option http-server-close
                    default-server check inter 1s fall 2 rise 2

                frontend public
                """);
        cfg.append("    bind 127.0.0.1:").append(publicPort).append('\n').append("""
                    acl to_notifier path /ws /api/notifications
                    acl to_notifier path_beg /ws/ /api/notifications/
                    use_backend notifiers if to_notifier
                    default_backend webs

                """);
        backend(cfg, "webs", webs);
        backend(cfg, "notifiers", notifiers);
        cfg.append("frontend internal_indexers\n    bind 127.0.0.1:").append(indexerPort)
                .append("\n    default_backend indexers\n\n");
        backend(cfg, "indexers", indexers);
        cfg.append("listen stats\n    bind 127.0.0.1:").append(statsPort).append("\n    stats enable\n    stats uri /stats\n");
        return cfg.toString();
    }

    private static void backend(StringBuilder cfg, String name, Map<String, Integer> servers) {
        cfg.append("backend ").append(name).append('\n')
                .append("    balance roundrobin\n")
                .append("    option httpchk GET /actuator/health\n")
                .append("    http-response set-header ").append(SERVED_BY).append(" %[srv_name]\n");
        servers.forEach((server, port) -> cfg.append("    server ").append(server).append(" 127.0.0.1:").append(port).append('\n'));
        cfg.append('\n');
    }

    private void awaitStats() {
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("haproxy exited with " + process.exitValue() + ", see target/replicas/haproxy.log");
            }
            try {
                stats();
                return;
            } catch (RuntimeException notYet) {
                sleep(200);
            }
        }
        throw new IllegalStateException("haproxy's stats page did not answer, see target/replicas/haproxy.log");
    }

    /** HAProxy's counters of one server (stats CSV): {@code req_tot}, {@code scur}, {@code status}… */
    Map<String, String> server(String backend, String server) {
        return stats().getOrDefault(backend + "/" + server, Map.of());
    }

    long requests(String backend, String server) {
        String total = server(backend, server).getOrDefault("req_tot", "");
        return total.isEmpty() ? 0 : Long.parseLong(total);
    }

    /** Current sessions: an open WebSocket counts as one for as long as it lasts. */
    long current(String backend, String server) {
        String current = server(backend, server).getOrDefault("scur", "");
        return current.isEmpty() ? 0 : Long.parseLong(current);
    }

    /** proxy/server → column → value, from the stats page's CSV. */
    Map<String, Map<String, String>> stats() {
        try {
            HttpResponse<String> csv = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + statsPort + "/stats;csv")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            List<String> lines = csv.body().lines().filter(line -> !line.isBlank()).toList();
            List<String> columns = Arrays.asList(lines.get(0).replaceFirst("^# ", "").split(",", -1));
            Map<String, Map<String, String>> rows = new LinkedHashMap<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",", -1);
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < Math.min(cells.length, columns.size()); i++) {
                    row.put(columns.get(i), cells[i]);
                }
                rows.put(cells[0] + "/" + cells[1], row);
            }
            return rows;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
