package io.bsocial.web;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

import io.bsocial.shared.testing.ModuleDocs;

/**
 * Web's feature packages (account, post, comment, follow, feed, profile, …) are Spring Modulith
 * application modules: this keeps them free of dependency cycles and away from each other's
 * internals, and writes the picture of the modules into {@code docs/modules/web/} on every run, so it
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
        ModuleDocs.write(MODULES, Path.of("..", "docs", "modules", "web"));
    }
}
