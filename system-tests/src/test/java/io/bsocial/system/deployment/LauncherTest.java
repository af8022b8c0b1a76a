package io.bsocial.system.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's decisions that need no running system, run by bash itself: the script is
 * sourced (it then only defines its functions) with a state folder of the test's own.
 */
class LauncherTest {

    static final Path LAUNCHER = Path.of("..", "bsocial").toAbsolutePath().normalize();

    @TempDir
    Path home;

    @Test
    void theStateFolderAndItsSecretsAreTheOwnersOnly() throws Exception {
        String out = bash("prepare_state; secret h2-password; echo; secret h2-password");
        String[] lines = out.strip().split("\n");

        assertThat(lines[0]).matches("[A-Za-z0-9]{32}").isEqualTo(lines[1]);
        assertThat(mode(home)).isEqualTo("rwx------");
        assertThat(mode(home.resolve("secrets"))).isEqualTo("rwx------");
        assertThat(mode(home.resolve("secrets/h2-password"))).isEqualTo("rw-------");
        assertThat(mode(home.resolve("run"))).isEqualTo("rwx------");
    }

    @Test
    void servicesGetTheGeneratedDatabasePasswordAndOnlyWebAndNotifierListenBeyondLoopback() throws Exception {
        String indexer = bash("prepare_state; service_environment indexer; env");
        String password = Files.readString(home.resolve("secrets/h2-password")).strip();
        assertThat(indexer).contains("SERVER_ADDRESS=127.0.0.1", "SPRING_DATASOURCE_PASSWORD=" + password)
                .containsPattern("(?m)^BSOCIAL_KAFKA_INSTANCE_ID=.+-indexer$");
        assertThat(password).hasSize(32);

        for (String service : new String[] {"web", "notifier"}) {
            assertThat(bash("prepare_state; service_environment " + service + "; env"))
                    .doesNotContain("SERVER_ADDRESS=").contains("SPRING_DATASOURCE_PASSWORD=" + password);
        }
    }

    @Test
    void everyServiceGetsTheOperatorTokenMadeOnceAndKeptPrivate() throws Exception {
        String web = bash("prepare_state; service_environment web; env");
        String token = Files.readString(home.resolve("secrets/operator-token")).strip();

        assertThat(token).matches("[A-Za-z0-9]{32}");
        assertThat(mode(home.resolve("secrets/operator-token"))).isEqualTo("rw-------");
        assertThat(web).contains("BSOCIAL_OPERATOR_TOKEN=" + token);
        for (String service : new String[] {"notifier", "indexer"}) {
            assertThat(bash("prepare_state; service_environment " + service + "; env"))
                    .contains("BSOCIAL_OPERATOR_TOKEN=" + token);
        }
        assertThat(bash("BSOCIAL_OPERATOR_TOKEN=chosen; prepare_state; service_environment web; env"))
                .contains("BSOCIAL_OPERATOR_TOKEN=chosen");
    }

    /**
     * The demo registers eight people from this machine (the budget allows five per address) and
     * writes as them: every request it sends carries the operator token, so it spends no budget.
     */
    @Test
    void theDemoSendsTheOperatorTokenWithEveryRequest() throws Exception {
        // curl stands in for the running web: it writes down its arguments and answers as web would.
        String out = bash("""
                curl() {
                  printf '%s\\n' "$*" >> "$BSOCIAL_HOME/curl.log"
                  case "$*" in
                    *actuator/health*) return 0 ;;
                    *api/auth/register*) printf 201 ;;
                    *api/auth/login*) printf '{"token":"demo-session"}' ;;
                    *) printf '{"id":7}' ;;
                  esac
                }
                prepare_state; demo""");
        String token = Files.readString(home.resolve("secrets/operator-token")).strip();
        List<String> requests = Files.readAllLines(home.resolve("curl.log")).stream()
                .filter(line -> !line.contains("actuator/health")).toList();

        assertThat(out).contains("Demo data is in.");
        assertThat(requests).hasSizeGreaterThan(40)
                .allSatisfy(request -> assertThat(request).contains("X-Operator-Token: " + token));
        assertThat(requests).filteredOn(request -> request.contains("/api/auth/register")).hasSize(8);
    }

    @Test
    void theDemoPasswordIsFreshEachTime() throws Exception {
        String[] passwords = bash("random_password; random_password").strip().split("\n");

        assertThat(passwords[0]).matches("[A-Za-z0-9]{20}");
        assertThat(passwords[1]).matches("[A-Za-z0-9]{20}").isNotEqualTo(passwords[0]);
        assertThat(Files.readString(LAUNCHER)).doesNotContain("bsocial-demo-2026");
    }

    /** A pid file whose pid died, or now belongs to another program, is not a running service. */
    @Test
    void aPidFileIsBelievedOnlyWhenItNamesThatServicesJavaProcess() throws Exception {
        Process other = new ProcessBuilder("sleep", "60").start();
        Process lookalike = new ProcessBuilder("bash", "-c", "exec -a java-bsocial-web-0.1.0-exec.jar sleep 60").start();
        try {
            String status = bash("prepare_state; echo " + other.pid() + " > \"$RUN/web.pid\"; "
                    + "echo 999999 > \"$RUN/notifier.pid\"; running web && echo web-running || echo web-not-running; "
                    + "echo " + lookalike.pid() + " > \"$RUN/indexer.pid\"; running indexer && echo indexer-running; "
                    + "echo " + lookalike.pid() + " > \"$RUN/kafka.pid\"; running kafka || echo kafka-not-running; "
                    + "status");

            assertThat(status).contains("web-not-running", "kafka-not-running")
                    .doesNotContain("indexer-running");
            assertThat(status).containsPattern("(?m)^web +stopped \\(stale pid file: pid " + other.pid() + " is another process\\)$")
                    .containsPattern("(?m)^notifier +stopped \\(its process died; up starts it again\\)$")
                    .containsPattern("(?m)^opensearch +stopped$");
        } finally {
            other.destroyForcibly();
            lookalike.destroyForcibly();
        }
    }

    @Test
    void aServiceProcessIsRecognisedByItsCommandLine() throws Exception {
        Process lookalike = new ProcessBuilder("bash", "-c", "exec -a java-bsocial-indexer-0.1.0-exec.jar sleep 60").start();
        try {
            String status = bash("prepare_state; echo " + lookalike.pid() + " > \"$RUN/indexer.pid\"; "
                    + "running indexer && echo indexer-running; running web || echo web-not-running");
            assertThat(status).contains("indexer-running", "web-not-running");
        } finally {
            lookalike.destroyForcibly();
        }
    }

    /** web sends its mail to the local mail catcher, and its links point at web's own port. */
    @Test
    void webMailsThroughTheLocalMailCatcher() throws Exception {
        assertThat(bash("prepare_state; service_environment web; env")).contains("SPRING_MAIL_HOST=127.0.0.1",
                "SPRING_MAIL_PORT=3025", "BSOCIAL_MAIL_WEB_URL=http://localhost:8080");
        assertThat(bash("WEB_PORT=9080; MAIL_SMTP_PORT=4025; prepare_state; service_environment web; env"))
                .contains("SPRING_MAIL_PORT=4025", "BSOCIAL_MAIL_WEB_URL=http://localhost:9080");
    }

    /** The mail catcher is GreenMail standalone at the build's version, fetched through Maven once. */
    @Test
    void theMailCatcherIsTheBuildsGreenMailAndIsRecognisedByItsCommandLine() throws Exception {
        String pom = Files.readString(LAUNCHER.resolveSibling("pom.xml"));
        String version = pom.replaceAll("(?s).*<greenmail.version>([^<]+)</greenmail.version>.*", "$1");
        Files.createDirectories(home.resolve("tools"));
        Files.writeString(home.resolve("tools/greenmail-standalone-" + version + ".jar"), "already fetched");
        assertThat(bash("prepare_state; fetch_mail; echo \"$MAIL_JAR\"").strip())
                .isEqualTo(home.resolve("tools/greenmail-standalone-" + version + ".jar").toString());

        Process lookalike = new ProcessBuilder("bash", "-c",
                "exec -a java-greenmail-standalone-" + version + ".jar sleep 60").start();
        try {
            String status = bash("prepare_state; echo " + lookalike.pid() + " > \"$RUN/mail.pid\"; "
                    + "running mail && echo mail-running; running kafka || echo kafka-not-running; status");
            assertThat(status).contains("mail-running", "kafka-not-running").containsPattern("(?m)^mail +running");
        } finally {
            lookalike.destroyForcibly();
        }
    }

    private String bash(String script) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", "source \"$LAUNCHER\"; " + script)
                .redirectErrorStream(true);
        builder.environment().put("LAUNCHER", LAUNCHER.toString());
        builder.environment().put("BSOCIAL_HOME", home.toString());
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        return out;
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
