package io.bsocial.shared.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Writes a service's Spring Modulith modules into a folder of {@code docs/modules/} on every test
 * run (all modules as one PlantUML diagram, one diagram and one canvas each), so the picture never
 * goes stale; sorted, an unchanged structure leaves the committed files unchanged.
 */
public final class ModuleDocs {

    private ModuleDocs() {
    }

    public static void write(ApplicationModules modules, Path folder) throws IOException {
        Files.createDirectories(folder);
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(folder.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        if (!Files.exists(folder.resolve("components.puml"))) {
            throw new IllegalStateException("no module diagram was written into " + folder.toAbsolutePath());
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                if (file.toString().endsWith(".puml")) {
                    Files.writeString(file, inStableOrder(Files.readString(file)));
                } else if (file.toString().endsWith(".adoc")) {
                    Files.writeString(file, listsInStableOrder(Files.readString(file)));
                }
            }
        }
    }

    /**
     * A canvas lists types, beans and events in each table cell in hash order too ({@code |* `a`}
     * then {@code * `b`} lines): sorted, within each cell.
     */
    static String listsInStableOrder(String canvas) {
        List<String> lines = new ArrayList<>(canvas.lines().toList());
        int start = 0;
        while (start < lines.size()) {
            if (!lines.get(start).startsWith("|* ")) {
                start++;
                continue;
            }
            int end = start + 1;
            while (end < lines.size() && lines.get(end).startsWith("* ")) {
                end++;
            }
            List<String> items = new ArrayList<>();
            items.add(lines.get(start).substring(1));
            items.addAll(lines.subList(start + 1, end));
            Collections.sort(items);
            for (int i = 0; i < items.size(); i++) {
                lines.set(start + i, (i == 0 ? "|" : "") + items.get(i));
            }
            start = end;
        }
        return String.join("\n", lines) + "\n";
    }

    /**
     * The diagrams list components and relations in hash order, which changes from run to run:
     * sorted, an unchanged structure leaves the committed files unchanged.
     */
    static String inStableOrder(String diagram) {
        List<String> lines = new ArrayList<>(diagram.lines().toList());
        int start = 0;
        while (start < lines.size()) {
            String kind = kind(lines.get(start));
            int end = start;
            while (kind != null && end < lines.size() && kind.equals(kind(lines.get(end)))) {
                end++;
            }
            if (end - start > 1) {
                Collections.sort(lines.subList(start, end));
            }
            start = Math.max(end, start + 1);
        }
        return String.join("\n", lines) + "\n";
    }

    private static String kind(String line) {
        String trimmed = line.strip();
        return trimmed.startsWith("Component(") ? "component" : trimmed.startsWith("Rel(") ? "relation" : null;
    }
}
