package io.bsocial.web.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;

import org.apache.catalina.Valve;
import org.apache.catalina.util.NetMaskSet;
import org.apache.catalina.valves.RemoteIpValve;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.test.context.TestPropertySource;

import io.bsocial.shared.testing.LocalAddresses;
import io.bsocial.shared.testing.OperatorEndpointSpellings;
import io.bsocial.web.WebAppTest;
import io.bsocial.web.support.ApiClient;
import io.bsocial.web.support.TestUsers;
import io.bsocial.web.support.TestUsers.LoggedIn;

/**
 * What web tells whom: anonymous callers get a health status only, details and metrics are for
 * operators (loopback, or the operator token); forwarded headers count only from loopback and the
 * configured proxies; the session cookie is Secure when the request was HTTPS.
 */
@WebAppTest
@TestPropertySource(properties = {"bsocial.operator.token=test-operator-token", "bsocial.trusted-proxies=198.51.100.7, 198.51.100.128/25"})
class InternalSurfacesTest {

    /** A client on the internet, as a trusted proxy (here: loopback) reports it. */
    static final String[] FROM_ELSEWHERE = {"X-Forwarded-For", "203.0.113.9"};

    @LocalServerPort
    int port;

    @Autowired
    ServletWebServerApplicationContext context;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @Test
    void anonymousCallersFromElsewhereGetTheHealthStatusOnly() {
        ApiClient.Response health = api.get("/actuator/health", FROM_ELSEWHERE);

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
        assertThat(health.json().propertyNames()).doesNotContain("components", "details");
        assertThat(health.body()).doesNotContain("outbox", "maxAgeSeconds", "db");
    }

    @Test
    void operatorsGetDetailsFromLoopbackOrWithTheToken() {
        assertThat(api.get("/actuator/health").json().get("components").get("outbox").get("details").has("maxAgeSeconds"))
                .isTrue();
        ApiClient.Response withToken = api.get("/actuator/health", "X-Forwarded-For", "203.0.113.9",
                "X-Operator-Token", "test-operator-token");
        assertThat(withToken.json().has("components")).isTrue();
        ApiClient.Response wrongToken = api.get("/actuator/health", "X-Forwarded-For", "203.0.113.9",
                "X-Operator-Token", "guess");
        assertThat(wrongToken.json().has("components")).isFalse();
    }

    @Test
    void metricsAreForOperatorsNotForEveryLoggedInUser() {
        LoggedIn user = TestUsers.create(api, "metrics");
        ApiClient.Response asUser = api.get("/actuator/metrics", "X-Auth-Token", user.token(),
                "X-Forwarded-For", "203.0.113.9");
        assertThat(asUser.status()).isEqualTo(403);
        assertThat(asUser.header("Content-Type")).startsWith("application/problem+json");
        assertThat(api.get("/actuator/metrics", FROM_ELSEWHERE).status()).isEqualTo(403);

        assertThat(api.get("/actuator/metrics").status()).isEqualTo(200);
        assertThat(api.get("/actuator/metrics/bsocial.outbox.oldest.age", "X-Forwarded-For", "203.0.113.9",
                "X-Operator-Token", "test-operator-token").status()).isEqualTo(200);
    }

    /**
     * Every operator endpoint web lists, spelled every way a router still understands
     * ({@code /%61ctuator/metrics} answered the operator's data to anyone before Spring Security
     * matched the Actuator on the normalised path), by GET and POST, from an outside client and
     * from an outside logged-in user: refused every time. The operator still reaches them.
     */
    @Test
    void operatorEndpointsRefuseOutsideClientsHoweverTheirPathIsSpelled() {
        OperatorEndpointSpellings endpoints = new OperatorEndpointSpellings(port,
                Map.of("command", "rebuild", "target", "all", "requiredMetricName", "jvm.threads.live"));
        assertThat(endpoints.operatorPaths()).contains("/actuator", "/actuator/metrics", "/actuator/outbox",
                "/actuator/outbox/all", "/actuator/timelines", "/actuator/timelines/rebuild");

        endpoints.assertOutsideClientsAreRefusedHoweverSpelled();
        LoggedIn user = TestUsers.create(api, "spelling");
        endpoints.assertOutsideClientsAreRefusedHoweverSpelled("X-Auth-Token", user.token());
        endpoints.assertTheOperatorReachesEndpointsSpelledAnyWay("X-Forwarded-For", OperatorEndpointSpellings.OUTSIDE_CLIENT,
                "X-Operator-Token", "test-operator-token");
    }

    @Test
    void forwardedHeadersCountOnlyFromLoopbackAndConfiguredProxies() {
        NetMaskSet trusted = NetMaskSet.parse(remoteIpValve().getInternalProxies());
        assertThat(Arrays.asList("127.0.0.1", "127.1.2.3", "0:0:0:0:0:0:0:1", "198.51.100.7", "198.51.100.129", "198.51.100.254"))
                .allSatisfy(address -> assertThat(contains(trusted, address)).as(address).isTrue());
        assertThat(Arrays.asList("10.0.0.1", "172.16.5.4", "192.168.1.1", "169.254.1.1", "100.64.0.1", "198.51.100.70", "198.51.100.127",
                "192.0.3.1"))
                .allSatisfy(address -> assertThat(contains(trusted, address)).as(address).isFalse());
    }

    private static boolean contains(NetMaskSet ranges, String address) {
        try {
            return ranges.contains(address);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aCallerThatIsNotATrustedProxyCannotClaimToBeLoopback() {
        ApiClient fromTheNetwork = new ApiClient("http://" + LocalAddresses.nonLoopback() + ":" + port);
        ApiClient.Response health = fromTheNetwork.get("/actuator/health", "X-Forwarded-For", "127.0.0.1");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().has("components")).isFalse();
        assertThat(fromTheNetwork.get("/actuator/metrics", "X-Forwarded-For", "127.0.0.1").status()).isEqualTo(403);
    }

    @Test
    void theSessionCookieIsSecureWhenTheRequestWasHttps() {
        LoggedIn user = TestUsers.create(api, "secure");
        String login = ApiClient.json(java.util.Map.of("login", user.username(), "password", TestUsers.PASSWORD));

        assertThat(setCookie(api.post("/api/auth/login", login, "X-Forwarded-Proto", "https"))).contains("Secure");
        assertThat(setCookie(api.post("/api/auth/login", login))).doesNotContain("Secure");
    }

    private static String setCookie(ApiClient.Response response) {
        assertThat(response.status()).isEqualTo(200);
        return response.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("set-cookie"))
                .flatMap(e -> e.getValue().stream()).filter(c -> c.startsWith("SESSION=")).findFirst().orElseThrow();
    }

    private RemoteIpValve remoteIpValve() {
        Valve[] valves = ((TomcatWebServer) context.getWebServer()).getTomcat().getEngine().getPipeline().getValves();
        return Arrays.stream(valves).filter(RemoteIpValve.class::isInstance).map(RemoteIpValve.class::cast)
                .findFirst().orElseThrow();
    }
}
