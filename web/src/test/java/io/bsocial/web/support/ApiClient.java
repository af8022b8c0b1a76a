package io.bsocial.web.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for the JSON API of a running test server: real Tomcat, real filters, real
 * session cookies and headers, nothing mocked. A registration (API or page form) that names no
 * {@code X-Forwarded-For} comes from a client address of its own ({@link TestUsers#clientAddress()}),
 * as each person registering does, so that tests registering many users stay within the budget
 * of registrations per address.
 */
public class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public ApiClient(int port) {
        this("http://localhost:" + port);
    }

    public ApiClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public Response get(String path, String... headers) {
        return send(request(path, headers).GET());
    }

    public Response post(String path, String json, String... headers) {
        return send(request(path, ownAddressIfRegistering("POST", path, headers)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response send(String method, String path, String contentType, String body, String... headers) {
        HttpRequest.Builder builder = request(path, ownAddressIfRegistering(method, path, headers));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        return send(builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)));
    }

    public static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    public static String json(Map<String, ?> fields) {
        return JSON.writeValueAsString(fields);
    }

    private static String[] ownAddressIfRegistering(String method, String path, String[] headers) {
        boolean registering = "POST".equals(method) && (path.equals("/api/auth/register") || path.equals("/register"));
        for (int i = 0; registering && i + 1 < headers.length; i += 2) {
            registering = !headers[i].equalsIgnoreCase("X-Forwarded-For");
        }
        if (!registering) {
            return headers;
        }
        String[] withAddress = java.util.Arrays.copyOf(headers, headers.length + 2);
        withAddress[headers.length] = "X-Forwarded-For";
        withAddress[headers.length + 1] = TestUsers.clientAddress();
        return withAddress;
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    private Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Response(int status, Map<String, java.util.List<String>> headers, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        /** The value of the SESSION cookie this response sets, or null. */
        public String sessionCookie() {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("set-cookie"))
                    .flatMap(e -> e.getValue().stream())
                    .filter(c -> c.startsWith("SESSION="))
                    .map(c -> c.substring("SESSION=".length(), c.indexOf(';')))
                    .findFirst().orElse(null);
        }
    }
}
