package io.bsocial.system.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import io.bsocial.system.support.EndToEnd;
import io.bsocial.web.support.ApiClient;
import io.bsocial.web.support.TestUsers;
import io.bsocial.web.support.TestUsers.LoggedIn;

/**
 * The journey that matters most, with every part real: web, the notifier and the indexer as their
 * own processes, Kafka, an OpenSearch node, one database, and two people in two browsers.
 * A and B register (and are logged in); B follows A; A posts; B sees it and comments; A's bell lights up live and
 * leads to the post; A sees today's logins in Insights; both log out.
 */
class JourneyIT extends EndToEnd {

    /** A member with a real name (the picture shows names), logged in through the API. */
    private LoggedIn person(ApiClient api, String first, String last, String prefix) {
        String username = TestUsers.uniqueUsername(prefix);
        Map<String, Object> registration = new java.util.LinkedHashMap<>(TestUsers.registration(username));
        registration.put("firstName", first);
        registration.put("lastName", last);
        assertThat(api.post("/api/auth/register", ApiClient.json(registration)).status()).isEqualTo(201);
        return logIn(api, username);
    }

    private static LoggedIn logIn(ApiClient api, String username) {
        ApiClient.Response login = api.post("/api/auth/login",
                ApiClient.json(Map.of("login", username, "password", TestUsers.PASSWORD)));
        assertThat(login.status()).isEqualTo(200);
        return new LoggedIn(login.json().get("user").get("id").asLong(), username, login.json().get("token").asString());
    }

    private static void like(ApiClient api, LoggedIn who, long post) {
        assertThat(api.send("PUT", "/api/posts/" + post + "/like", null, null, who.auth()).status()).isEqualTo(200);
    }

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

            // Others B follows have been talking (likes, a reply, a mention, tags): the feed of the
            // README's picture looks lived in.
            ApiClient api = new ApiClient(port);
            LoggedIn grace = person(api, "Grace", "Hopper", "grace");
            LoggedIn alan = person(api, "Alan", "Turing", "alan");
            LoggedIn benByApi = logIn(api, ben);
            for (LoggedIn followed : List.of(grace, alan)) {
                TestUsers.follow(api, benByApi, followed);
            }
            TestUsers.follow(api, alan, grace);
            TestUsers.follow(api, grace, alan);
            long shipped = TestUsers.post(api, grace, "Shipped the new compiler today. Release notes: https://example.org/notes #release");
            long thanks = TestUsers.comment(api, alan, shipped, "Congratulations, a fine piece of work!");
            assertThat(api.post("/api/posts/" + shipped + "/comments", ApiClient.json(Map.of("content", "Thank you, Alan!",
                    "parentId", thanks)), grace.auth()).status()).isEqualTo(201);
            like(api, alan, shipped);
            long reading = TestUsers.post(api, alan, "Reading about #keyset paging: a page never repeats or skips a post. @"
                    + grace.username() + " was right all along.");
            like(api, grace, reading);
            like(api, benByApi, reading);

            // A posts.
            a.awaitLive();
            a.type("#compose-content", "Hello from the journey! Who wants to talk about #keyset paging?");
            a.click("#compose-submit");
            a.waitForText("#feed-items .post .post-content", "Hello from the journey!");

            // B sees it in the feed and comments on it.
            b.open("/");
            b.waitForText("#feed-items .post .post-content", "Hello from the journey!");
            b.click("#like-" + shipped);
            b.waitForText("#like-" + shipped + " .like-count", "2");
            b.script("window.scrollTo({top: 0, behavior: 'instant'});");
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
