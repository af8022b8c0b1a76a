package io.bsocial.notifier;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

import io.bsocial.shared.testing.ModuleDocs;

/**
 * The notifier's feature packages are Spring Modulith application modules, as web's are: no
 * dependency cycle, and no module names another's {@code internal} types. The picture of them is
 * written into {@code docs/modules/notifier/} on every run.
 */
class ModulesTest {

    private static final ApplicationModules MODULES = ApplicationModules.of(NotifierApplication.class);

    @Test
    void theFeatureModulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void writesTheModuleDocumentation() throws IOException {
        ModuleDocs.write(MODULES, Path.of("..", "docs", "modules", "notifier"));
    }
}
