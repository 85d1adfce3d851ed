package org.agora.bench;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The benchmark's own Keycloak (started fresh with the project's realm): its admin REST API on the master realm
 * (admin/admin) to create residents, and the password grant of client agora-web (allowed on this Keycloak only) to
 * get their tokens.
 */
final class Keycloak {

    static final String REALM = "agora";
    static final String RESIDENT_PASSWORD = "Bench-Voter-2026";

    /** A resident created for the benchmark, with a home district. */
    record Resident(String username, String district) {
    }

    private final Http http;
    private final String base;

    Keycloak(Http http, String base) {
        this.http = http;
        this.base = base;
    }

    private String admin() {
        return http.form(base + "/realms/master/protocol/openid-connect/token", null,
                        "grant_type=password&client_id=admin-cli&username=admin&password=admin")
                .expect(200, "admin token").json().getString("access_token");
    }

    /** Adds district codes to the realm's user profile (the `district` select offers the demo city's five only). */
    void allowDistricts(List<String> codes) {
        String token = admin();
        JsonObject profile = http.get(base + "/admin/realms/" + REALM + "/users/profile", token)
                .expect(200, "user profile").json();
        var attributes = Json.createArrayBuilder();
        for (JsonValue value : profile.getJsonArray("attributes")) {
            JsonObject attribute = value.asJsonObject();
            String name = attribute.getString("name");
            if ((name.equals("district") || name.equals("agent_districts")) && attribute.containsKey("validations")) {
                JsonObject validations = attribute.getJsonObject("validations");
                JsonObject options = validations.getJsonObject("options");
                JsonArrayBuilder all = Json.createArrayBuilder(options.getJsonArray("options"));
                codes.forEach(all::add);
                attribute = Json.createObjectBuilder(attribute).add("validations", Json.createObjectBuilder(validations)
                        .add("options", Json.createObjectBuilder(options).add("options", all))).build();
            }
            attributes.add(attribute);
        }
        JsonObject changed = Json.createObjectBuilder(profile).add("attributes", attributes).build();
        http.json("PUT", base + "/admin/realms/" + REALM + "/users/profile", token, changed.toString())
                .expect(200, "user profile update");
    }

    /**
     * Keeps the realm's password policy and adds a cheap hash (this Keycloak only): Keycloak's default hash, Argon2
     * with 7 MB and 5 passes, costs tens of milliseconds of CPU each time a password is set or checked, minutes
     * for thousands of residents on two cores, and Keycloak's speed is not what this benchmark measures.
     */
    String cheapPasswordHashes(int iterations) {
        String token = admin();
        String policy = http.get(base + "/admin/realms/" + REALM, token).expect(200, "realm").json()
                .getString("passwordPolicy", "");
        String cheap = (policy.isBlank() ? "" : policy + " and ") + "hashAlgorithm(pbkdf2-sha256) and hashIterations("
                + iterations + ")";
        http.json("PUT", base + "/admin/realms/" + REALM, token,
                Json.createObjectBuilder().add("passwordPolicy", cheap).build().toString()).expect(204, "password policy");
        return cheap;
    }

    /**
     * Access tokens (and sessions) that last the whole run, this Keycloak only: every voter's token is fetched before
     * the votes start, and the open loop alone runs for minutes. The app checks a token the same way whatever its
     * lifespan. Returns the lifespan set, in seconds.
     */
    int longTokens(int seconds) {
        String token = admin();
        JsonObject realm = http.get(base + "/admin/realms/" + REALM, token).expect(200, "realm").json();
        int idle = Math.max(seconds, realm.getInt("ssoSessionIdleTimeout", 0));
        int max = Math.max(seconds, realm.getInt("ssoSessionMaxLifespan", 0));
        http.json("PUT", base + "/admin/realms/" + REALM, token, Json.createObjectBuilder().add("accessTokenLifespan", seconds)
                .add("ssoSessionIdleTimeout", idle).add("ssoSessionMaxLifespan", max).build().toString())
                .expect(204, "token lifespan");
        return seconds;
    }

    /** Creates the residents as the demo users look (names, verified e-mail, district, realm role resident). */
    void create(List<Resident> residents) {
        int batch = 250;
        for (int from = 0; from < residents.size(); from += batch) {
            JsonArrayBuilder users = Json.createArrayBuilder();
            for (Resident r : residents.subList(from, Math.min(residents.size(), from + batch))) {
                users.add(Json.createObjectBuilder()
                        .add("username", r.username()).add("enabled", true).add("emailVerified", true)
                        .add("email", r.username() + "@bench.belrive.example")
                        .add("firstName", "Votant").add("lastName", "Banc")
                        .add("attributes", Json.createObjectBuilder().add("district", Json.createArrayBuilder().add(r.district())))
                        .add("credentials", Json.createArrayBuilder().add(Json.createObjectBuilder()
                                .add("type", "password").add("value", RESIDENT_PASSWORD).add("temporary", false)))
                        .add("realmRoles", Json.createArrayBuilder().add("default-roles-" + REALM).add("resident")));
            }
            String body = Json.createObjectBuilder().add("ifResourceExists", "FAIL").add("users", users).build().toString();
            JsonObject imported = http.json("POST", base + "/admin/realms/" + REALM + "/partialImport", admin(), body)
                    .expect(200, "partial import of residents").json();
            int added = imported.getInt("added", -1);
            if (added != Math.min(batch, residents.size() - from)) {
                throw new IllegalStateException("Keycloak added " + added + " residents of a batch: " + imported);
            }
        }
    }

    private volatile boolean passwordGrant;

    /**
     * Lets the platform's client take passwords, this Keycloak only: the realm's web client takes none (a resident's
     * password turns into tokens on Keycloak's login page alone), but thousands of voters' tokens are fetched far
     * faster this way, and the app checks a token the same way however it was got.
     */
    private synchronized void allowPasswordGrant() {
        if (passwordGrant) {
            return;
        }
        String token = admin();
        JsonObject client = http.get(base + "/admin/realms/" + REALM + "/clients?clientId=agora-web", token)
                .expect(200, "web client").array().getJsonObject(0);
        JsonObject changed = Json.createObjectBuilder(client).add("directAccessGrantsEnabled", true).build();
        http.json("PUT", base + "/admin/realms/" + REALM + "/clients/" + client.getString("id"), token, changed.toString())
                .expect(204, "password grant of the web client");
        passwordGrant = true;
    }

    String token(String username, String password) {
        allowPasswordGrant();
        String form = "grant_type=password&client_id=agora-web&client_secret=agora-dev-secret&scope=openid"
                + "&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return http.form(base + "/realms/" + REALM + "/protocol/openid-connect/token", null, form)
                .expect(200, "token of " + username).json().getString("access_token");
    }

    /** Tokens of many residents, fetched a few at a time (not timed: the vote is what is measured). */
    List<String> tokens(List<Resident> residents, int parallel) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            List<Future<String>> pending = new ArrayList<>();
            for (Resident r : residents) {
                pending.add(pool.submit(() -> token(r.username(), RESIDENT_PASSWORD)));
            }
            List<String> tokens = new ArrayList<>();
            for (Future<String> token : pending) {
                tokens.add(token.get());
            }
            return tokens;
        } finally {
            pool.shutdownNow();
        }
    }
}
