package org.agora.web.participation;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.agora.participation.ResidentDirectory;
import org.agora.shared.DistrictCode;
import org.agora.shared.Role;

/**
 * Counts a district's registered residents with Keycloak's admin REST API, as a service account (client credentials
 * grant): the enabled accounts whose {@code district} attribute is the district
 * ({@code GET /admin/realms/{realm}/users/count?q=district:<code>&enabled=true}), less the staff accounts among them
 * that are not residents (the direct members of the staff roles, each checked for an effective {@code resident}
 * role). Keycloak has no count by role, and staff are few, so this costs a handful of calls.
 * <p>
 * A count is kept for {@code fresh}; a failure for {@link #RETRY_AFTER}, so a Keycloak that is down is not asked on
 * every page. A caller waits at most {@code wait}; each HTTP call may take {@link #CALL_TIMEOUT_FACTOR} times that, so
 * a slower answer is not lost: it fills the cache for the next caller.
 */
final class KeycloakResidentCounter {

    static final Duration RETRY_AFTER = Duration.ofSeconds(30);
    static final int CALL_TIMEOUT_FACTOR = 5;

    private static final Logger LOG = Logger.getLogger(KeycloakResidentCounter.class.getName());
    private static final int PAGE = 100;
    private static final List<String> STAFF_ROLES = Arrays.stream(Role.values()).filter(r -> r != Role.RESIDENT)
            .map(Role::realmName).toList();

    private final URI admin;
    private final URI tokenEndpoint;
    private final String clientId;
    private final String clientSecret;
    private final Duration wait;
    private final Duration callTimeout;
    private final Duration fresh;
    private final InstantSource clock;
    private final Executor executor;
    private final HttpClient http;

    private final Map<String, Entry<Long>> counts = new ConcurrentHashMap<>();
    private Entry<Map<String, Long>> staff;
    private String token;
    private Instant tokenExpires = Instant.MIN;

    /** A figure being fetched or fetched, and when it was asked for. */
    private record Entry<T>(CompletableFuture<T> value, Instant asked) {
        boolean stale(Instant now, Duration fresh) {
            if (!value.isDone()) {
                return false; // under way: the HTTP timeouts end it
            }
            return !now.isBefore(asked.plus(value.isCompletedExceptionally() ? RETRY_AFTER : fresh));
        }
    }

    /** Keycloak answered, but not with what was asked (an error status, a refused token, a body of another shape). */
    static final class DirectoryException extends RuntimeException {
        DirectoryException(String message) {
            super(message);
        }
    }

    /**
     * @param keycloak Keycloak's base URL (before {@code /realms} and {@code /admin})
     * @param wait     how long a caller waits for a count
     * @param fresh    how long a count is reused
     */
    KeycloakResidentCounter(URI keycloak, String realm, String clientId, String clientSecret, Duration wait,
                            Duration fresh, InstantSource clock, Executor executor) {
        String base = keycloak.toString().replaceAll("/+$", "");
        String realmPath = URLEncoder.encode(realm, StandardCharsets.UTF_8);
        this.admin = URI.create(base + "/admin/realms/" + realmPath + "/");
        this.tokenEndpoint = URI.create(base + "/realms/" + realmPath + "/protocol/openid-connect/token");
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.wait = wait;
        this.callTimeout = wait.multipliedBy(CALL_TIMEOUT_FACTOR);
        this.fresh = fresh;
        this.clock = clock;
        this.executor = executor;
        this.http = HttpClient.newBuilder().connectTimeout(callTimeout).build();
    }

    Optional<Long> inDistrict(DistrictCode district) {
        Instant now = clock.instant();
        Entry<Long> entry = counts.compute(district.value(), (code, old) -> old == null || old.stale(now, fresh)
                ? new Entry<>(CompletableFuture.supplyAsync(() -> count(code), executor), now) : old);
        try {
            return Optional.of(entry.value().get(wait.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException slow) {
            LOG.fine(() -> "Keycloak is slow to count the residents of " + district + "; the page goes without");
            return Optional.empty();
        } catch (ExecutionException failed) {
            return Optional.empty(); // logged once, where it failed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private long count(String district) {
        try {
            String query = "q=" + URLEncoder.encode("district:" + district, StandardCharsets.UTF_8) + "&enabled=true";
            long accounts = Long.parseLong(get("users/count?" + query).trim());
            long staffOnly = staff().getOrDefault(district, 0L);
            return Math.max(0, accounts - staffOnly);
        } catch (IOException | DirectoryException | NumberFormatException e) {
            LOG.log(Level.WARNING, "Cannot count the registered residents of " + district + " in Keycloak ("
                    + admin + "): " + e + "; retrying in " + RETRY_AFTER.toSeconds() + " s");
            throw new DirectoryException(e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DirectoryException("interrupted");
        }
    }

    /**
     * The enabled accounts whose username, e-mail address or name contains the text, as a desk looks a person up
     * ({@code GET /admin/realms/{realm}/users?search=}); empty, with a warning in the log, when Keycloak cannot answer.
     */
    List<ResidentDirectory.Account> search(String text, int max) {
        try {
            return accounts(get("users?briefRepresentation=false&enabled=true&max=" + max + "&search="
                    + URLEncoder.encode(text, StandardCharsets.UTF_8)));
        } catch (IOException | DirectoryException e) {
            LOG.log(Level.WARNING, "Cannot search the accounts in Keycloak (" + admin + "): " + e);
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    /** The enabled account of exactly this username, if Keycloak has one and can answer. */
    Optional<ResidentDirectory.Account> find(String username) {
        try {
            return accounts(get("users?briefRepresentation=false&enabled=true&exact=true&username="
                    + URLEncoder.encode(username, StandardCharsets.UTF_8))).stream()
                    .filter(a -> a.username().equalsIgnoreCase(username)).findFirst();
        } catch (IOException | DirectoryException e) {
            LOG.log(Level.WARNING, "Cannot find the account " + username + " in Keycloak (" + admin + "): " + e);
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static List<ResidentDirectory.Account> accounts(String body) {
        return array(body).getValuesAs(JsonObject.class).stream().map(user -> {
            String name = (user.getString("firstName", "") + " " + user.getString("lastName", "")).strip();
            return new ResidentDirectory.Account(user.getString("username"), Optional.of(name).filter(n -> !n.isEmpty()),
                    Optional.ofNullable(user.getString("email", null)),
                    attribute(user, "district").flatMap(DistrictCode::parse),
                    attribute(user, "birth_year").flatMap(KeycloakResidentCounter::year));
        }).toList();
    }

    private static Optional<Integer> year(String text) {
        try {
            return Optional.of(Integer.parseInt(text.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The enabled staff accounts that are not residents, by home district; fetched once for every district. */
    private Map<String, Long> staff() throws IOException, InterruptedException {
        Entry<Map<String, Long>> entry;
        CompletableFuture<Map<String, Long>> mine = null;
        synchronized (this) {
            Instant now = clock.instant();
            if (staff == null || staff.stale(now, fresh)) {
                mine = new CompletableFuture<>();
                staff = new Entry<>(mine, now);
            }
            entry = staff;
        }
        if (mine != null) {
            try {
                mine.complete(nonResidentStaff());
            } catch (IOException | InterruptedException | RuntimeException e) {
                mine.completeExceptionally(e);
                throw e;
            }
        }
        try {
            return entry.value().get(callTimeout.toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new DirectoryException("staff accounts: " + (e.getCause() == null ? e : e.getCause()));
        }
    }

    private Map<String, Long> nonResidentStaff() throws IOException, InterruptedException {
        Map<String, String> districtOf = new HashMap<>();
        for (String role : STAFF_ROLES) {
            for (int first = 0; ; first += PAGE) {
                JsonArray members = array(get("roles/" + role + "/users?briefRepresentation=false&first=" + first
                        + "&max=" + PAGE));
                for (JsonObject user : members.getValuesAs(JsonObject.class)) {
                    if (user.getBoolean("enabled", true)) {
                        homeDistrict(user).ifPresent(d -> districtOf.put(user.getString("id"), d));
                    }
                }
                if (members.size() < PAGE) {
                    break;
                }
            }
        }
        Map<String, Long> nonResidents = new HashMap<>();
        for (Map.Entry<String, String> user : districtOf.entrySet()) {
            boolean resident = array(get("users/" + user.getKey() + "/role-mappings/realm/composite?briefRepresentation=true"))
                    .getValuesAs(JsonObject.class).stream()
                    .anyMatch(r -> Role.RESIDENT.realmName().equals(r.getString("name", null)));
            if (!resident) {
                nonResidents.merge(user.getValue(), 1L, Long::sum);
            }
        }
        return nonResidents;
    }

    private static Optional<String> homeDistrict(JsonObject user) {
        return attribute(user, "district");
    }

    private static Optional<String> attribute(JsonObject user, String name) {
        JsonObject attributes = user.getJsonObject("attributes");
        if (attributes == null || !(attributes.get(name) instanceof JsonArray values) || values.isEmpty()) {
            return Optional.empty();
        }
        JsonValue first = values.get(0);
        return first instanceof JsonString s ? Optional.of(s.getString()) : Optional.empty();
    }

    private String get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(admin.resolve(path)).timeout(callTimeout)
                .header("Authorization", "Bearer " + token()).header("Accept", "application/json").GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 401) {
            forgetToken();
        }
        if (response.statusCode() != 200) {
            throw new DirectoryException("GET " + path + " answered " + response.statusCode()
                    + (response.statusCode() == 403 ? " (does the service account have the roles the operations guide lists?)" : ""));
        }
        return response.body();
    }

    private synchronized String token() throws IOException, InterruptedException {
        Instant now = clock.instant();
        if (token != null && now.isBefore(tokenExpires)) {
            return token;
        }
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(tokenEndpoint).timeout(callTimeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new DirectoryException("the token endpoint refused client " + clientId + " with " + response.statusCode());
        }
        JsonObject body = object(response.body());
        if (!(body.get("access_token") instanceof JsonString accessToken)) {
            throw new DirectoryException("the token endpoint gave no access token");
        }
        token = accessToken.getString();
        // renewed half a minute early, so that it does not expire on the way
        tokenExpires = now.plusSeconds(Math.max(0, body.getJsonNumber("expires_in") == null ? 0
                : body.getJsonNumber("expires_in").longValue() - 30));
        return token;
    }

    private synchronized void forgetToken() {
        token = null;
    }

    private static JsonObject object(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            throw new DirectoryException("not a JSON object: " + e.getMessage());
        }
    }

    private static JsonArray array(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readArray();
        } catch (RuntimeException e) {
            throw new DirectoryException("not a JSON array: " + e.getMessage());
        }
    }
}
