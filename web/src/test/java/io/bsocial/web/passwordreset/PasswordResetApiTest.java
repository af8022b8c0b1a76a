package io.bsocial.web.passwordreset;

import static io.bsocial.web.support.ProblemAssertions.assertPastBudget;
import static io.bsocial.web.support.ProblemAssertions.assertProblem;
import static io.bsocial.web.support.ProblemAssertions.fields;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.bsocial.web.WebIntegrationTest;
import io.bsocial.web.support.ApiClient;
import io.bsocial.web.support.ApiClient.Response;
import io.bsocial.web.support.TestUsers;

/**
 * Password reset by e-mail through the real API, with the mail read from a real SMTP server
 * (GreenMail) as a person would read it: the link works once, for 30 minutes (time is a clock the
 * test moves), ends every session, token and device cookie, and only its digest is stored; an
 * unknown address answers the same and mails nothing; the budget holds per client address and per
 * e-mail address. On H2 and PostgreSQL.
 */
@WebIntegrationTest
@Import(PasswordResetApiTest.MovableClockConfiguration.class)
class PasswordResetApiTest {

    static final int SMTP_PORT = freePort();
    static final Pattern LINK = Pattern.compile("http://localhost:8080/password-reset/([A-Za-z0-9_-]{43})");
    static final String NEW_PASSWORD = "a brand new passphrase";
    static final Pattern FORM_CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @RegisterExtension
    static final GreenMailExtension mail = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"))
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MovableClock clock;

    ApiClient api;

    @BeforeEach
    void client() throws Exception {
        api = new ApiClient(port);
        mail.purgeEmailFromAllMailboxes();
    }

    @Test
    void theMailedLinkSetsANewPasswordOnceAndEndsEverySessionTokenAndDevice() throws Exception {
        TestUsers.LoggedIn owner = TestUsers.create(api, "reset");
        String email = owner.username() + "@example.com";
        Response browser = login(owner.username(), TestUsers.PASSWORD);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM device_cookies WHERE account_id = ?").param(owner.id())
                .query(Long.class).single()).isPositive();

        Response asked = ask(email.toUpperCase(), TestUsers.clientAddress());
        assertThat(asked.status()).as(asked.body()).isEqualTo(202);
        MimeMessage received = onlyMail();
        assertThat(received.getAllRecipients()[0].toString()).isEqualTo(email);
        assertThat(received.getFrom()[0].toString()).isEqualTo("bsocial@localhost");
        String token = token(received);

        // Only the token's SHA-256 digest is stored.
        List<String> stored = jdbc.sql("SELECT token_hash FROM password_resets WHERE account_id = ?")
                .param(owner.id()).query(String.class).list();
        assertThat(stored).containsExactly(sha256(token));
        assertThat(String.join(",", stored)).doesNotContain(token);

        // Registration's rules, every error at once; a refused password leaves the link usable.
        Response invalid = reset(token, "short", "other");
        assertProblem(invalid, 400);
        assertThat(fields(invalid)).containsExactly("password", "passwordConfirmation");
        assertThat(fields(reset(token, NEW_PASSWORD, NEW_PASSWORD + "!"))).containsExactly("passwordConfirmation");
        assertThat(fields(reset(token, "new\u0000password", "new\u0000password"))).containsExactly("password");

        Response done = reset(token, NEW_PASSWORD, NEW_PASSWORD);
        assertThat(done.status()).as(done.body()).isEqualTo(204);

        assertProblem(api.get("/api/me", "X-Auth-Token", owner.token()), 401);
        assertProblem(api.get("/api/me", "Cookie", "SESSION=" + browser.sessionCookie()), 401);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM device_cookies WHERE account_id = ?").param(owner.id())
                .query(Long.class).single()).as("every device cookie revoked").isZero();
        assertProblem(login(owner.username(), TestUsers.PASSWORD), 401);
        Response again = login(owner.username(), NEW_PASSWORD);
        assertThat(again.status()).isEqualTo(200);
        assertThat(api.get("/api/me", "X-Auth-Token", again.json().get("token").asString()).status()).isEqualTo(200);

        assertProblem(reset(token, "yet another passphrase", "yet another passphrase"), 404);
        assertThat(login(owner.username(), NEW_PASSWORD).status()).as("the used link changed nothing").isEqualTo(200);
    }

    @Test
    void anUnknownAddressAnswersTheSameAndMailsNobody() throws Exception {
        TestUsers.LoggedIn known = TestUsers.create(api, "resetknown");
        Response unknown = ask("nobody-" + known.username() + "@example.com", TestUsers.clientAddress());
        Response existing = ask(known.username() + "@example.com", TestUsers.clientAddress());

        assertThat(unknown.status()).isEqualTo(202);
        assertThat(existing.status()).isEqualTo(202);
        assertThat(unknown.body()).isEqualTo(existing.body());
        // Mail leaves in order, one at a time: once the known address's mail is there, the unknown
        // address's would be too.
        assertThat(onlyMail().getAllRecipients()[0].toString()).isEqualTo(known.username() + "@example.com");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM password_resets WHERE account_id = ?").param(known.id())
                .query(Long.class).single()).isEqualTo(1);

        assertThat(fields(ask("not an address", TestUsers.clientAddress()))).containsExactly("email");
        assertThat(fields(api.post("/api/auth/password-reset", "{}", "X-Forwarded-For", TestUsers.clientAddress())))
                .containsExactly("email");
        assertThat(api.send("POST", "/api/auth/password-reset", "application/x-www-form-urlencoded", "email=a%40b.c",
                "X-Forwarded-For", TestUsers.clientAddress()).status()).isEqualTo(415);
    }

    @Test
    void aLinkWorksThirtyMinutesAndAnUnknownOneIs404() throws Exception {
        TestUsers.LoggedIn owner = TestUsers.create(api, "resetexp");
        assertThat(ask(owner.username() + "@example.com", TestUsers.clientAddress()).status()).isEqualTo(202);
        String token = token(onlyMail());

        clock.advance(Duration.ofMinutes(29));
        assertThat(api.get("/password-reset/" + token).status()).as("the page still offers the form").isEqualTo(200);
        clock.advance(Duration.ofMinutes(2));
        assertProblem(reset(token, NEW_PASSWORD, NEW_PASSWORD), 404);
        assertThat(api.get("/password-reset/" + token).status()).isEqualTo(404);
        assertThat(login(owner.username(), TestUsers.PASSWORD).status()).as("nothing changed").isEqualTo(200);

        assertProblem(reset("A".repeat(43), NEW_PASSWORD, NEW_PASSWORD), 404);
        assertProblem(reset("not-a-token", NEW_PASSWORD, NEW_PASSWORD), 404);
    }

    @Test
    void fiveRequestsPerClientAddressAndFivePerEmailAddress() throws Exception {
        String address = TestUsers.clientAddress();
        for (int i = 0; i < 5; i++) {
            assertThat(ask("someone" + i + "-" + address + "@example.com", address).status()).isEqualTo(202);
        }
        assertPastBudget(ask("one-more-" + address + "@example.com", address), "password-resets", 5, 1800);

        // From many addresses, one mailbox still gets at most five links.
        TestUsers.LoggedIn victim = TestUsers.create(api, "resetvictim");
        String email = victim.username() + "@example.com";
        for (int i = 0; i < 5; i++) {
            assertThat(ask(email, TestUsers.clientAddress()).status()).isEqualTo(202);
        }
        assertPastBudget(ask(email.toUpperCase(), TestUsers.clientAddress()), "password-resets", 5, 1800);
        assertThat(mail.waitForIncomingEmail(10_000, 5)).isTrue();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM password_resets WHERE account_id = ?").param(victim.id())
                .query(Long.class).single()).as("nothing written past the budget").isEqualTo(5);
    }

    @Test
    void thePagesTakeAnAnonymousPersonFromTheLoginPageToANewPassword() throws Exception {
        TestUsers.LoggedIn owner = TestUsers.create(api, "resetpage");
        assertThat(api.get("/login").body()).contains("href=\"/password-reset\"", "Forgot password?");

        Response form = api.get("/password-reset");
        assertThat(form.status()).isEqualTo(200);
        String cookie = "SESSION=" + form.sessionCookie();
        Response invalid = formPost("/password-reset", cookie, csrf(form), Map.of("email", "nope"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body()).contains("E-mail must be a valid address.");
        Response sent = formPost("/password-reset", cookie, csrf(form), Map.of("email", owner.username() + "@example.com"));
        assertThat(sent.status()).isEqualTo(302);
        assertThat(sent.header("Location")).endsWith("/password-reset/sent");
        assertThat(api.get("/password-reset/sent").body()).contains("If an account has this address, we sent a link");
        String token = token(onlyMail());

        Response newPassword = api.get("/password-reset/" + token);
        assertThat(newPassword.status()).isEqualTo(200);
        String newCookie = "SESSION=" + newPassword.sessionCookie();
        Response mismatch = formPost("/password-reset/" + token, newCookie, csrf(newPassword),
                Map.of("password", NEW_PASSWORD, "passwordConfirmation", "something else"));
        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(mismatch.body()).contains("Passwords do not match.").doesNotContain(NEW_PASSWORD);
        Response done = formPost("/password-reset/" + token, newCookie, csrf(newPassword),
                Map.of("password", NEW_PASSWORD, "passwordConfirmation", NEW_PASSWORD));
        assertThat(done.status()).isEqualTo(302);
        assertThat(done.header("Location")).endsWith("/login?reset");
        assertThat(api.get("/login?reset").body()).contains("Your password is changed");
        assertThat(login(owner.username(), NEW_PASSWORD).status()).isEqualTo(200);

        assertThat(api.get("/password-reset/" + token).status()).as("used").isEqualTo(404);
        assertThat(api.get("/password-reset/" + token).body()).contains("This link no longer works");
    }

    private Response formPost(String path, String cookie, String csrf, Map<String, String> fields) {
        StringBuilder body = new StringBuilder("_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8));
        fields.forEach((name, value) -> body.append('&').append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return api.send("POST", path, "application/x-www-form-urlencoded", body.toString(), "Cookie", cookie,
                "X-Forwarded-For", TestUsers.clientAddress(), "Accept", "text/html");
    }

    private static String csrf(Response page) {
        Matcher token = FORM_CSRF.matcher(page.body());
        assertThat(token.find()).as("a CSRF token in the form").isTrue();
        return token.group(1);
    }

    private Response ask(String email, String client) {
        return api.post("/api/auth/password-reset", ApiClient.json(Map.of("email", email)), "X-Forwarded-For", client);
    }

    private Response reset(String token, String password, String confirmation) {
        return api.post("/api/auth/password-reset/" + token,
                ApiClient.json(Map.of("password", password, "passwordConfirmation", confirmation)));
    }

    private Response login(String login, String password) {
        return api.post("/api/auth/login", ApiClient.json(Map.of("login", login, "password", password)),
                "X-Forwarded-For", TestUsers.clientAddress());
    }

    private static MimeMessage onlyMail() {
        assertThat(mail.waitForIncomingEmail(10_000, 1)).as("a mail arrived").isTrue();
        MimeMessage[] received = mail.getReceivedMessages();
        assertThat(received).hasSize(1);
        return received[0];
    }

    private static String token(MimeMessage message) {
        Matcher link = LINK.matcher(GreenMailUtil.getBody(message));
        assertThat(link.find()).as("the mail holds the link").isTrue();
        return link.group(1);
    }

    private static String sha256(String token) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class MovableClockConfiguration {

        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }

    /** The application's clock, moved by the test. */
    static final class MovableClock extends Clock {

        private volatile Duration ahead = Duration.ZERO;

        void advance(Duration by) {
            ahead = ahead.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(ahead);
        }
    }
}
