package io.bsocial.indexer.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Real search nodes for the tests, one per engine for the whole test run: unpacked from the Maven
 * artifact under {@code target/search-nodes/}, started on a random free port (as a system user of
 * their own when the tests run as root: both refuse root), and stopped when the test run ends.
 * Use {@code @ExtendWith(SearchNodes.class)} and {@link #opensearch()} / {@link #elasticsearch()}.
 */
public final class SearchNodes implements BeforeAllCallback {

    public enum Engine {
        OPENSEARCH("bsocial.opensearch.zip", "opensearch", "OPENSEARCH_JAVA_HOME", "OPENSEARCH_JAVA_OPTS", List.of()),
        // Elasticsearch 8 turns on TLS and authentication by default: plain HTTP like the OpenSearch node.
        ELASTICSEARCH("bsocial.elasticsearch.zip", "elasticsearch", "ES_JAVA_HOME", "ES_JAVA_OPTS",
                List.of("-Expack.security.enabled=false"));

        final String zipProperty;
        final String launcher;
        final String javaHomeVariable;
        final String javaOptionsVariable;
        final List<String> settings;

        Engine(String zipProperty, String launcher, String javaHomeVariable, String javaOptionsVariable,
                List<String> settings) {
            this.zipProperty = zipProperty;
            this.launcher = launcher;
            this.javaHomeVariable = javaHomeVariable;
            this.javaOptionsVariable = javaOptionsVariable;
            this.settings = settings;
        }
    }

    /** A started node: its HTTP address. */
    public record Node(Engine engine, String url, Process process) {
    }

    private static final String SYSTEM_USER = "bsocial-search";
    private static final Path HOME = Path.of("target", "search-nodes").toAbsolutePath();
    private static final Map<Engine, Node> STARTED = new EnumMap<>(Engine.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        // Stop the nodes when the whole test run ends (the root store is closed last).
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(SearchNodes.class, key -> (ExtensionContext.Store.CloseableResource) SearchNodes::stopAll);
    }

    public static Node opensearch() {
        return node(Engine.OPENSEARCH);
    }

    public static Node elasticsearch() {
        return node(Engine.ELASTICSEARCH);
    }

    public static synchronized Node node(Engine engine) {
        Node node = STARTED.get(engine);
        if (node == null || !node.process().isAlive()) {
            node = start(engine);
            STARTED.put(engine, node);
        }
        return node;
    }

    private static synchronized void stopAll() {
        for (Node node : STARTED.values()) {
            node.process().destroy();
            try {
                if (!node.process().waitFor(30, TimeUnit.SECONDS)) {
                    node.process().destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                node.process().destroyForcibly();
            }
        }
        STARTED.clear();
    }

    private static Node start(Engine engine) {
        try {
            Path home = unpack(engine);
            Path run = HOME.resolve(engine.launcher + "-run-" + ProcessHandle.current().pid());
            Path data = run.resolve("data");
            Path logs = run.resolve("logs");
            Files.createDirectories(data);
            Files.createDirectories(logs);
            int httpPort = freePort();
            List<String> command = new ArrayList<>();
            if (isRoot()) {
                ensureSystemUser();
                exec("chown", "-R", SYSTEM_USER + ":", home.toString(), run.toString());
                command.addAll(List.of("setpriv", "--reuid=" + SYSTEM_USER, "--regid=" + SYSTEM_USER, "--init-groups"));
            }
            command.addAll(List.of(home.resolve("bin").resolve(engine.launcher).toString(),
                    "-Ediscovery.type=single-node", "-Enetwork.host=127.0.0.1",
                    "-Ehttp.port=" + httpPort, "-Etransport.port=" + freePort(),
                    "-Epath.data=" + data, "-Epath.logs=" + logs,
                    "-Ecluster.routing.allocation.disk.threshold_enabled=false"));
            command.addAll(engine.settings);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(run.resolve("console.log").toFile());
            builder.environment().put(engine.javaHomeVariable, System.getProperty("java.home"));
            builder.environment().put(engine.javaOptionsVariable, "-Xms512m -Xmx512m");
            Process process = builder.start();
            Node node = new Node(engine, "http://127.0.0.1:" + httpPort, process);
            awaitReady(node, run);
            return node;
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + engine, e);
        }
    }

    /** Unpacks the distribution once; later runs reuse it. */
    private static Path unpack(Engine engine) throws IOException {
        String zip = System.getProperty(engine.zipProperty);
        if (zip == null || !Files.exists(Path.of(zip))) {
            throw new IllegalStateException("no " + engine + " distribution in system property " + engine.zipProperty
                    + " (run the tests through Maven)");
        }
        String version = Path.of(zip).getFileName().toString().replace(".zip", "");
        Path target = HOME.resolve(version);
        Path done = HOME.resolve(version + ".unpacked");
        if (Files.exists(done)) {
            return target.resolve(version);
        }
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(Path.of(zip)))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path file = target.resolve(entry.getName()).normalize();
                if (!file.startsWith(target)) {
                    throw new IOException("entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(file);
                } else {
                    Files.createDirectories(file.getParent());
                    Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                    if (file.getParent().getFileName().toString().equals("bin")
                            || file.toString().contains("/jdk/bin/") || file.toString().contains("/native/")) {
                        file.toFile().setExecutable(true, false);
                    }
                }
            }
        }
        Files.createFile(done);
        return target.resolve(version);
    }

    private static void awaitReady(Node node, Path run) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
        while (Instant.now().isBefore(deadline)) {
            if (!node.process().isAlive()) {
                throw new IllegalStateException(node.engine() + " exited, see " + run.resolve("console.log"));
            }
            try {
                HttpResponse<Void> health = http.send(HttpRequest.newBuilder(
                                URI.create(node.url() + "/_cluster/health?wait_for_status=yellow&timeout=2s")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                sleep();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        node.process().destroyForcibly();
        throw new IllegalStateException(node.engine() + " did not start, see " + run.resolve("console.log"));
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void ensureSystemUser() {
        if (exec("id", "-u", SYSTEM_USER) != 0) {
            exec("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", SYSTEM_USER);
        }
    }

    private static int exec(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            try (InputStream out = process.getInputStream()) {
                out.readAllBytes();
            }
            return process.waitFor();
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
