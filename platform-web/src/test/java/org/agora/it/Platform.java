package org.agora.it;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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


    /** Tokens already given, by username: a token lasts 300 s in the realm, a cached one is used for 200 s at most. */
    private static final Map<String, CachedToken> TOKENS = new ConcurrentHashMap<>();

    private record CachedToken(String token, Instant until) {
    }

    /**
     * An access token of the demo user, as the platform gets it (code flow, see HttpSignIn); the same one for a few minutes,
     * as a client would keep it: a test run signs in each user a few times, not once per request (Keycloak refuses a
     * user's logins for a while when it takes them for an attack).
     */
    public static String token(DemoUser user) {
        synchronized (LOCKS.computeIfAbsent(user.username, name -> new Object())) { // one sign-in at a time per user
            CachedToken cached = TOKENS.get(user.username);
            if (cached != null && Instant.now().isBefore(cached.until())) {
                return cached.token();
            }
            String token = newToken(user);
            TOKENS.put(user.username, new CachedToken(token, Instant.now().plusSeconds(200)));
            return token;
        }
    }

    private static final Map<String, Object> LOCKS = new ConcurrentHashMap<>();

    /** How many times a sign-in Keycloak refused is tried again (see {@link #tokens(String, String)}). */
    static final int SIGN_IN_ATTEMPTS = 6;


    /** The next token of this user is a new one: what Keycloak knows of them has changed. */
    static void forgetToken(String username) {
        TOKENS.remove(username);
    }

    private static String newToken(DemoUser user) {
        return tokens(user).getString("access_token");
    }

    /** A new access token of any account of the realm; Keycloak's refusal as an IllegalStateException. */
    public static String token(String username, String password) {
        return tokens(username, password).getString("access_token");
    }

    /** A new ID token of the user: what the sign-in gives the app about the person, not a key to the API. */
    public static String idToken(DemoUser user) {
        return tokens(user).getString("id_token");
    }

    /** What Keycloak's token endpoint answers for the user's code (access, ID and refresh tokens). */
    private static jakarta.json.JsonObject tokens(DemoUser user) {
        return tokens(user.username, user.password);
    }

    private static jakarta.json.JsonObject tokens(String username, String password) {
        return HttpSignIn.tokens(username, password);
    }

    public static HttpClient http() {
        return HTTP;
    }
}
