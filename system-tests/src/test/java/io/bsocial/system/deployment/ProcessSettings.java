package io.bsocial.system.deployment;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The settings a process reads, taken from its sources rather than written down a second time:
 * the keys of its application.properties, the components of its (and src-shared's)
 * {@code @ConfigurationProperties} records, its {@code @Value} keys, and the few Boot keys a
 * deployment sets that no file names. From these, which ones a pod must set: every setting whose
 * default is loopback (in a pod, loopback is the pod itself) or the local H2 file.
 */
record ProcessSettings(String process, Map<String, String> properties, Map<String, String> recordDefaults,
        Set<String> valueKeys) {

    /**
     * Boot settings that deploy/ sets and no properties file names, each read by Boot itself: the
     * database password and the SMTP account (Secrets), and JavaMail's own properties under
     * {@code spring.mail.properties} (a map: any key below it).
     */
    static final Map<String, List<String>> BOOT_KEYS_ALSO_SET = Map.of(
            "web", List.of("spring.datasource.password", "spring.mail.username", "spring.mail.password",
                    "spring.mail.properties"),
            "notifier", List.of("spring.datasource.password"),
            "indexer", List.of());

    private static final Pattern CONFIGURATION_PROPERTIES = Pattern.compile(
            "@ConfigurationProperties\\(\"([^\"]+)\"\\)\\s*(?:public\\s+)?record\\s+\\w+\\(");
    private static final Pattern VALUE = Pattern.compile("@Value\\(\"\\$\\{([^:}]+)");
    private static final Pattern DEFAULT_VALUE = Pattern.compile("@DefaultValue(?:\\((.*)\\))?", Pattern.DOTALL);

    static ProcessSettings of(Path root, String process) throws IOException {
        Properties loaded = new Properties();
        try (Reader reader = Files.newBufferedReader(root.resolve(process + "/src/main/resources/application.properties"))) {
            loaded.load(reader);
        }
        Map<String, String> properties = new LinkedHashMap<>();
        loaded.stringPropertyNames().forEach(key -> properties.put(key, loaded.getProperty(key)));
        Map<String, String> recordDefaults = new LinkedHashMap<>();
        Set<String> valueKeys = new TreeSet<>();
        for (Path sources : List.of(root.resolve(process + "/src/main/java"), root.resolve("src-shared/src/main/java"))) {
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path java : files.filter(file -> file.toString().endsWith(".java")).toList()) {
                    String source = Files.readString(java);
                    Matcher record = CONFIGURATION_PROPERTIES.matcher(source);
                    while (record.find()) {
                        components(source, record.end()).forEach((name, defaultValue) ->
                                recordDefaults.put(record.group(1) + "." + kebab(name), defaultValue));
                    }
                    Matcher value = VALUE.matcher(source);
                    while (value.find()) {
                        valueKeys.add(value.group(1));
                    }
                }
            }
        }
        return new ProcessSettings(process, properties, recordDefaults, valueKeys);
    }

    /** Every key the process reads, or the start of a map of them. */
    Set<String> known() {
        Set<String> keys = new TreeSet<>(properties.keySet());
        keys.addAll(recordDefaults.keySet());
        keys.addAll(valueKeys);
        keys.addAll(BOOT_KEYS_ALSO_SET.get(process));
        return keys;
    }

    /** Whether an environment variable sets one of the keys (Boot's relaxed binding). */
    boolean reads(String variable) {
        return known().stream().anyMatch(key -> environmentNames(key).stream()
                .anyMatch(name -> variable.equals(name) || variable.startsWith(name + "_")));
    }

    /**
     * The settings a pod must set: a default naming loopback or the local H2 file is wrong in a pod.
     * The datasource's user and password go with its URL.
     */
    Set<String> loopbackDefaults() {
        Set<String> required = new TreeSet<>();
        Map<String, String> defaults = new LinkedHashMap<>(recordDefaults);
        defaults.putAll(properties);
        defaults.forEach((key, value) -> {
            if (value != null && (value.contains("localhost") || value.contains("127.0.0.1") || value.startsWith("jdbc:h2:file:"))) {
                required.add(key);
            }
        });
        if (required.contains("spring.datasource.url")) {
            required.add("spring.datasource.username");
            required.add("spring.datasource.password");
        }
        return required;
    }

    /** A property's names in the environment: dots to underscores, dashes dropped or made underscores. */
    static List<String> environmentNames(String key) {
        String upper = key.toUpperCase(java.util.Locale.ROOT).replace('.', '_');
        return List.of(upper.replace("-", ""), upper.replace('-', '_'));
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    /** A record header's components, name to {@code @DefaultValue} text ("" when it has none). */
    static Map<String, String> components(String source, int start) {
        int depth = 1;
        int end = start;
        while (depth > 0) {
            char c = source.charAt(end++);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            }
        }
        Map<String, String> components = new LinkedHashMap<>();
        for (String component : splitTopLevel(source.substring(start, end - 1))) {
            String text = component.strip();
            if (text.isEmpty()) {
                continue;
            }
            Matcher name = Pattern.compile("(\\w+)\\s*$").matcher(text);
            name.find();
            Matcher defaultValue = DEFAULT_VALUE.matcher(text);
            components.put(name.group(1), defaultValue.find() && defaultValue.group(1) != null ? defaultValue.group(1) : "");
        }
        return components;
    }

    private static List<String> splitTopLevel(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(' || c == '{' || c == '<') {
                depth++;
            } else if (c == ')' || c == '}' || c == '>') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(text.substring(from, i));
                from = i + 1;
            }
        }
        parts.add(text.substring(from));
        return parts;
    }
}
