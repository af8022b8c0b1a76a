package io.bsocial.indexer.stats;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * The stored queries of {@code queries/}: request bodies with {@code {{param}}} placeholders, read
 * as they are (packaged into the jar from the repository's queries/ folder, or from
 * {@code bsocial.queries.location}). Values are JSON-escaped before they replace a placeholder.
 */
@Component
public class QueryFiles {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");

    private final ResourceLoader resources;
    private final QueriesProperties properties;
    private final Map<String, String> loaded = new ConcurrentHashMap<>();

    QueryFiles(ResourceLoader resources, QueriesProperties properties) {
        this.resources = resources;
        this.properties = properties;
    }

    /** The names of the file's placeholders, each once, in alphabetical order. */
    public Set<String> parameters(String name) {
        Matcher placeholder = PLACEHOLDER.matcher(loaded.computeIfAbsent(name, this::read));
        Set<String> names = new TreeSet<>();
        while (placeholder.find()) {
            names.add(placeholder.group(1));
        }
        return names;
    }

    /** The file {@code name}.json with every placeholder replaced. */
    public String render(String name, Map<String, String> parameters) {
        String body = loaded.computeIfAbsent(name, this::read);
        Matcher placeholder = PLACEHOLDER.matcher(body);
        StringBuilder rendered = new StringBuilder();
        while (placeholder.find()) {
            String value = parameters.get(placeholder.group(1));
            if (value == null) {
                throw new IllegalArgumentException("query " + name + " needs the parameter " + placeholder.group(1));
            }
            placeholder.appendReplacement(rendered, Matcher.quoteReplacement(escape(value)));
        }
        placeholder.appendTail(rendered);
        return rendered.toString();
    }

    private String read(String name) {
        String location = properties.location().endsWith("/") ? properties.location() : properties.location() + "/";
        Resource file = resources.getResource(location + name + ".json");
        try (InputStream in = file.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException missing) {
            throw new IllegalStateException("no query file " + name + ".json in " + location, missing);
        }
    }

    /** The value as the inside of a JSON string (placeholders stand inside quotes). */
    private static String escape(String value) {
        StringBuilder escaped = new StringBuilder();
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> escaped.append("\\\"");
                case '\\' -> escaped.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        escaped.append(String.format("\\u%04x", (int) c));
                    } else {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }
}
