package io.bsocial.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * The public JSON API of web, as the benchmark's users call it. With an operator token every call
 * carries it ({@code X-Operator-Token}), and spends no budget.
 */
final class WebApi {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final String OPERATOR_TOKEN = "X-Operator-Token";

    private final String base;
    private final String operatorToken;

    WebApi(String base) {
        this(base, "");
    }

    WebApi(String base, String operatorToken) {
        this.base = base;
        this.operatorToken = operatorToken == null ? "" : operatorToken;
    }

    /** The same API as a client without the operator token: budgets apply. */
    WebApi withoutOperatorToken() {
        return new WebApi(base);
    }

    String url(String path) {
        return base + path;
    }

    boolean healthy(String serviceBase) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(serviceBase + "/actuator/health"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException | InterruptedException unreachable) {
            return false;
        }
    }

    /** The session token of a login, or an exception saying why there is none. */
    String login(String login, String password) throws IOException, InterruptedException {
        HttpResponse<String> response = post("/api/auth/login", null, Map.of("login", login, "password", password));
        JsonNode token = Json.tree(response.body()).get("token");
        if (response.statusCode() != 200 || token == null) {
            throw new IllegalStateException("could not log in " + login + ": HTTP " + response.statusCode());
        }
        return token.asString();
    }

    HttpResponse<String> post(String path, String token, Object body) throws IOException, InterruptedException {
        return post(path, token, body, new String[0]);
    }

    /** A POST with more headers (name, value, …), such as {@code X-Forwarded-For}. */
    HttpResponse<String> post(String path, String token, Object body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(Json.write(body)));
        if (token != null) {
            request.header("X-Auth-Token", token);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(asOperator(request).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A call without a body, answered as it came (status and text). */
    HttpResponse<String> call(String method, String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofMinutes(60))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("X-Auth-Token", token);
        }
        return HTTP.send(asOperator(request).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Registers a user with the benchmark's password (201, or 409 when the name is taken). */
    int register(String username, String firstName, String lastName) throws IOException, InterruptedException {
        return post("/api/auth/register", null, account(username, firstName, lastName)).statusCode();
    }

    /** What registering {@code username} sends, with the benchmark's password. */
    static Map<String, String> account(String username, String firstName, String lastName) {
        Map<String, String> account = new java.util.LinkedHashMap<>();
        account.put("firstName", firstName);
        account.put("lastName", lastName);
        account.put("username", username);
        account.put("email", username + "@bench.bsocial.io");
        account.put("password", Bench.PASSWORD);
        account.put("passwordConfirmation", Bench.PASSWORD);
        return account;
    }

    JsonNode get(String path, String token) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(asOperator(HttpRequest.newBuilder(URI.create(url(path)))
                .header("X-Auth-Token", token)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered HTTP " + response.statusCode());
        }
        return Json.tree(response.body());
    }

    private HttpRequest.Builder asOperator(HttpRequest.Builder request) {
        return operatorToken.isBlank() ? request : request.header(OPERATOR_TOKEN, operatorToken);
    }

    /** Sends a body of any content type to any URL (OpenSearch's _bulk and _count). */
    static HttpResponse<String> send(String method, String url, String body, String contentType)
            throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
