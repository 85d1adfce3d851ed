package org.agora.it;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * What the integration tests share: the addresses of the app and of the test Keycloak, and access tokens obtained
 * from Keycloak exactly as an API client would.
 */
public final class Platform {

    public static final String KEYCLOAK = System.getProperty("agora.test.keycloak.url", "http://127.0.0.1:8181");
    public static final String APP = "http://127.0.0.1:" + System.getProperty("agora.test.app.port", "8089") + "/agora";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** The demo users of the realm (keycloak-realm/realm/agora-realm.json). */
    public enum DemoUser {
        RESIDENT("resident", "Resident-2026"),
        RESIDENT_SUD("resident.sud", "Resident-2026"),
        AGENT("agent", "Agent-2026"),
        MODERATOR("moderator", "Moderator-2026"),
        OFFICE_ADMIN("officeadmin", "Officeadmin-2026"),
        ANALYST("analyst", "Analyst-2026");

        public final String username;
        public final String password;

        DemoUser(String username, String password) {
            this.username = username;
            this.password = password;
        }
    }

    private Platform() {
    }


    public static String token(DemoUser user) {
        String form = "grant_type=password&client_id=agora-web&client_secret=agora-dev-secret&scope=openid"
                + "&username=" + URLEncoder.encode(user.username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(user.password, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(KEYCLOAK + "/realms/agora/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused a token for " + user.username + ": " + response.body());
            }
            return Json.parse(response.body()).getString("access_token");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static HttpClient http() {
        return HTTP;
    }
}
