package io.bsocial.system.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import io.bsocial.indexer.support.SearchNodes;
import io.bsocial.shared.testing.TcpForwarder;
import io.bsocial.web.WebApplication;
import io.bsocial.system.browser.Browser;

/**
 * Base of the end-to-end tests that need the whole system: web in this JVM (one application
 * context, shared by every subclass), the notifier and the indexer as their own processes, one H2
 * file database, the run's embedded Kafka broker and an OpenSearch node. The two processes start
 * once, for the first such test, and stop when the test run ends. Browsers reach the notifier
 * through {@link #browserNetwork}, a TCP relay that a test can cut like a network drop; web reaches it
 * through another, {@link #webNetwork}.
 * Subclasses add no properties of their own: one context serves them all.
 */
@SpringBootTest(classes = WebApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
@ExtendWith({SearchNodes.class, EndToEnd.Services.class})
public abstract class EndToEnd {

    protected static final int NOTIFIER_PORT = TcpForwarder.freePort();
    protected static final int INDEXER_PORT = TcpForwarder.freePort();
    private static final int BROWSER_NOTIFIER_PORT = TcpForwarder.freePort();
    /** Where web sends mail; a test that reads mail runs a GreenMail server on it. */
    protected static final int MAIL_PORT = TcpForwarder.freePort();
    /** Between browsers and the notifier; open unless a test cut it (and such a test opens it again). */
    protected static final TcpForwarder browserNetwork = new TcpForwarder(BROWSER_NOTIFIER_PORT,
            "localhost:" + NOTIFIER_PORT);
    private static final int WEB_NOTIFIER_PORT = TcpForwarder.freePort();
    /** Between web and the notifier (the notifications page's first page); open unless a test cut it. */
    protected static final TcpForwarder webNetwork = new TcpForwarder(WEB_NOTIFIER_PORT, "localhost:" + NOTIFIER_PORT);
    protected static final String INDEX = "bsocial-events-e2e";
    /**
     * The one database of every end-to-end test (system-tests/pom.xml gives it to all of them): they share
     * the run's Kafka broker, and the indexer counts what all of them publish, so ids must be
     * unique across them.
     */
    public static final String DATABASE = "jdbc:h2:file:" + Path.of("target", "e2e", "system-db").toAbsolutePath()
            + ";AUTO_SERVER=TRUE;WRITE_DELAY=0;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    @LocalServerPort
    protected int port;

    /** The test's browser, if it opened one: handed back to the pool after each test. */
    protected Browser browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @DynamicPropertySource
    static void wholeSystem(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> DATABASE);
        registry.add("bsocial.notifier.port", () -> BROWSER_NOTIFIER_PORT);
        registry.add("bsocial.notifier.internal-url", () -> "http://localhost:" + WEB_NOTIFIER_PORT);
        // The bell's HTTP polling while its WebSocket cannot connect: often enough for a test to see.
        registry.add("bsocial.notifier.poll-interval", () -> "1s");
        // Argon2 at its production cost takes some 75 ms a hash, and these tests register and log in
        // some two hundred times; that cost is PasswordHashingTest's and PasswordHashingBoundTest's
        // subject, not theirs. Still Argon2id, at its least.
        registry.add("bsocial.password-hashing.memory", () -> "1MB");
        registry.add("bsocial.password-hashing.iterations", () -> "1");
        registry.add("bsocial.indexer.url", () -> "http://localhost:" + INDEXER_PORT);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL_PORT);
        // Chromium registers through the pages from loopback (seven times a run, a taken name
        // included), over the budget of five per address. Its requests cannot be given addresses
        // of their own: an extra X-Forwarded-For would make every cross-origin call to the
        // notifier a CORS preflight the notifier refuses. The API's registrations (ApiClient) come
        // from addresses of their own; every other budget keeps the contract's default here.
        registry.add("bsocial.budgets.registrations", () -> "50/30m");
        // The same for the password-reset pages (PasswordResetBrowserIT asks three times per screen).
        registry.add("bsocial.budgets.password-resets", () -> "50/30m");
    }

    /** The indexer's stats API, as web's Insights page calls it. */
    protected static String indexerUrl() {
        return "http://localhost:" + INDEXER_PORT;
    }

    /**
     * Starts the notifier and the indexer before the first test that needs them: after web's
     * context started, so that its migrations created the tables the notifier shares.
     */
    static final class Services implements BeforeEachCallback {

        private static ServiceProcess notifier;
        private static ServiceProcess indexer;

        @Override
        public void beforeEach(ExtensionContext context) {
            start(context);
        }

        private static synchronized void start(ExtensionContext context) {
            if (notifier != null) {
                return;
            }
            try {
                browserNetwork.open();
                webNetwork.open();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).getOrComputeIfAbsent(Services.class,
                    key -> (AutoCloseable) Services::stop);
            String kafka = System.getProperty("spring.embedded.kafka.brokers");
            // Side by side: the notifier spends most of its start waiting for its Kafka groups, the
            // indexer first waits for its OpenSearch node.
            CompletableFuture<ServiceProcess> indexerStarting = CompletableFuture.supplyAsync(() -> ServiceProcess.start(
                    "e2e-indexer", "bsocial.indexer.jar", INDEXER_PORT, List.of(
                    "--spring.kafka.bootstrap-servers=" + kafka, "--bsocial.opensearch.url=" + SearchNodes.opensearch().url(),
                    "--bsocial.opensearch.index=" + INDEX, "--bsocial.opensearch.search-pattern=" + INDEX)));
            try {
                notifier = ServiceProcess.start("e2e-notifier", "bsocial.notifier.jar", NOTIFIER_PORT, List.of(
                        "--spring.datasource.url=" + DATABASE, "--spring.kafka.bootstrap-servers=" + kafka,
                        "--bsocial.notifier.allowed-origins=http://localhost:*"));
            } finally {
                indexer = indexerStarting.join();
            }
        }

        private static synchronized void stop() {
            if (notifier != null) {
                notifier.close();
            }
            if (indexer != null) {
                indexer.close();
            }
            notifier = null;
            indexer = null;
            browserNetwork.close();
            webNetwork.close();
        }
    }
}
