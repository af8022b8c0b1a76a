package io.bsocial.system.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;

import io.bsocial.web.support.ApiClient;
import io.bsocial.web.support.TestUsers.LoggedIn;

/**
 * Following someone notifies them. Tests whose bell must start at zero (the follow only makes
 * the post visible) wait for that notification on the notifier and read it, as if the user had
 * opened the bell before the test's story begins.
 */
public final class FollowNotifications {

    private FollowNotifications() {
    }

    public static void readAll(int notifierPort, LoggedIn followed) {
        ApiClient notifier = new ApiClient("http://localhost:" + notifierPort);
        List<Long> follows = new ArrayList<>();
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            notifier.get("/api/notifications", followed.auth()).json().get("items").valueStream()
                    .filter(item -> "follow".equals(item.get("type").asString()))
                    .forEach(item -> follows.add(item.get("id").asLong()));
            return !follows.isEmpty();
        });
        ApiClient.Response read = notifier.send("POST", "/api/notifications/read?ids="
                + follows.stream().map(String::valueOf).collect(Collectors.joining(",")), null, null, followed.auth());
        if (read.status() != 200) {
            throw new IllegalStateException("marking the follow read failed: " + read.status() + " " + read.body());
        }
    }
}
