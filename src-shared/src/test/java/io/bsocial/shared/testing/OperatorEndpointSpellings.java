package io.bsocial.shared.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Proves, for one running service, that every operator endpoint refuses an outside client however
 * its path is spelled ({@link PathSpellings}), while the operator still reaches it. The endpoints
 * are not typed here: they are what the service's own endpoint list ({@code GET /actuator}, asked
 * from loopback) names, so an endpoint added later is checked without touching a test. The
 * outside client is what a trusted proxy (here loopback) reports in {@code X-Forwarded-For}.
 */
public final class OperatorEndpointSpellings {

    /** A client on the internet, as the trusted proxy reports it. */
    public static final String OUTSIDE_CLIENT = "203.0.113.9";

    /** Refusals: bad request (the firewall), not authenticated, forbidden, no such route, wrong method or type. */
    private static final Set<Integer> REFUSED = Set.of(400, 401, 403, 404, 405, 415);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\*?([A-Za-z]+)}");

    private final int port;
    private final Map<String, String> samples;

    /**
     * @param samples a value for each path variable of the service's endpoints (e.g. {@code command}
     *                → {@code rebuild}); any other variable is filled with {@code x}
     */
    public OperatorEndpointSpellings(int port, Map<String, String> samples) {
        this.port = port;
        this.samples = samples;
    }

    /** The paths the service's endpoint list names, variables filled in; health's status is public, so it is apart. */
    public List<String> operatorPaths() {
        RawRequests.Answer links = RawRequests.get(port, "/actuator");
        assertThat(links.status()).as("the endpoint list, from loopback").isEqualTo(200);
        JsonNode json = JsonMapper.builder().build().readTree(links.body());
        Set<String> paths = new LinkedHashSet<>();
        for (JsonNode link : json.get("_links")) {
            String href = link.get("href").asString();
            String path = href.substring(href.indexOf('/', href.indexOf("//") + 2));
            Matcher variable = PLACEHOLDER.matcher(path);
            StringBuilder filled = new StringBuilder();
            while (variable.find()) {
                variable.appendReplacement(filled, samples.getOrDefault(variable.group(1), "x"));
            }
            variable.appendTail(filled);
            if (!filled.toString().equals("/actuator/health")) {
                paths.add(filled.toString());
            }
        }
        return List.copyOf(paths);
    }

    /**
     * Every spelling of every operator path, by GET and by POST, from the outside client: refused
     * (never a 2xx, never a redirect elsewhere than the login page, never a 5xx), with none of the
     * operator's data in the answer. Health, spelled any way, tells the outside client its status only.
     * Returns how many requests were sent.
     */
    public int assertOutsideClientsAreRefusedHoweverSpelled(String... extraHeaders) {
        int sent = 0;
        List<String> failures = new ArrayList<>();
        for (String path : operatorPaths()) {
            for (String spelling : PathSpellings.of(path)) {
                for (String method : List.of("GET", "POST")) {
                    RawRequests.Answer answer = RawRequests.send(port, method, spelling, method.equals("POST") ? "{}" : null,
                            headers(extraHeaders, "X-Forwarded-For", OUTSIDE_CLIENT, "Content-Type", "application/json"));
                    sent++;
                    if (!refused(answer)) {
                        failures.add(method + " " + spelling + " → " + answer);
                    }
                }
            }
        }
        for (String spelling : PathSpellings.of("/actuator/health")) {
            RawRequests.Answer answer = RawRequests.get(port, spelling,
                    headers(extraHeaders, "X-Forwarded-For", OUTSIDE_CLIENT));
            sent++;
            boolean statusOnly = answer.status() == 200 && answer.body().contains("\"status\"")
                    && !answer.body().contains("\"components\"") && !answer.body().contains("\"details\"");
            if (!statusOnly && !refused(answer)) {
                failures.add("GET " + spelling + " → " + answer);
            }
        }
        assertThat(failures).as("operator data or commands reached from outside").isEmpty();
        return sent;
    }

    /**
     * The check is the router's, not a string's: the operator reaches each readable endpoint by its
     * plain path and by at least one percent-encoded spelling of it (so the spellings above did
     * reach the Actuator, and were refused for who sent them, not for how).
     */
    public void assertTheOperatorReachesEndpointsSpelledAnyWay(String... operatorHeaders) {
        for (String path : List.of("/actuator", "/actuator/health")) {
            assertThat(RawRequests.get(port, path, operatorHeaders).status()).as(path).isEqualTo(200);
            String encoded = "/%61" + path.substring(2);
            RawRequests.Answer spelled = RawRequests.get(port, encoded, operatorHeaders);
            assertThat(spelled.status()).as(encoded).isEqualTo(200);
            if (path.equals("/actuator/health")) {
                assertThat(spelled.body()).as("health details for the operator, spelled " + encoded).contains("\"components\"");
            }
        }
    }

    private static boolean refused(RawRequests.Answer answer) {
        if (answer.status() == 302) {
            String location = answer.header("Location");
            return location != null && location.matches("https?://[^/]+/login(\\?.*)?|/login(\\?.*)?");
        }
        return REFUSED.contains(answer.status()) && !answer.body().contains("\"components\"")
                && !answer.body().contains("\"_links\"") && !answer.body().contains("\"measurements\"");
    }

    private static String[] headers(String[] extra, String... base) {
        String[] all = new String[extra.length + base.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return all;
    }
}
