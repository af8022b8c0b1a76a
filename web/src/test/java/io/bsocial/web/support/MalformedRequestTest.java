package io.bsocial.web.support;

import static io.bsocial.web.support.ProblemAssertions.assertProblem;
import static io.bsocial.web.support.ProblemAssertions.fields;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.bsocial.web.WebIntegrationTest;
import io.bsocial.web.support.ApiClient.Response;
import io.bsocial.web.support.TestUsers.LoggedIn;

/**
 * Requests whose address itself is broken are stopped at different layers (Tomcat's connector,
 * Tomcat's parameter parser, Spring Security's firewall); under {@code /api} each answers a 400
 * problem document, and pages a plain error page, never a 500 or a container's HTML.
 */
@WebIntegrationTest
class MalformedRequestTest {

    @LocalServerPort
    int port;

    LoggedIn user;

    @BeforeEach
    void user() {
        user = TestUsers.create(new ApiClient(port), "malformed");
    }

    @Test
    void malformedPercentEncodingInTheQueryIsA400Problem() {
        for (String target : new String[] {"/api/feed?cursor=%%%", "/api/feed?limit=%zz", "/api/users?q=abc%",
                "/api/users?q=%C3%28", "/api/feed?%zz=1", "/api/feed?a%01b=1"}) {
            assertProblem(raw(target), 400);
        }
    }

    @Test
    void anEncodedNulOrSlashInThePathIsA400Problem() {
        for (String target : new String[] {"/api/users/%00", "/api/users/a%00b", "/api/users/a%2Fb",
                "/api/users/%25", "/api/users/a%5Cb"}) {
            Response response = raw(target);
            assertProblem(response, 400);
            assertThat(response.body()).as(target).doesNotContain("<html").doesNotContain("Tomcat");
        }
    }

    @Test
    void controlCharactersInASearchAreRefusedNotSentToTheDatabase() {
        for (String target : new String[] {"/api/users?q=%00", "/api/users?q=a%00", "/api/users?q=%1B"}) {
            Response response = raw(target);
            assertProblem(response, 400);
            assertThat(fields(response)).as(target).containsExactly("q");
        }
        assertThat(raw("/api/users?q=" + user.username()).status()).isEqualTo(200);
    }

    @Test
    void pagesAnswerAPlainErrorPageNotA500() {
        for (String target : new String[] {"/?cursor=%%%", "/feed/more?cursor=%zz", "/people?a%01b=1", "/users/%00",
                "/users/%25"}) {
            Response response = RawHttp.get(port, target, "X-Auth-Token", user.token(), "Accept", "text/html");
            assertThat(response.status()).as(target).isEqualTo(400);
            assertThat(response.header("Content-Type")).as(target).startsWith("text/html");
            assertThat(response.body()).as(target).doesNotContain("Exception").doesNotContain("Tomcat")
                    .doesNotContain("\tat ");
        }
    }

    private Response raw(String target) {
        return RawHttp.get(port, target, "X-Auth-Token", user.token());
    }
}
