package io.bsocial.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Web's feature packages (account, post, comment, follow, feed, profile, …) are Spring Modulith
 * application modules: this keeps them free of dependency cycles and away from each other's
 * internals, and writes the picture of the modules into {@code docs/modules/} on every run, so it
 * never goes stale.
 */
class ModulesTest {

    private static final ApplicationModules MODULES = ApplicationModules.of(WebApplication.class);

    @Test
    void theFeatureModulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void writesTheModuleDocumentation() throws IOException {
        Path folder = Path.of("..", "docs", "modules");
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(folder.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        try (Stream<Path> diagrams = Files.list(folder)) {
            for (Path diagram : diagrams.filter(file -> file.toString().endsWith(".puml")).toList()) {
                Files.writeString(diagram, inStableOrder(Files.readString(diagram)));
            }
        }
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
