package org.agora.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.agora.it.AuthorizationMatrix.Caller;
import org.agora.it.AuthorizationMatrix.Row;
import org.agora.it.Platform.DemoUser;
import org.agora.web.security.RateLimits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The bad-input corpus: malformed bodies sent to every endpoint of the API that reads one, by a caller it serves, and
 * each field of the main forms given wrong types, out-of-range numbers, oversized, empty, control and unicode edge
 * texts, markup and path traversal. Each must be answered with a 4xx carrying a translated problem (never a server
 * error), and a refused input must store nothing (the rows of every table counted before and after). Each test prints
 * how many inputs it tried.
 */
abstract class BadInputTests {

    /** The endpoints whose body may be left out (a moderator's note on a decision). */
    private static final Set<Targets.Target> OPTIONAL_BODIES = Set.of(
            new Targets.Target("POST", "/api/moderation/cases/{}/keep"),
            new Targets.Target("POST", "/api/moderation/cases/{}/restore"));

    /** The fields holding rich text (sanitized HTML); the others are plain text. */
    private static final Set<String> RICH_TEXTS = Set.of("description", "body", "bodyFr", "bodyEn");
    private static final List<Caller> SERVED_FIRST = List.of(Caller.OFFICE, Caller.AGENT, Caller.RESIDENT,
            Caller.MODERATOR, Caller.ANALYST);

    /** A malformed body: what it is, its bytes and the content type it is sent with. */
    private record Input(String name, byte[] bytes, String contentType) {

        /** No body at all, or JSON's null. */
        boolean absent() {
            return name.equals("JSON null") || name.equals("an empty body");
        }

        static Input json(String name, String text) {
            return new Input(name, text.getBytes(StandardCharsets.UTF_8), "application/json");
        }
    }

    private static List<Input> malformed(boolean array) {
        String deep = array ? "[".repeat(100_000) + "]".repeat(100_000)
                : "{\"a\":".repeat(50_000) + "1" + "}".repeat(50_000);
        return List.of(
                Input.json("truncated JSON", array ? "[{\"id\": " : "{\"title\": \"x"),
                Input.json("not JSON", "title=x&cost=1"),
                Input.json("JSON null", "null"),
                Input.json("a JSON string", "\"x\""),
                Input.json("a JSON number", "12345"),
                Input.json("the other container", array ? "{}" : "[]"),
                Input.json("nesting 100,000 deep", deep),
                Input.json("an empty body", ""),
                new Input("invalid UTF-8", array ? new byte[] {'[', '"', (byte) 0xC3, (byte) 0x28, '"', ']'}
                        : new byte[] {'{', '"', (byte) 0xFF, (byte) 0xFE, '"', ':', '1', '}'}, "application/json"),
                new Input("XML", "<?xml version=\"1.0\"?><call/>".getBytes(StandardCharsets.UTF_8), "application/xml"),
                new Input("form data", "title=x".getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded"));
    }

    private final StandIns standIns = new StandIns();

    @AfterEach
    void removeTheStandIns() {
        standIns.close();
    }

    @Test
    void everyEndpointReadingABodyRefusesMalformedOnesWithAProblemAndStoresNothing() {
        AuthorizationFixture fixture = AuthorizationFixture.make();
        Map<Targets.Target, Class<?>> bodies = Targets.bodies();
        Set<Targets.Target> arrays = Targets.takingArrays();
        Map<String, Long> before = rowCounts();
        List<String> wrong = new ArrayList<>();
        int tried = 0;
        for (Row row : AuthorizationMatrix.rows()) {
            Optional<Caller> served = SERVED_FIRST.stream().filter(row::served).findFirst();
            if (!row.api() || row.reads() || !bodies.containsKey(row.target()) || served.isEmpty()) {
                continue; // a body nobody may send is refused before it is read (AuthorizationTests)
            }
            Caller caller = served.get();
            String address = fixture.resolve(row.address(), caller.district);
            // an endpoint under a rate limit gets an account of its own, like the caller: the limit counts bad bodies too
            String token = RateLimits.Kind.of(row.method(), address).isPresent() ? standIns.tokenLike(caller.user)
                    : Platform.token(caller.user);
            for (Input input : malformed(arrays.contains(row.target()))) {
                if (OPTIONAL_BODIES.contains(row.target()) && input.absent()) {
                    continue; // no body, or null, is such an endpoint's valid call (a decision without a note)
                }
                String what = row.method() + " " + address + " (" + input.name() + ") as " + caller;
                tried++;
                try {
                    problemOrWrong(what, send(row.method(), address, token, input.bytes(), input.contentType()))
                            .ifPresent(wrong::add);
                } catch (UncheckedIOException e) {
                    wrong.add(what + ": no answer (" + e.getCause() + ")");
                }
            }
        }
        System.out.println("Bad-input corpus: " + tried + " malformed bodies sent to " + bodies.size() + " endpoints");
        assertThat(wrong).as("malformed bodies not refused with a problem").isEmpty();
        assertThat(rowCounts()).as("rows after the malformed bodies").isEqualTo(before);
    }

    /**
     * One of the main forms: who fills it, where it goes, a valid filling, and the table a stored one lands in (none
     * for a form that replaces what its caller has).
     */
    private record Form(String method, String address, DemoUser caller, String valid, String table) {
    }

    private static List<Form> forms() {
        return List.of(
                new Form("POST", "/api/consultations", DemoUser.OFFICE_ADMIN, """
                        {"title": "Corpus", "description": "<p>Texte</p>", "district": "nord",
                         "opensAt": "2030-01-01T09:00:00Z", "closesAt": "2030-01-15T09:00:00Z", "anonymous": false,
                         "answersEditable": true}""", "consultations"),
                new Form("POST", "/api/budget/envelopes/{envelope}/projects", DemoUser.OFFICE_ADMIN,
                        "{\"title\": \"Corpus\", \"cost\": 1000}", "budget_projects"),
                new Form("POST", "/api/budget/projects/{project}/comments", DemoUser.RESIDENT,
                        "{\"body\": \"<p>Un avis</p>\"}", "comments"),
                new Form("POST", "/api/newsletters", DemoUser.OFFICE_ADMIN,
                        "{\"subjectFr\": \"Corpus\", \"bodyFr\": \"<p>Bonjour</p>\", \"audience\": {\"districts\": [\"nord\"]}}",
                        "newsletters"),
                new Form("POST", "/api/register", DemoUser.OFFICE_ADMIN, """
                        {"fullName": "Corpus Personne", "birthDate": "1980-02-03", "district": "nord",
                         "duplicatesChecked": true}""", "residents"),
                new Form("POST", "/api/councils/{council}/news", DemoUser.OFFICE_ADMIN,
                        "{\"title\": \"Corpus\", \"body\": \"<p>Nouvelles</p>\", \"membersOnly\": false}", "council_news"),
                new Form("POST", "/api/councils/{council}/documents", DemoUser.OFFICE_ADMIN,
                        "{\"title\": \"Corpus\", \"membersOnly\": false, \"fileName\": \"corpus.pdf\", \"content\": \""
                                + java.util.Base64.getEncoder().encodeToString("%PDF-1.4\n%%EOF\n".getBytes()) + "\"}",
                        "council_documents"),
                new Form("PUT", "/api/notifications/preferences", DemoUser.ANALYST,
                        "{\"language\": \"fr\", \"choices\": {\"COMMENT_REPLY\": {\"inApp\": true, \"byEmail\": false}}}",
                        null));
    }

    /** What each field is given instead of its value, by the kind of its valid value. */
    private static List<JsonValue> wrongValues(JsonValue valid) {
        List<JsonValue> values = new ArrayList<>(List.of(JsonValue.NULL, JsonValue.EMPTY_JSON_OBJECT,
                JsonValue.EMPTY_JSON_ARRAY));
        switch (valid.getValueType()) {
            case STRING -> values.addAll(List.of(Json.createValue(123), JsonValue.TRUE, Json.createValue(""),
                    Json.createValue("   "), Json.createValue("x".repeat(100_000)), Json.createValue("nul\u0000nul"),
                    Json.createValue("bip\u0007\u001b[31m"), Json.createValue("\ud800 seule"),
                    Json.createValue("\u202Efdp.exe"), Json.createValue("e\u0301\u0301\u0301\u0301\u0301"),
                    Json.createValue("<script>alert(1)</script><img src=x onerror=alert(2)>"),
                    Json.createValue("../../../../etc/passwd"), Json.createValue("..\\..\\windows\\win.ini"),
                    Json.createValue("2030-13-45T25:61:00Z")));
            case NUMBER -> values.addAll(List.of(Json.createValue("douze"), Json.createValue("12"),
                    Json.createValue(-1), Json.createValue(0), Json.createValue(1.5),
                    Json.createValue(new BigDecimal("1E+400")), Json.createValue(new BigInteger("9223372036854775808")),
                    Json.createValue(-9223372036854775807L)));
            case TRUE, FALSE -> values.addAll(List.of(Json.createValue("oui"), Json.createValue(1)));
            default -> values.addAll(List.of(Json.createValue("x"), Json.createValue(1)));
        }
        return values;
    }

    @Test
    void eachFieldOfTheMainFormsRefusesWrongValuesWithAProblemAndAcceptsNothingHarmful() {
        AuthorizationFixture fixture = AuthorizationFixture.make();
        List<String> wrong = new ArrayList<>();
        int tried = 0;
        int accepted = 0;
        for (Form form : forms()) {
            String token = standIns.tokenLike(form.caller());
            String address = fixture.resolve(form.address(), AuthorizationFixture.NORD);
            JsonObject valid = Json.createReader(new java.io.StringReader(form.valid())).readObject();
            long rowsBefore = form.table() == null ? 0 : rowCounts().get(form.table());
            int stored = 0;
            for (Map.Entry<String, JsonValue> field : valid.entrySet()) {
                for (JsonValue value : wrongValues(field.getValue())) {
                    JsonObjectBuilder mutated = Json.createObjectBuilder(valid).add(field.getKey(), value);
                    String body = mutated.build().toString();
                    HttpResponse<String> response = send(form.method(), address, token,
                            body.getBytes(StandardCharsets.UTF_8), "application/json");
                    tried++;
                    String what = form.method() + " " + form.address() + " with " + field.getKey() + " = "
                            + abbreviated(value.toString());
                    if (response.statusCode() < 300) {
                        accepted++;
                        stored += form.method().equals("POST") ? 1 : 0;
                        // accepted: a plain text is data (the pages escape it); a rich text must come back sanitized,
                        // and no text keeps a control character or half a character
                        boolean rich = RICH_TEXTS.contains(field.getKey());
                        if ((rich && (response.body().contains("<script") || response.body().contains("onerror")))
                                || response.body().contains("\\u0000") || response.body().contains("\\u0007")
                                || response.body().contains("\\ud800")) {
                            wrong.add(what + ": accepted and kept as " + abbreviated(response.body()));
                        }
                    } else {
                        problemOrWrong(what, response).ifPresent(wrong::add);
                    }
                }
            }
            if (form.table() != null) { // a PUT replaces one row: it has none of its own to count
                assertThat(rowCounts().get(form.table())).as(form.table() + ": one row per accepted input, none per refused")
                        .isEqualTo(rowsBefore + stored);
            }
        }
        System.out.println("Bad-input corpus: " + tried + " wrong field values in " + forms().size() + " forms, "
                + accepted + " accepted as harmless text");
        assertThat(wrong).as("wrong field values not refused with a problem, or kept harmful").isEmpty();
    }

    /**
     * Accounts made for the corpus, each like a demo user (roles, districts), removed at the end: the corpus sends many
     * bodies a minute and the rate limits count them, which must neither hide its answers nor slow the other tests.
     */
    private static final class StandIns implements AutoCloseable {

        private final List<String> made = new ArrayList<>();

        String tokenLike(DemoUser model) {
            String username = "corpus-" + UUID.randomUUID().toString().substring(0, 8);
            new KeycloakAdmin().createLike(model, username, "Corpus-2026-" + username); // its token lasts a minute
            made.add(username);
            return Platform.token(username, "Corpus-2026-" + username);
        }

        @Override
        public void close() {
            if (!made.isEmpty()) {
                KeycloakAdmin keycloak = new KeycloakAdmin();
                made.forEach(keycloak::deleteUser);
                made.clear();
            }
        }
    }

    private static java.util.Optional<String> problemOrWrong(String what, HttpResponse<String> response) {
        int status = response.statusCode();
        if (status < 400 || status >= 500) {
            return java.util.Optional.of(what + ": answered " + status + " " + abbreviated(response.body()));
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.contains("json") || !response.body().contains("\"detail\"")) {
            return java.util.Optional.of(what + ": answered " + status + " without a problem: " + type + " "
                    + abbreviated(response.body()));
        }
        return java.util.Optional.empty();
    }

    private static String abbreviated(String text) {
        return text.length() > 160 ? text.substring(0, 160) + "…" : text;
    }

    private static Map<String, Long> rowCounts() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        Api.Reply reply = Api.as(DemoUser.OFFICE_ADMIN).get("/api/test-only/row-counts");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        reply.json().forEach((table, count) -> counts.put(table, ((jakarta.json.JsonNumber) count).longValue()));
        // what the platform's own schedulers and sign-ins write meanwhile is not the inputs' doing
        counts.keySet().removeAll(Set.of("account_activity", "mails", "notifications", "audit_log", "notice_campaigns",
                "audience_counts"));
        // nor what the KPIs' refresh (every 10 s) keeps of the acts other tests made: the source tables say it all
        counts.keySet().removeIf(table -> table.startsWith("kpi_"));
        return counts;
    }

    private static HttpResponse<String> send(String method, String address, String token, byte[] body,
                                             String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Platform.APP + address))
                .timeout(java.time.Duration.ofSeconds(30)) // an answer that never comes fails the test, never hangs it
                .header("Accept-Language", "fr").header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        request.header("Authorization", "Bearer " + token);
        try {
            return Platform.http().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
