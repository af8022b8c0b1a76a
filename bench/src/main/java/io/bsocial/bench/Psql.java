package io.bsocial.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * psql against the database the running services use (as the launcher recorded it in
 * .bsocial/run/datasource): load.sql is a psql script, and the few statements beside it go the
 * same way.
 */
final class Psql {

    private static final Pattern URL = Pattern.compile("jdbc:postgresql://([^:/]+)(?::(\\d+))?/([^?]+)\\?.*currentSchema=([^&]+).*");

    private final List<String> command;
    private final String schema;

    private Psql(List<String> command, String schema) {
        this.command = command;
        this.schema = schema;
    }

    /** From the datasource file's {@code url=} and {@code user=} lines; empty unless it is PostgreSQL. */
    static Psql of(Map<String, String> datasource) {
        Matcher url = URL.matcher(datasource.getOrDefault("url", ""));
        if (!url.matches()) {
            throw new IllegalStateException("benchmarks run on PostgreSQL: ./bsocial down && ./bsocial up --postgres");
        }
        List<String> command = List.of("psql", "-h", url.group(1), "-p", url.group(2) == null ? "5432" : url.group(2),
                "-U", datasource.getOrDefault("user", "postgres"), "-d", url.group(3), "-v", "ON_ERROR_STOP=1", "-qAt");
        return new Psql(command, url.group(4));
    }

    String schema() {
        return schema;
    }

    String query(String sql) throws IOException, InterruptedException {
        return run(List.of("-c", sql), null).strip();
    }

    /** Runs a psql script with {@code -v name=value} variables; its output goes to {@code log}. */
    void script(Path file, Map<String, String> variables, Path log) throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>();
        variables.forEach((name, value) -> arguments.addAll(List.of("-v", name + "=" + value)));
        arguments.addAll(List.of("-f", file.toString()));
        run(arguments, log);
    }

    private String run(List<String> arguments, Path log) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(command);
        full.addAll(arguments);
        ProcessBuilder psql = new ProcessBuilder(full).redirectError(ProcessBuilder.Redirect.INHERIT);
        psql.environment().put("PGOPTIONS", "-c search_path=" + schema + " -c client_min_messages=warning");
        if (log != null) {
            psql.redirectOutput(log.toFile());
        }
        Process process = psql.start();
        String out = log == null ? new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8) : "";
        if (process.waitFor() != 0) {
            throw new IOException("psql failed: " + String.join(" ", arguments));
        }
        return out;
    }
}
