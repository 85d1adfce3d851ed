package org.agora.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * The test Keycloak's admin REST API as its master-realm administrator: what a resident does in their account console
 * (change an attribute) or on the registration page (a second account), done directly, to attack the platform with it.
 */
final class KeycloakAdmin {

    private final String token;

    KeycloakAdmin() {
        String form = "grant_type=password&client_id=admin-cli&username=admin&password=admin";
        JsonObject body = Json.createReader(new StringReader(send(HttpRequest.newBuilder(
                URI.create(Platform.KEYCLOAK + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)), 200).body())).readObject();
        token = body.getString("access_token");
    }

    /** Points the realm's mails (the address checks at registration) at this SMTP port of the loopback. */
    void mailTo(int port) {
        JsonObject smtp = Json.createObjectBuilder().add("smtpServer", Json.createObjectBuilder()
                .add("host", "127.0.0.1").add("port", String.valueOf(port)).add("from", "no-reply@belrive.example")
                .add("fromDisplayName", "Agora · Belrive").add("auth", "false").add("ssl", "false").add("starttls", "false"))
                .build();
        send(HttpRequest.newBuilder(URI.create(Platform.KEYCLOAK + "/admin/realms/agora"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(smtp.toString())), 204);
    }

    /** Sets one attribute of the user, as the user could in the account console; returns the value it had. */
    String setAttribute(String username, String name, String value) {
        JsonObject user = user(username);
        JsonObject attributes = user.getJsonObject("attributes");
        String before = attributes != null && attributes.containsKey(name) ? attributes.getJsonArray(name).getString(0) : null;
        var changed = Json.createObjectBuilder(attributes == null ? JsonObject.EMPTY_JSON_OBJECT : attributes)
                .add(name, Json.createArrayBuilder().add(value));
        JsonObject update = Json.createObjectBuilder(user).add("attributes", changed).build();
        send(admin("users/" + user.getString("id")).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(update.toString())), 204);
        Platform.forgetToken(username);
        return before;
    }

    /** Tries to create an account; returns Keycloak's status (201 created, 409 a duplicate username or e-mail). */
    int createUser(String username, String email) {
        String user = Json.createObjectBuilder().add("username", username).add("email", email).add("enabled", true)
                .add("firstName", "Camille").add("lastName", "Martin").add("emailVerified", true)
                .add("attributes", Json.createObjectBuilder().add("district", Json.createArrayBuilder().add("ouest")))
                .build().toString();
        return send(admin("users").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(user)), -1).statusCode();
    }

    /**
     * A new resident of the west district with this password, as the registration page would make them (Ouest: the
     * district whose count of residents the turnout tests leave open, as the other suite runs beside them).
     */
    void createResident(String username, String password) {
        int created = createUser(username, username + "@belrive.example");
        if (created != 201) {
            throw new IllegalStateException("Keycloak did not create " + username + ": " + created);
        }
        String credential = Json.createObjectBuilder().add("type", "password").add("value", password)
                .add("temporary", false).build().toString();
        send(admin("users/" + user(username).getString("id") + "/reset-password")
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(credential)), 204);
    }

    /**
     * A new account with this password holding what the model account holds: its realm roles and its attributes (home
     * district, districts served). A test acting for a demo user without using up that user's rate limits.
     */
    void createLike(Platform.DemoUser model, String username, String password) {
        createResident(username, password);
        JsonObject original = user(model.username);
        JsonObject copy = user(username);
        JsonObject attributes = original.getJsonObject("attributes");
        if (attributes != null) {
            JsonObject update = Json.createObjectBuilder(copy).add("attributes", attributes).build();
            send(admin("users/" + copy.getString("id")).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(update.toString())), 204);
        }
        String roles = send(admin("users/" + original.getString("id") + "/role-mappings/realm").GET(), 200).body();
        send(admin("users/" + copy.getString("id") + "/role-mappings/realm").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(roles)), 204);
    }

    /** Asks the account to do this at its next sign-in (a Keycloak required action, as an administrator sets it). */
    void requireAction(String username, String action) {
        JsonObject user = user(username);
        JsonObject update = Json.createObjectBuilder(user).add("requiredActions", Json.createArrayBuilder().add(action)).build();
        send(admin("users/" + user.getString("id")).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(update.toString())), 204);
    }

    /**
     * Points the platform client's back-channel logout at this address (the test application's: the realm's file names
     * the demo's), as an operator sets it for their host.
     */
    void backChannelLogoutTo(String url) {
        JsonObject client = Json.createReader(new StringReader(send(admin("clients?clientId=agora-web").GET(), 200)
                .body())).readArray().getJsonObject(0);
        JsonObject attributes = Json.createObjectBuilder(client.getJsonObject("attributes"))
                .add("backchannel.logout.url", url).add("backchannel.logout.session.required", "true").build();
        send(admin("clients/" + client.getString("id")).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder(client).add("attributes", attributes)
                        .build().toString())), 204);
    }

    /** Ends every Keycloak session of the user, as an administrator's "Sign out" of the account does. */
    void signOut(String username) {
        send(admin("users/" + user(username).getString("id") + "/logout").POST(HttpRequest.BodyPublishers.noBody()), 204);
    }

    /**
     * Removes the account a test made, so that the counts of the realm's residents (the turnout) see the demo users
     * only; nothing when there is none.
     */
    void deleteUser(String username) {
        JsonArray users = Json.createReader(new StringReader(send(admin("users?exact=true&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8)).GET(), 200).body())).readArray();
        if (!users.isEmpty()) {
            send(admin("users/" + users.getJsonObject(0).getString("id")).DELETE(), 204);
        }
    }

    /** Whether Keycloak has an account of this username. */
    boolean exists(String username) {
        return !Json.createReader(new StringReader(send(admin("users?exact=true&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8)).GET(), 200).body())).readArray().isEmpty();
    }

    private JsonObject user(String username) {
        JsonArray users = Json.createReader(new StringReader(send(admin("users?exact=true&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8)).GET(), 200).body())).readArray();
        return users.getJsonObject(0);
    }

    private HttpRequest.Builder admin(String path) {
        return HttpRequest.newBuilder(URI.create(Platform.KEYCLOAK + "/admin/realms/agora/" + path))
                .header("Authorization", "Bearer " + token);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, int expected) {
        try {
            HttpResponse<String> response = Platform.http().send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (expected > 0 && response.statusCode() != expected) {
                throw new IllegalStateException("Keycloak answered " + response.statusCode() + ": " + response.body());
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
