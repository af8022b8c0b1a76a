package io.bsocial.system.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.bsocial.indexer.support.SearchNodes;
import io.bsocial.system.browser.Browser.Screen;
import io.bsocial.system.support.EndToEnd;
import io.bsocial.web.support.ApiClient;
import io.bsocial.web.support.TestUsers;
import io.bsocial.web.support.TestUsers.LoggedIn;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Deleting an account from the settings page, end to end across the processes (web here, the
 * notifier and the indexer as their own processes, Kafka, OpenSearch, one database), on a desktop
 * (1280×900) and a phone (390×844): a wrong password and a missing confirmation are said by their
 * fields (axe-clean), the right one lands on the landing page logged out; within 60 seconds the
 * e-mail address is in no document of any {@code bsocial-*} index, the notifier holds no
 * notification the account received or caused, its follower's feed no longer shows its post, and
 * its username cannot be registered again.
 */
class AccountDeletionIT extends EndToEnd {

    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    @ParameterizedTest
    @EnumSource(Screen.class)
    void deleteTheAccountFromTheSettingsPage(Screen screen) {
        ApiClient api = new ApiClient(port);
        LoggedIn me = TestUsers.create(api, "leaving");
        LoggedIn friend = TestUsers.create(api, "staying");
        String email = (me.username() + "@example.com").toLowerCase(Locale.ROOT);
        TestUsers.follow(api, friend, me);
        TestUsers.follow(api, me, friend);
        long myPost = TestUsers.post(api, me, "soon gone, hello @" + friend.username());
        long friendsPost = TestUsers.post(api, friend, "the friend stays");
        TestUsers.comment(api, friend, myPost, "received by the leaver");
        TestUsers.comment(api, me, friendsPost, "caused by the leaver");
        // The notifier and the indexer have what names the account.
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> notificationsOf(me.id()) >= 4);
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> documentsWith(email) > 0);
        assertThat(feedIds(api, friend)).contains(myPost);

        browser = Browser.lease("http://localhost:" + port, screen);
        browser.logInAs(me);
        browser.open("/settings#settings-delete");
        // No confirmation, then a wrong password: each said by its field; nothing is deleted.
        browser.type("#delete-password", TestUsers.PASSWORD);
        browser.click("#delete-account");
        browser.waitForText("#delete-confirm-error", "Tick the box");
        browser.click("#delete-confirm");
        browser.type("#delete-password", "not my password");
        browser.click("#delete-account");
        browser.waitForText("#delete-password-error", "Your current password is not right.");
        Map<String, List<String>> violations = new LinkedHashMap<>();
        List<String> found = AccessibilityIT.blockingViolations(browser, "/settings with a deletion error");
        if (!found.isEmpty()) {
            violations.put("/settings with a deletion error", found);
        }
        assertThat(violations).as("serious or critical axe violations at %s", screen).isEmpty();
        assertThat(api.get("/api/me", me.auth()).status()).as("nothing deleted").isEqualTo(200);

        // Keyboard: the section is reached from its link, and the form from there.
        assertThat(browser.find("a[href='#settings-delete']").getText()).isEqualTo("Delete account");
        browser.type("#delete-password", TestUsers.PASSWORD);
        browser.click("#delete-account");
        browser.waitForText("#account-deleted", "Your account is deleted");
        assertThat(browser.path()).isEqualTo("/?deleted");
        browser.find("#landing-login");
        assertThat(AccessibilityIT.blockingViolations(browser, "/?deleted")).as("axe on the landing page").isEmpty();
        assertThat(api.get("/api/me", me.auth()).status()).as("logged out everywhere").isEqualTo(401);
        browser.open("/settings");
        browser.waitFor(d -> browser.path().startsWith("/login"));

        // Within a minute the e-mail address is nowhere, and the notifier holds nothing of it.
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> documentsWith(email) == 0 && notificationsOf(me.id()) == 0);
        assertThat(documentsNaming(me.id())).as("only the deletion's own record").isEqualTo(1);
        assertThat(feedIds(api, friend)).doesNotContain(myPost);
        Map<String, Object> again = TestUsers.registration(me.username());
        again.put("email", "another." + email);
        assertThat(api.post("/api/auth/register", ApiClient.json(again), "X-Forwarded-For", TestUsers.clientAddress())
                .status()).isEqualTo(409);
    }

    /** Notifications the account received or caused, in the notifier's table. */
    private long notificationsOf(long id) {
        return jdbc.sql("SELECT COUNT(*) FROM notifications WHERE recipient_id = :id OR actor_id = :id")
                .param("id", id).query(Long.class).single();
    }

    /** Documents of every bsocial-* index holding the address in any field. */
    private long documentsWith(String email) {
        return hits("{\"size\":0,\"track_total_hits\":true,\"query\":{\"query_string\":{\"query\":\"\\\""
                + email + "\\\"\",\"fields\":[\"*\"]}}}");
    }

    /** Documents of every bsocial-* index naming the account's id in the user fields. */
    private long documentsNaming(long id) {
        StringBuilder should = new StringBuilder();
        for (String field : List.of("userId", "postAuthorId", "commentAuthorId", "followedUserId", "blockedUserId",
                "mutedUserId", "replyToUserId", "mentionedUserIds")) {
            should.append(should.isEmpty() ? "" : ",").append("{\"term\":{\"").append(field).append("\":\"").append(id)
                    .append("\"}}");
        }
        return hits("{\"size\":0,\"track_total_hits\":true,\"query\":{\"bool\":{\"minimum_should_match\":1,"
                + "\"should\":[" + should + "]}}}");
    }

    private long hits(String body) {
        try {
            http.send(HttpRequest.newBuilder(URI.create(SearchNodes.opensearch().url() + "/bsocial-*/_refresh"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(SearchNodes.opensearch().url()
                            + "/bsocial-*/_search?ignore_unavailable=true&allow_no_indices=true"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode answer = JsonMapper.builder().build().readTree(response.body());
            return answer.path("hits").path("total").path("value").asLong();
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Long> feedIds(ApiClient api, LoggedIn reader) {
        List<Long> ids = new java.util.ArrayList<>();
        api.get("/api/feed?limit=100", reader.auth()).json().get("items").forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }
}
