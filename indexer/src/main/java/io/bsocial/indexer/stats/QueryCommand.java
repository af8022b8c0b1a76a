package io.bsocial.indexer.stats;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.core.io.DefaultResourceLoader;

/**
 * {@code ./bsocial query NAME [param=value ...]}: one file of queries/, rendered by the same
 * {@link QueryFiles} the stats API uses, sent to a search node as it is. The launcher runs it from
 * the indexer's jar: {@code QueryCommand <queries folder> <_search URL> NAME [param=value ...]}.
 */
public final class QueryCommand {

    private static final Pattern PARAMETER = Pattern.compile("[A-Za-z0-9_]+=.*", Pattern.DOTALL);

    private final Path folder;
    private final QueryFiles files;

    QueryCommand(Path folder) {
        this.folder = folder;
        this.files = new QueryFiles(new DefaultResourceLoader(), new QueriesProperties(folder.toUri().toString()));
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: QueryCommand <queries folder> <_search URL> NAME [param=value ...]");
        }
        QueryCommand command = new QueryCommand(Path.of(args[0]));
        String[] query = Arrays.copyOfRange(args, 2, args.length);
        System.exit(command.run(URI.create(args[1]), query, System.out, System.err));
    }

    /** Runs the query; answers the exit status (0, or 1 after saying why on {@code err}). */
    int run(URI search, String[] args, PrintStream out, PrintStream err) throws IOException, InterruptedException {
        try {
            String body = render(args);
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(search)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() >= 300) {
                err.println("bsocial: the search node answered HTTP " + answer.statusCode() + ": " + answer.body());
                return 1;
            }
            out.print(answer.body());
            return 0;
        } catch (IllegalArgumentException refused) {
            err.println("bsocial: " + refused.getMessage());
            return 1;
        } catch (ConnectException away) {
            err.println("bsocial: no search node at " + search.getHost() + ":" + search.getPort() + " (./bsocial up first)");
            return 1;
        }
    }

    /** The request body for {@code NAME [param=value ...]}, or an IllegalArgumentException saying what is wrong. */
    String render(String... args) throws IOException {
        String name = args.length == 0 ? "" : args[0];
        if (name.isEmpty() || !Files.isRegularFile(folder.resolve(name + ".json"))) {
            throw new IllegalArgumentException("usage: ./bsocial query NAME [param=value ...]; NAME is one of: " + names());
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : Arrays.copyOfRange(args, 1, args.length)) {
            if (!PARAMETER.matcher(pair).matches()) {
                throw new IllegalArgumentException("bad parameter: " + pair);
            }
            parameters.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        Set<String> missing = new TreeSet<>(files.parameters(name));
        missing.removeAll(parameters.keySet());
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("missing parameter(s): "
                    + missing.stream().map(parameter -> "{{" + parameter + "}}").collect(Collectors.joining(" ")));
        }
        return files.render(name, parameters);
    }

    private String names() throws IOException {
        try (Stream<Path> queries = Files.list(folder)) {
            return queries.map(file -> file.getFileName().toString()).filter(file -> file.endsWith(".json"))
                    .map(file -> file.substring(0, file.length() - ".json".length())).sorted()
                    .collect(Collectors.joining(" "));
        }
    }
}
