package io.bsocial.system.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine runs where the tests run, so compose.yaml is checked as a file: the services
 * are there, each has a health check, start order waits for health, only the public ports are
 * published, every image is pinned, data lives in named volumes, and the versions match the ones
 * the build and the tests use.
 */
class ComposeFileTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static Map<String, Object> compose;
    static Map<String, Map<String, Object>> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void read() throws IOException {
        compose = new Yaml().load(Files.readString(ROOT.resolve("compose.yaml")));
        services = (Map<String, Map<String, Object>>) compose.get("services");
    }

    @Test
    void runsTheWholeSystem() {
        assertThat(services).containsOnlyKeys("postgres", "kafka", "opensearch", "dashboards", "mail", "web", "notifier",
                "indexer");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyServiceHasAHealthCheckAndWaitsForHealthyDependencies() {
        services.forEach((name, service) -> {
            Map<String, Object> health = (Map<String, Object>) service.get("healthcheck");
            assertThat(health).as(name + " healthcheck").isNotNull();
            assertThat(health.get("test").toString()).as(name).isNotBlank();
            Object dependsOn = service.get("depends_on");
            if (dependsOn != null) {
                ((Map<String, Map<String, Object>>) dependsOn).forEach((dependency, condition) ->
                        assertThat(condition).as(name + " -> " + dependency).containsEntry("condition", "service_healthy"));
            }
        });
        assertThat((Map<String, Object>) services.get("web").get("depends_on")).containsKeys("postgres", "kafka", "mail");
        assertThat((Map<String, Object>) services.get("indexer").get("depends_on")).containsKeys("kafka", "opensearch");
    }

    @Test
    @SuppressWarnings("unchecked")
    void onlyWebAndNotifierArePublishedAndDashboardsOnLoopbackOnly() {
        Map<String, List<String>> published = new java.util.TreeMap<>();
        services.forEach((name, service) -> {
            if (service.get("ports") != null) {
                published.put(name, (List<String>) service.get("ports"));
            }
        });
        // Dashboards has full read/write on every event, e-mails included, and the mail catcher holds
        // every password-reset link: this machine only.
        assertThat(published).isEqualTo(Map.of("web", List.of("8080:8080"), "notifier", List.of("8081:8081"),
                "dashboards", List.of("127.0.0.1:5601:5601"), "mail", List.of("127.0.0.1:8025:8080")));
    }

    /** The indexer listens on loopback by default; in compose only its network may reach it. */
    @Test
    @SuppressWarnings("unchecked")
    void theIndexerListensInsideTheNetworkOnly() {
        Map<String, Object> indexer = services.get("indexer");
        assertThat(indexer.get("ports")).isNull();
        assertThat((Map<String, Object>) indexer.get("environment")).containsEntry("SERVER_ADDRESS", "0.0.0.0");
    }

    /** A database password is only ever used inside the compose network: nothing publishes PostgreSQL. */
    @Test
    void databaseAndSearchNodeAreNotPublished() {
        for (String name : List.of("postgres", "kafka", "opensearch")) {
            assertThat(services.get(name).get("ports")).as(name).isNull();
        }
    }

    @Test
    void everyImageIsPinned() {
        Pattern pinned = Pattern.compile("[a-z0-9./_-]+:(?!latest$)[0-9][\\w.-]*");
        services.forEach((name, service) -> {
            String image = (String) service.get("image");
            assertThat(image).as(name + " image").isNotNull().matches(pinned);
        });
    }

    @Test
    void imagesMatchTheVersionsTheBuildAndTestsUse() throws IOException {
        String pom = Files.readString(ROOT.resolve("pom.xml"));
        assertThat(image("kafka")).isEqualTo("apache/kafka:" + property(pom, "kafka-broker.version"));
        assertThat(image("opensearch")).isEqualTo("opensearchproject/opensearch:" + property(pom, "opensearch.version"));
        assertThat(image("dashboards")).endsWith(":" + property(pom, "opensearch.version"));
        assertThat(image("postgres")).startsWith("postgres:15.");
        assertThat(image("mail")).isEqualTo("greenmail/standalone:" + property(pom, "greenmail.version"));
    }

    /** Password-reset mail goes to the mail catcher, and its links point at web's published address. */
    @Test
    @SuppressWarnings("unchecked")
    void webSendsMailToTheMailCatcher() {
        Map<String, Object> environment = (Map<String, Object>) services.get("web").get("environment");
        assertThat(environment).containsEntry("SPRING_MAIL_HOST", "mail").containsEntry("SPRING_MAIL_PORT", "3025");
        assertThat(environment.get("BSOCIAL_MAIL_WEB_URL").toString()).contains("http://localhost:8080");
        assertThat(((Map<String, Object>) services.get("mail").get("environment")).get("GREENMAIL_OPTS").toString())
                .contains("-Dgreenmail.setup.test.smtp", "-Dgreenmail.setup.test.api");
    }

    @Test
    @SuppressWarnings("unchecked")
    void dataLivesInNamedVolumes() {
        Set<String> volumes = ((Map<String, Object>) compose.get("volumes")).keySet();
        for (String name : List.of("postgres", "kafka", "opensearch")) {
            List<String> mounts = (List<String>) services.get(name).get("volumes");
            assertThat(mounts).as(name).isNotEmpty().allSatisfy(mount ->
                    assertThat(volumes).contains(mount.substring(0, mount.indexOf(':'))));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theServicesAreBuiltFromTheRepositoryByOneDockerfileRunningAsNonRootOnAJre() throws IOException {
        for (String name : List.of("web", "notifier", "indexer")) {
            Map<String, Object> build = (Map<String, Object>) services.get(name).get("build");
            assertThat(build).containsEntry("dockerfile", ".docker/Dockerfile");
            assertThat((Map<String, Object>) build.get("args")).containsEntry("SERVICE", name);
        }
        String dockerfile = Files.readString(ROOT.resolve(".docker/Dockerfile"));
        assertThat(dockerfile).containsPattern("(?m)^FROM eclipse-temurin:[0-9][\\w.-]*-jre")
                .containsPattern("(?m)^USER bsocial$").contains("--layers");
        Matcher from = Pattern.compile("(?m)^FROM (\\S+)").matcher(dockerfile);
        while (from.find()) {
            assertThat(from.group(1)).as("pinned base image").matches("[\\w./-]+:[0-9][\\w.-]*");
        }
    }

    private static String image(String service) {
        return (String) services.get(service).get("image");
    }

    private static String property(String pom, String name) {
        Matcher matcher = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(pom);
        assertThat(matcher.find()).as(name).isTrue();
        return matcher.group(1);
    }
}
