package io.bsocial.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.bsocial.shared.testing.TcpForwarder;
import io.bsocial.web.WebAppTest;
import io.bsocial.web.browser.Browser.Screen;
import io.bsocial.web.support.ApiClient;
import io.bsocial.web.support.EndToEnd;
import io.bsocial.web.support.ServiceProcess;
import io.bsocial.web.support.TestUsers;
import io.bsocial.web.support.TestUsers.LoggedIn;

/**
 * Two people in two browsers, web and the notifier in their own processes: when someone I follow
 * posts from their page, my open feed shows "1 new post" without moving what I read, and clicking
 * it puts the post on top. A stranger's post never counts.
 */
@WebAppTest
class LiveFeedBrowserIT {

    static final int NOTIFIER_PORT = TcpForwarder.freePort();
    static final String DATABASE = EndToEnd.DATABASE;
    static ServiceProcess notifier;

    @LocalServerPort
    int port;

    Browser reader;
    Browser writer;

    @DynamicPropertySource
    static void sharedDatabaseAndNotifier(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> DATABASE);
        registry.add("bsocial.notifier.port", () -> NOTIFIER_PORT);
    }

    @BeforeAll
    static void noNotifierYet() {
        notifier = null;
    }

    @AfterEach
    void closeBrowsers() {
        if (reader != null) {
            reader.close();
        }
        if (writer != null) {
            writer.close();
        }
    }

    @AfterAll
    static void stopNotifier() {
        if (notifier != null) {
            notifier.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Screen.class)
    void aFollowedPersonsPostRaisesTheNewPostsBarWithoutMovingWhatIsRead(Screen screen) throws Exception {
        startNotifier();
        ApiClient api = new ApiClient(port);
        LoggedIn me = TestUsers.create(api, "feedreader");
        LoggedIn friend = TestUsers.create(api, "friend");
        LoggedIn stranger = TestUsers.create(api, "stranger");
        TestUsers.follow(api, me, friend);
        for (int i = 1; i <= 6; i++) {
            TestUsers.post(api, friend, "Earlier post number " + i + ", long enough to fill a card of the feed.");
        }

        reader = new Browser("http://localhost:" + port, screen);
        reader.logIn(me.username(), TestUsers.PASSWORD);
        reader.waitFor(d -> "live".equals(reader.find("body").getDomAttribute("data-notifications")));
        reader.markPage();
        reader.script("window.scrollTo({top: 300, behavior: 'instant'});");
        reader.waitFor(d -> ((Number) reader.script("return window.scrollY;")).intValue() == 300);
        double readingAt = cardTop(reader, 3);

        TestUsers.post(api, stranger, "A stranger's post, not for this feed");
        writer = new Browser("http://localhost:" + port, screen);
        writer.logIn(friend.username(), TestUsers.PASSWORD);
        writer.type("#compose-content", "Fresh from the page: hello, followers!");
        writer.click("#compose-submit");
        writer.waitForText("#feed-items .post", "Fresh from the page");

        reader.waitForText("#new-posts-button", "1 new post");
        assertThat(reader.isSamePage()).isTrue();
        assertThat(cardTop(reader, 3)).as("the post being read did not move").isEqualTo(readingAt);
        reader.assertInsideViewport("#new-posts-button");
        reader.screenshot(Path.of("target", "screenshots", "new-posts-" + screen.label() + ".png"));
        Results axe = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"))
                .analyze(reader.driver());
        assertThat(axe.getViolations()).as("axe, with the bar shown")
                .filteredOn(rule -> Set.of("serious", "critical").contains(rule.getImpact()))
                .extracting(Rule::getId).isEmpty();

        reader.click("#new-posts-button");
        reader.waitForText("#feed-items .post:first-of-type .post-content", "Fresh from the page: hello, followers!");
        reader.waitFor(d -> reader.all("#new-posts-button.d-none").size() == 1);
        assertThat(reader.find("#feed-items").getText()).doesNotContain("A stranger's post");
        assertThat(reader.isSamePage()).isTrue();
        assertThat(reader.consoleErrors()).isEmpty();
    }

    private static double cardTop(Browser browser, int index) {
        return ((Number) browser.script("return document.querySelectorAll('#feed-items .post')[arguments[0]]"
                + ".getBoundingClientRect().top;", index)).doubleValue();
    }

    private static void startNotifier() throws Exception {
        if (notifier == null) {
            // After web started: its migrations ran, the notifier finds the session tables.
            notifier = ServiceProcess.start("notifier", "bsocial.notifier.jar", NOTIFIER_PORT, List.of(
                    "--spring.datasource.url=" + DATABASE,
                    "--spring.kafka.bootstrap-servers=" + System.getProperty("spring.embedded.kafka.brokers"),
                    "--bsocial.notifier.allowed-origins=http://localhost:*"));
        }
    }
}
