package io.bsocial.web.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Registers and logs in users with names unique within the test run (tests share one database).
 * Each registration comes from a client address of its own ({@link #clientAddress()}), as people
 * do: the budget of 5 registrations per address and 30 minutes holds in tests too, and the tests
 * that are about it choose their addresses themselves.
 */
public final class TestUsers {

    public static final String PASSWORD = "correct horse battery staple";

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final AtomicInteger ADDRESSES = new AtomicInteger();
    private static final String RUN = Long.toString(System.nanoTime() % 1_000_000, 36);

    private TestUsers() {
    }

    /**
     * A client address no other caller of the test run has, from 198.18.0.0/15 (RFC 2544's range for
     * benchmarks: no real client has one). Sent as {@code X-Forwarded-For}, which counts from
     * loopback, a trusted proxy.
     */
    public static String clientAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "198." + (18 + (n >> 16 & 1)) + "." + (n >> 8 & 255) + "." + (n & 255);
    }

    /** A MockMvc request from a client address of its own (MockMvc has no proxy valve to read headers). */
    public static RequestPostProcessor fromOwnAddress() {
        String address = clientAddress();
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    public static String uniqueUsername(String prefix) {
        return prefix + "_" + RUN + "_" + SEQUENCE.incrementAndGet();
    }

    public static Map<String, Object> registration(String username) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("firstName", "Test");
        body.put("lastName", "User " + username);
        body.put("username", username);
        body.put("email", username + "@example.com");
        body.put("password", PASSWORD);
        body.put("passwordConfirmation", PASSWORD);
        return body;
    }

    /** Registers a new user and logs in: the returned user holds its API token. */
    public static LoggedIn create(ApiClient api, String prefix) {
        String username = uniqueUsername(prefix);
        ApiClient.Response registered = api.post("/api/auth/register", ApiClient.json(registration(username)));
        if (registered.status() != 201) {
            throw new IllegalStateException("registration failed: " + registered.status() + " " + registered.body());
        }
        ApiClient.Response login = api.post("/api/auth/login",
                ApiClient.json(Map.of("login", username, "password", PASSWORD)));
        if (login.status() != 200) {
            throw new IllegalStateException("login failed: " + login.status() + " " + login.body());
        }
        return new LoggedIn(registered.json().get("id").asLong(), username, login.json().get("token").asString());
    }

    public static void follow(ApiClient api, LoggedIn follower, LoggedIn followee) {
        ApiClient.Response response = api.send("PUT", "/api/users/" + followee.username() + "/follow", null, null,
                follower.auth());
        if (response.status() != 204) {
            throw new IllegalStateException("follow failed: " + response.status() + " " + response.body());
        }
    }

    /** Creates a post and answers its id. */
    public static long post(ApiClient api, LoggedIn author, String content) {
        ApiClient.Response response = api.post("/api/posts", ApiClient.json(Map.of("content", content)), author.auth());
        if (response.status() != 201) {
            throw new IllegalStateException("post failed: " + response.status() + " " + response.body());
        }
        return response.json().get("id").asLong();
    }

    /** A comment by {@code who} on the post; answers its id. */
    public static long comment(ApiClient api, LoggedIn who, long postId, String content) {
        ApiClient.Response response = api.post("/api/posts/" + postId + "/comments",
                ApiClient.json(Map.of("content", content)), who.auth());
        if (response.status() != 201) {
            throw new IllegalStateException("comment failed: " + response.status() + " " + response.body());
        }
        return response.json().get("id").asLong();
    }

    public record LoggedIn(long id, String username, String token) {

        /** Header arguments for {@link ApiClient} calls made as this user. */
        public String[] auth() {
            return new String[] {"X-Auth-Token", token};
        }
    }
}
