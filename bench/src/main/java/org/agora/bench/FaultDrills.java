package org.agora.bench;

import static org.agora.bench.BenchConsole.say;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The fault drills of bench/faults (issue 16, "Faults"; docs/reliability.md#faults): each breaks a part of the running
 * platform on purpose (through {@code bench/faults ctl ACTION}) and checks what residents and the database see. Every
 * result is one line starting with PASS or FAIL, with its figures; the exit code is 1 when one failed.
 */
public final class FaultDrills {

    /** The demo city's five districts: the realm's user profile offers these. */
    static final List<String> DISTRICTS = List.of("centre", "est", "nord", "ouest", "sud");

    final Http http = new Http();
    final String app = System.getProperty("bench.app", "http://127.0.0.1:8093");
    final String appB = System.getProperty("faults.app-b", "http://127.0.0.1:8094");
    final String nginx = System.getProperty("faults.nginx", "http://127.0.0.1:8095");
    final String keycloakUrl = System.getProperty("bench.keycloak", "http://127.0.0.1:8381");
    final Keycloak keycloak = new Keycloak(http, keycloakUrl);
    final Schema db = new Schema(System.getProperty("bench.jdbc"), System.getProperty("bench.db.user", "postgres"),
            System.getProperty("bench.db.password", ""));
    final Path ctl = Path.of(System.getProperty("faults.ctl", "bench/faults"));
    final Path work = Path.of(System.getProperty("faults.work", ".work/faults"));
    private final List<String> passed = new ArrayList<>();
    private final List<String> failed = new ArrayList<>();
    private final Map<String, String[]> tokens = new TreeMap<>();

    public static void main(String[] args) throws Exception {
        FaultDrills drills = new FaultDrills();
        drills.prepareRealm();
        for (String drill : args.length == 0 ? new String[] {"postgres", "keycloak", "crash", "cluster"} : args) {
            say("");
            say("==== drill: %s ====", drill);
            long start = System.nanoTime();
            try {
                switch (drill) {
                    case "postgres" -> new PostgresDrill(drills).run();
                    case "keycloak" -> new KeycloakDrill(drills).run();
                    case "crash" -> new CrashDrill(drills).run();
                    case "cluster" -> new ClusterDrill(drills).run();
                    default -> throw new IllegalArgumentException("unknown drill " + drill);
                }
            } catch (Exception | AssertionError e) {
                drills.check(false, "drill %s ran to its end (%s)", drill, e);
                e.printStackTrace(System.out);
            }
            say("(drill %s: %.0f s)", drill, (System.nanoTime() - start) / 1e9);
        }
        say("");
        say("==== summary: %d PASS, %d FAIL ====", drills.passed.size(), drills.failed.size());
        drills.failed.forEach(f -> say("FAIL %s", f));
        System.exit(drills.failed.isEmpty() ? 0 : 1);
    }


    /** One result: PASS or FAIL, then what was checked with its figures. */
    boolean check(boolean ok, String format, Object... args) {
        String line = String.format(Locale.ROOT, format, args);
        (ok ? passed : failed).add(line);
        say("%s %s", ok ? "PASS" : "FAIL", line);
        return ok;
    }

    /** A figure worth reading that is no check. */
    static void figure(String format, Object... args) {
        say("  .. " + format, args);
    }

    /** Breaks or repairs something through bench/faults ctl; its output goes to ours. */
    void ctl(String... action) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", ctl.toString(), "ctl"));
        command.addAll(List.of(action));
        Process process = new ProcessBuilder(command).inheritIO().start();
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("bench/faults ctl " + String.join(" ", action) + " failed");
        }
    }

    /** A token of a demo user, fetched again after two minutes. */
    String token(String username, String password) {
        String[] cached = tokens.get(username);
        if (cached == null || System.nanoTime() - Long.parseLong(cached[1]) > TimeUnit.MINUTES.toNanos(2)) {
            cached = new String[] {keycloak.token(username, password), Long.toString(System.nanoTime())};
            tokens.put(username, cached);
        }
        return cached[0];
    }

    String office() {
        return token("officeadmin", "Officeadmin-2026");
    }

    void forgetTokens() {
        tokens.clear();
    }

    /**
     * The realm of this run's Keycloak: the app's ports as redirect addresses of the web client (a, b and nginx), cheap
     * password hashes (Keycloak's CPU is not what is measured) and sessions that outlast the run.
     */
    private void prepareRealm() {
        String admin = keycloak.adminToken();
        String clients = keycloakUrl + "/admin/realms/" + Keycloak.REALM + "/clients";
        JsonObject web = http.get(clients + "?clientId=agora-web", admin).expect(200, "client agora-web").array()
                .getJsonObject(0);
        JsonArrayBuilder redirects = Json.createArrayBuilder(web.getJsonArray("redirectUris"));
        JsonArrayBuilder logouts = Json.createArrayBuilder();
        for (String base : List.of(app, appB, nginx)) {
            redirects.add(base + "/*");
            logouts.add(base + "/*");
        }
        JsonObject attributes = Json.createObjectBuilder(web.getJsonObject("attributes"))
                .add("post.logout.redirect.uris", String.join("##", List.of(app + "/*", appB + "/*", nginx + "/*")))
                .build();
        http.json("PUT", clients + "/" + web.getString("id"), admin, Json.createObjectBuilder(web)
                .add("redirectUris", redirects).add("attributes", attributes).build().toString())
                .expect(204, "redirect addresses of agora-web");
        keycloak.cheapPasswordHashes(1000);
        keycloak.longTokens(3 * 3600);
        say("Keycloak %s: agora-web also redirects to %s, %s, %s; cheap password hashes; tokens of 3 h", keycloakUrl,
                app, appB, nginx);
    }

    /** A vote call of the demo city (an envelope per district, projects each), its vote open since ten minutes. */
    record Vote(long call, Map<String, Long> envelopes, Map<Long, List<Long>> projects) {

        /** A ballot of two of the envelope's projects, picked by the resident's number. */
        String ballot(long envelope, int seed) {
            List<Long> on = projects.get(envelope);
            long first = on.get(seed % on.size());
            long second = on.get((seed / on.size() + 1 + seed) % on.size());
            if (second == first) {
                second = on.get((on.indexOf(first) + 1) % on.size());
            }
            return Json.createObjectBuilder().add("projects", Json.createArrayBuilder().add(first).add(second)).build()
                    .toString();
        }
    }

    Vote openVote(String base, String name, int projectsPerEnvelope) {
        Map<String, Long> amounts = new TreeMap<>();
        DISTRICTS.forEach(d -> amounts.put(d, 600_000L));
        Instant later = Instant.now().plus(5, ChronoUnit.DAYS);
        JsonObject created = http.json("POST", base + "/api/budget/calls", office(), VoteBench.call(name, later,
                later.plus(10, ChronoUnit.DAYS), later.plus(11, ChronoUnit.DAYS), "GREEDY", amounts))
                .expect(201, "vote call").json();
        long id = created.getJsonNumber("id").longValue();
        Map<String, Long> envelopes = VoteBench.envelopeIds(created);
        for (long envelope : envelopes.values()) {
            for (int p = 1; p <= projectsPerEnvelope; p++) {
                http.json("POST", base + "/api/budget/envelopes/" + envelope + "/projects", office(),
                        Json.createObjectBuilder().add("title", name + " " + envelope + "-" + p).add("cost", 50_000L * p)
                                .build().toString()).expect(201, "project");
            }
        }
        Instant now = Instant.now();
        http.json("PUT", base + "/api/budget/calls/" + id, office(), VoteBench.call(name, now.minus(10, ChronoUnit.MINUTES),
                now.plus(1, ChronoUnit.DAYS), now.plus(2, ChronoUnit.DAYS), "GREEDY", amounts)).expect(200, "vote opened");
        Map<Long, List<Long>> projects = new LinkedHashMap<>();
        for (long envelope : envelopes.values()) {
            List<Long> ids = new ArrayList<>();
            http.get(base + "/api/budget/envelopes/" + envelope + "/projects", null).expect(200, "ballot").array()
                    .getValuesAs(JsonObject.class).forEach(p -> ids.add(p.getJsonNumber("id").longValue()));
            projects.put(envelope, ids);
        }
        return new Vote(id, envelopes, projects);
    }

    /** What a request got: its status (-1 when no answer came), content type, body and time. */
    record Outcome(int status, String contentType, String body, long startNanos, long nanos, String error) {

        boolean problemJson() {
            return contentType != null && contentType.startsWith("application/problem+json");
        }

        String problemKey() {
            if (!problemJson()) {
                return null;
            }
            try {
                JsonObject problem = Json.createReader(new java.io.StringReader(body)).readObject();
                JsonValue type = problem.get("type");
                return type instanceof JsonString s ? s.getString().replace("urn:agora:", "") : "?";
            } catch (RuntimeException e) {
                return "?";
            }
        }

        String describe() {
            return status < 0 ? "no answer (" + error + ")" : status + " " + contentType + " " + problemKey();
        }
    }

    /** Sends, never throws: a connection refused or reset, or no answer within the timeout, is an outcome too. */
    Outcome send(HttpRequest request) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.client().send(request, HttpResponse.BodyHandlers.ofString());
            return new Outcome(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.body(), start, System.nanoTime() - start, null);
        } catch (IOException e) {
            return new Outcome(-1, null, null, start, System.nanoTime() - start, e.getClass().getSimpleName() + ": "
                    + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpRequest put(String url, String token, String body, Duration timeout) {
        return Http.request(url, token).timeout(timeout).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }
}
