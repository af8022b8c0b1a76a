package io.bsocial.bench;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the running system is, as the launcher knows it: it passes its own variables (with its
 * defaults already applied), so that ports and folders are decided in one place. The operator
 * token ({@code BSOCIAL_OPERATOR_TOKEN}, the one the launcher started the services with) makes the
 * benchmark's users spend no budget: they measure features, not budgets (bench abuse does).
 */
record Settings(Path root, Path state, String host, int webPort, int notifierPort, int indexerPort, int kafkaPort,
        int openSearchPort, String duration, int connections, String operatorToken) {

    static Settings from(Map<String, String> environment) {
        return new Settings(Path.of(required(environment, "BSOCIAL_ROOT")), Path.of(required(environment, "BSOCIAL_HOME")),
                required(environment, "HOST"), port(environment, "WEB_PORT"), port(environment, "NOTIFIER_PORT"),
                port(environment, "INDEXER_PORT"), port(environment, "KAFKA_PORT"), port(environment, "OPENSEARCH_PORT"),
                environment.getOrDefault("BENCH_DURATION", "15s"),
                Integer.parseInt(environment.getOrDefault("BENCH_CONNECTIONS", "16")),
                environment.getOrDefault("BSOCIAL_OPERATOR_TOKEN", ""));
    }

    /** web as a browser on this machine reaches it (and as wrk is pointed at it). */
    String web() {
        return "http://localhost:" + webPort;
    }

    String notifierSocket() {
        return "ws://localhost:" + notifierPort + "/ws";
    }

    String serviceUrl(String service) {
        int port = switch (service) {
            case "web" -> webPort;
            case "notifier" -> notifierPort;
            default -> indexerPort;
        };
        return "http://" + host + ":" + port;
    }

    String kafka() {
        return host + ":" + kafkaPort;
    }

    String openSearch() {
        return "http://" + host + ":" + openSearchPort;
    }

    /** docs/benchmarks/: the parts docs/benchmarks.md is assembled from. */
    Path parts() {
        return root.resolve("docs/benchmarks");
    }

    static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    private static String required(Map<String, String> environment, String name) {
        String value = environment.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set: run the benchmarks through ./bsocial bench");
        }
        return value;
    }

    private static int port(Map<String, String> environment, String name) {
        return Integer.parseInt(required(environment, name));
    }
}
