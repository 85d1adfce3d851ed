package org.agora.web.privacy;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.agora.web.security.OidcSettings;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Removes a person's Keycloak account when they delete theirs, through Keycloak's admin REST API as the service
 * account {@code agora-accounts} (client credentials grant; realm-management roles view-users, query-users and
 * manage-users, and nothing else); and tells the retention run whether an account is staff. Keycloak's address and realm are those of the sign-in ({@code agora.oidc.provider-uri}).
 */
@ApplicationScoped
public class KeycloakAccounts {

    /** Keycloak could not remove the account (down, or it refused): the caller tells the person to try again. */
    public static final class AccountRemovalFailed extends Exception {
        AccountRemovalFailed(String message) {
            super(message);
        }
    }

    @Inject
    OidcSettings oidc;

    @Inject
    @ConfigProperty(name = "agora.accounts.client-id", defaultValue = "agora-accounts")
    String clientId;

    @Inject
    @ConfigProperty(name = "agora.accounts.client-secret", defaultValue = "agora-accounts-dev-secret")
    String clientSecret;

    private URI admin;
    private URI tokenEndpoint;
    private HttpClient http;

    @PostConstruct
    void init() {
        String provider = oidc.getProviderUri().replaceAll("/+$", "");
        int realms = provider.lastIndexOf("/realms/");
        String base = provider.substring(0, realms);
        String realm = URLEncoder.encode(provider.substring(realms + "/realms/".length()), StandardCharsets.UTF_8);
        admin = URI.create(base + "/admin/realms/" + realm + "/");
        tokenEndpoint = URI.create(provider + "/protocol/openid-connect/token");
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Removes the account of exactly this username; nothing to do when Keycloak has none (already removed). */
    public void remove(String username) throws AccountRemovalFailed {
        try {
            String token = token();
            Optional<String> id = idOf(username, token);
            if (id.isEmpty()) {
                return;
            }
            HttpResponse<String> deleted = http.send(HttpRequest.newBuilder(admin.resolve("users/"
                            + URLEncoder.encode(id.get(), StandardCharsets.UTF_8)))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).DELETE().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (deleted.statusCode() != 204 && deleted.statusCode() != 404) {
                throw new AccountRemovalFailed("removing the account: HTTP " + deleted.statusCode());
            }
        } catch (IOException e) {
            throw new AccountRemovalFailed("Keycloak does not answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AccountRemovalFailed("interrupted");
        }
    }

    /**
     * Whether the account holds a staff role (directly or through a composite or group), so that no automatic run
     * erases a staff account; unknown (Keycloak down) counts as staff: nothing is erased on a guess.
     */
    public boolean isStaffOrUnknown(String username) {
        try {
            String token = token();
            Optional<String> id = idOf(username, token);
            if (id.isEmpty()) {
                return false; // no account any more: only the platform's data are left
            }
            HttpResponse<String> roles = http.send(HttpRequest.newBuilder(admin.resolve("users/"
                            + URLEncoder.encode(id.get(), StandardCharsets.UTF_8) + "/role-mappings/realm/composite"))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (roles.statusCode() != 200) {
                return true;
            }
            return read(roles.body(), JsonReader::readArray).getValuesAs(JsonObject.class).stream()
                    .map(r -> r.getString("name", "")).anyMatch(STAFF::contains);
        } catch (IOException | AccountRemovalFailed e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private static final java.util.Set<String> STAFF = java.util.Set.of("district-agent", "moderator", "office-admin",
            "analyst");

    /** Keycloak's id of the account of exactly this username; empty when there is none. */
    private Optional<String> idOf(String username, String token)
            throws IOException, InterruptedException, AccountRemovalFailed {
        HttpResponse<String> found = http.send(HttpRequest.newBuilder(admin.resolve("users?exact=true&username="
                        + URLEncoder.encode(username, StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (found.statusCode() != 200) {
            throw new AccountRemovalFailed("looking the account up: HTTP " + found.statusCode());
        }
        return read(found.body(), JsonReader::readArray).getValuesAs(JsonObject.class).stream()
                .filter(u -> u.getString("username", "").equalsIgnoreCase(username))
                .map(u -> u.getString("id")).findFirst();
    }

    private String token() throws IOException, InterruptedException, AccountRemovalFailed {
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8);
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(tokenEndpoint)
                .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new AccountRemovalFailed("the service account's token: HTTP " + answer.statusCode());
        }
        return read(answer.body(), JsonReader::readObject).getString("access_token");
    }

    private static <T> T read(String body, java.util.function.Function<JsonReader, T> how) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return how.apply(reader);
        }
    }
}
