package io.bsocial.web.security.internal;

import static io.bsocial.web.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import io.bsocial.web.WebIntegrationTest;
import io.bsocial.web.support.ApiClient;
import io.bsocial.web.support.ApiClient.Response;
import io.bsocial.web.support.TestUsers;

/**
 * Only one password hash at a time, and no waiting: when many logins and registrations arrive
 * together, those over the bound answer 503 with {@code Retry-After} at once instead of piling
 * up 19 MiB hashes in the heap. (More passes make each hash slow enough that the requests overlap.)
 */
@WebIntegrationTest
@TestPropertySource(properties = {
        "bsocial.password-hashing.max-concurrent=1",
        "bsocial.password-hashing.max-wait=0s",
        "bsocial.password-hashing.iterations=8"})
class PasswordHashingBoundTest {

    private static final int CLIENTS = 10;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;
    ExecutorService clients;

    @BeforeEach
    void clients() {
        api = new ApiClient(port);
        clients = Executors.newFixedThreadPool(CLIENTS);
    }

    @AfterEach
    void stop() {
        clients.shutdownNow();
    }

    @Test
    void loginsOverTheBoundAnswer503WithRetryAfter() {
        String username = register(TestUsers.uniqueUsername("bound"));

        List<Response> answers = together(() -> new ApiClient(port).post("/api/auth/login",
                ApiClient.json(Map.of("login", username, "password", TestUsers.PASSWORD))));

        assertThat(answers).extracting(Response::status).containsOnly(200, 503).contains(200, 503);
        answers.stream().filter(r -> r.status() == 503).forEach(PasswordHashingBoundTest::assertBusy);
    }

    @Test
    void registrationsOverTheBoundAnswer503AndStoreNothing() {
        String prefix = TestUsers.uniqueUsername("many");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            names.add(prefix + "_" + i);
        }
        List<Response> answers = together(names.stream().<Supplier<Response>>map(name -> () -> new ApiClient(port)
                .post("/api/auth/register", ApiClient.json(TestUsers.registration(name)))).toList());

        assertThat(answers).extracting(Response::status).containsOnly(201, 503).contains(201, 503);
        answers.stream().filter(r -> r.status() == 503).forEach(PasswordHashingBoundTest::assertBusy);
        long created = answers.stream().filter(r -> r.status() == 201).count();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM users WHERE username LIKE ?").param(prefix + "\\_%")
                .query(Long.class).single()).isEqualTo(created);
    }

    @Test
    void theLoginAndRegistrationPagesSayTheServerIsBusy() {
        String username = register(TestUsers.uniqueUsername("pagebound"));
        List<Supplier<Response>> logins = new ArrayList<>();
        List<Supplier<Response>> registrations = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            logins.add(form("/login", "login=" + enc(username) + "&password=" + enc(TestUsers.PASSWORD)));
            String name = TestUsers.uniqueUsername("pagereg");
            registrations.add(form("/register", "firstName=Page&lastName=User&username=" + name + "&email=" + name
                    + "%40example.com&password=" + enc(TestUsers.PASSWORD) + "&passwordConfirmation="
                    + enc(TestUsers.PASSWORD)));
        }

        List<Response> loginAnswers = together(logins);
        assertThat(loginAnswers).extracting(Response::status).containsOnly(302, 503).contains(302, 503);
        loginAnswers.stream().filter(r -> r.status() == 503).forEach(PasswordHashingBoundTest::assertBusyPage);

        List<Response> registerAnswers = together(registrations);
        assertThat(registerAnswers).extracting(Response::status).containsOnly(302, 503).contains(302, 503);
        registerAnswers.stream().filter(r -> r.status() == 503).forEach(PasswordHashingBoundTest::assertBusyPage);
    }

    private static void assertBusy(Response response) {
        assertProblem(response, 503);
        assertThat(Long.parseLong(response.header("Retry-After"))).isPositive();
    }

    private static void assertBusyPage(Response response) {
        assertThat(response.header("Content-Type")).startsWith("text/html");
        assertThat(Long.parseLong(response.header("Retry-After"))).isPositive();
        assertThat(response.body()).contains("very busy").doesNotContain("Exception");
    }

    private String register(String username) {
        assertThat(api.post("/api/auth/register", ApiClient.json(TestUsers.registration(username))).status())
                .isEqualTo(201);
        return username;
    }

    private List<Response> together(Supplier<Response> request) {
        List<Supplier<Response>> requests = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            requests.add(request);
        }
        return together(requests);
    }

    /** Sends every request at the same moment, each from its own client, and collects the answers. */
    private List<Response> together(List<Supplier<Response>> requests) {
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Response>> answers = requests.stream()
                .map(request -> CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return request.get();
                }, clients))
                .toList();
        start.countDown();
        return answers.stream().map(CompletableFuture::join).toList();
    }

    /** A page form, ready to send: its CSRF token and session cookie come from the page itself. */
    private Supplier<Response> form(String path, String fields) {
        Response page = api.get(path);
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(token.find()).isTrue();
        String body = fields + "&_csrf=" + enc(token.group(1));
        String cookie = "SESSION=" + page.sessionCookie();
        return () -> new ApiClient(port).send("POST", path, "application/x-www-form-urlencoded", body,
                "Cookie", cookie);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
