package io.bsocial.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import io.bsocial.web.support.EndToEnd;
import io.bsocial.web.support.TestUsers;

/**
 * The journey that matters most, with every part real: web, the notifier and the indexer as their
 * own processes, Kafka, an OpenSearch node, one database, and two people in two browsers.
 * A and B register (and are logged in); B follows A; A posts; B sees it and comments; A's bell lights up live and
 * leads to the post; A sees today's logins in Insights; both log out.
 */
class JourneyIT extends EndToEnd {

    @Test
    void twoPeopleUseBSocialTogether() {
        String ann = TestUsers.uniqueUsername("ann");
        String ben = TestUsers.uniqueUsername("ben");
        try (Browser a = Browser.lease("http://localhost:" + port); Browser b = Browser.lease("http://localhost:" + port)) {
            // Registering logs each of them in, on their (empty) feed.
            register(a, "Ann", "Author", ann);
            register(b, "Ben", "Reader", ben);

            // B follows A from A's profile.
            b.open("/people");
            b.type("#people-search", ann);
            b.waitFor(d -> b.all("#people-results .person").size() == 1);
            b.click("#people-results .person a");
            b.click("#follow-button");
            b.waitForText("#follow-button", "Unfollow");

            // A posts.
            a.awaitLive();
            a.type("#compose-content", "Hello from the journey! Who wants to talk about keyset paging?");
            a.click("#compose-submit");
            a.waitForText("#feed-items .post .post-content", "Hello from the journey!");

            // B sees it in the feed and comments on it.
            b.open("/");
            b.waitForText("#feed-items .post .post-content", "Hello from the journey!");
            b.screenshot(Path.of("..", "docs", "images", "feed.png"));
            b.click("#feed-items .post a[href^='/posts/']");
            b.waitFor(d -> b.path().startsWith("/posts/"));
            String postPath = b.path();
            b.type("#comment-content", "Me! Cursors never skip a post.");
            b.click("#comment-submit");
            b.waitForText("#new-comments .comment-content", "Cursors never skip a post.");

            // A's bell lights up without a reload (B's follow, then B's comment), and the comment's
            // notification, the newest, leads to the post.
            a.markPage();
            a.waitForText("#notification-count", "2");
            assertThat(a.isSamePage()).isTrue();
            a.click("#notification-bell");
            a.waitForText("#notification-list .notification-item", "Ben Reader commented: Me! Cursors never skip a post.");
            a.click("#notification-list .notification-item a");
            a.waitForPath(postPath);
            a.waitForText("#comments .comment-content", "Cursors never skip a post.");

            // A opens Insights: today's logins include both of them (the indexer catches up within seconds).
            a.waitFor(d -> {
                a.open("/insights");
                a.waitFor(x -> a.find("#insights-page").getDomAttribute("data-loaded") != null);
                Object today = a.script(
                        "const c = Chart.getChart('logins-chart'); const d = c ? c.data.datasets[0].data : [];"
                                + " return d.length ? d[d.length - 1] : 0;");
                return today instanceof Number users && users.longValue() >= 2;
            });
            a.screenshot(Path.of("target", "screenshots", "insights.png"));

            // Both log out and land on the login page.
            for (Browser browser : List.of(a, b)) {
                browser.click("#logout");
                browser.waitForPath("/login");
                assertThat(browser.find("#logged-out").getText()).contains("logged out");
                browser.open("/");
                browser.find("#landing-page");
            }
            assertThat(a.driver().findElements(By.id("notification-bell"))).isEmpty();
        }
    }

    private static void register(Browser browser, String first, String last, String username) {
        browser.open("/register");
        browser.type("#firstName", first);
        browser.type("#lastName", last);
        browser.type("#username", username);
        browser.type("#email", username + "@example.com");
        browser.type("#password", TestUsers.PASSWORD);
        browser.type("#passwordConfirmation", TestUsers.PASSWORD);
        browser.click("#register-submit");
        browser.waitForPath("/");
        browser.find("#empty-feed");
    }
}
