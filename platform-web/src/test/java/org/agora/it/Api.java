package org.agora.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.agora.it.Platform.DemoUser;

/** A small client of the platform's REST API for the tests: one call, its status and body. */
public final class Api {

    public record Reply(int status, String body, String contentType) {
        public JsonObject json() {
            return Json.parse(body);
        }

        public JsonArray array() {
            return Json.array(body);
        }
    }

    private final String token;
    private final String language;

    private Api(String token, String language) {
        this.token = token;
        this.language = language;
    }

    public static Api anonymous() {
        return new Api(null, "fr");
    }

    public static Api as(DemoUser user) {
        return new Api(Platform.token(user), "fr");
    }

    public static Api withToken(String token) {
        return new Api(token, "fr");
    }

    public Api inEnglish() {
        return new Api(token, "en");
    }

    public Reply get(String path) {
        return send(request(path).GET());
    }

    public Reply post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** The answer to a POST with the address it gives in {@code Location}, if any. */
    public record Posted(int status, String body, String location) {
        public JsonObject json() {
            return Json.parse(body);
        }
    }

    public Posted postForLocation(String path, String json) {
        try {
            HttpResponse<String> response = Platform.http().send(request(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
            return new Posted(response.statusCode(), response.body(),
                    response.headers().firstValue("Location").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A download: its status, content type and bytes. */
    public record Download(int status, String contentType, String disposition, byte[] bytes) {
    }

    public Download download(String path) {
        try {
            HttpResponse<byte[]> response = Platform.http().send(request(path).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Content-Disposition").orElse(""), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Reply delete(String path) {
        return send(request(path).DELETE());
    }

    public Reply put(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(Platform.APP + path))
                .header("Accept-Language", language);
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    private Reply send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = Platform.http().send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
