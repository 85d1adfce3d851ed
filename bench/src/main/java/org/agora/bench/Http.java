package org.agora.bench;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small blocking HTTP client for JSON APIs (the app and Keycloak), shared by every voter thread. */
final class Http {

    /** What came back, and how long it took from sending the request to the end of the body. */
    record Reply(int status, String body, long nanos) {

        JsonObject json() {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }

        JsonArray array() {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                return reader.readArray();
            }
        }

        Reply expect(int wanted, String what) {
            if (status != wanted) {
                throw new IllegalStateException(what + ": HTTP " + status + " instead of " + wanted + ": " + body);
            }
            return this;
        }
    }

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    /** The client itself, for asynchronous sends (the open-loop voters). */
    HttpClient client() {
        return client;
    }

    Reply get(String url, String token) {
        return send(request(url, token).GET());
    }

    Reply json(String method, String url, String token, String body) {
        return send(request(url, token).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)));
    }

    Reply form(String url, String token, String form) {
        return send(request(url, token).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** A prepared request: built before the clock starts, so that only the exchange is timed. */
    HttpRequest prepared(String method, String url, String token, String body) {
        return request(url, token).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build();
    }

    Reply send(HttpRequest request) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), System.nanoTime() - start);
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Reply send(HttpRequest.Builder request) {
        return send(request.build());
    }

    /** A request with a longer timeout than the default two minutes (the count of a million sealed ballots). */
    Reply getSlowly(String url, String token, Duration timeout) {
        return send(request(url, token).timeout(timeout).GET());
    }

    static HttpRequest.Builder request(String url, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120))
                .header("Accept", "application/json").header("Accept-Language", "en");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }
}
