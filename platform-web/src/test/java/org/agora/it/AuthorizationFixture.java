package org.agora.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.agora.it.Api.Reply;
import org.agora.it.Platform.DemoUser;

/**
 * The items the authorization matrix asks about, one of each kind in Nord (the agent's district) and one in Sud
 * (another district), made through the API as the office would, or taken from the demo data (the councils of the
 * Aubiers in Nord and of Saint-Roch in Sud, and their meetings). Each is named as in the matrix's paths:
 * {@code {consultation}}, {@code {envelope}}...
 */
final class AuthorizationFixture {

    static final String NORD = "nord";
    static final String SUD = "sud";

    private final Map<String, Map<String, String>> values = Map.of(NORD, new HashMap<>(), SUD, new HashMap<>());

    private AuthorizationFixture() {
    }

    /** The value of a placeholder for an item of this district. */
    String value(String name, String district) {
        String value = values.get(district).get(name);
        if (value == null) {
            throw new IllegalArgumentException("The authorization fixture has no {" + name + "}");
        }
        return value;
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)}");

    /** The address with each {@code {name}} replaced by the value of this district's item of that name. */
    String resolve(String address, String district) {
        Matcher matcher = PLACEHOLDER.matcher(address);
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(resolved, value(matcher.group(1), district));
        }
        return matcher.appendTail(resolved).toString();
    }

    private void put(String district, String name, Object value) {
        values.get(district).put(name, String.valueOf(value));
    }

    private static AuthorizationFixture shared;

    /**
     * The fixture made once for the tests of this JVM that only read with it (the matrix's reads and refused writes,
     * the pages' accessibility): nothing they do changes its items.
     */
    static synchronized AuthorizationFixture shared() {
        if (shared == null) {
            shared = make();
        }
        return shared;
    }

    static AuthorizationFixture make() {
        AuthorizationFixture fixture = new AuthorizationFixture();
        Api office = Api.as(DemoUser.OFFICE_ADMIN);
        BudgetScenarios.Call call = BudgetScenarios.openForProjects().inReview();
        BudgetScenarios.Call voting = BudgetScenarios.openForProjects().inReview();
        for (String district : List.of(NORD, SUD)) {
            created(office.post("/api/budget/envelopes/" + voting.envelope(district) + "/projects",
                    "{\"title\": \"Matrice au vote\", \"cost\": 1000}"));
        }
        voting = voting.inVote();
        for (String district : List.of(NORD, SUD)) {
            fixture.put(district, "district", district);
            fixture.put(district, "call", call.id());
            long envelope = call.envelope(district);
            fixture.put(district, "envelope", envelope);
            fixture.put(district, "voting", voting.envelope(district));
            long project = created(office.post("/api/budget/envelopes/" + envelope + "/projects",
                    "{\"title\": \"Matrice " + district + "\", \"cost\": 1000}"));
            fixture.put(district, "project", project);
            fixture.put(district, "consultation", consultation(district));
            fixture.put(district, "question", "q1");
            long person = created(office.post("/api/register", ("{\"fullName\": \"Matrice %s %s\", \"birthDate\": "
                    + "\"1980-01-01\", \"district\": \"%s\", \"duplicatesChecked\": true}")
                    .formatted(district, UUID.randomUUID().toString().substring(0, 6), district)));
            fixture.put(district, "person", person);
            fixture.put(district, "batch", UUID.randomUUID());
            fixture.put(district, "username", district.equals(NORD) ? DemoUser.RESIDENT.username
                    : DemoUser.RESIDENT_SUD.username);

            long council = office.get("/api/councils").array().getValuesAs(JsonObject.class).stream()
                    .filter(c -> district.equals(c.getString("district"))).findFirst().orElseThrow()
                    .getJsonNumber("id").longValue();
            fixture.put(district, "council", council);
            long meeting = office.get("/api/councils/" + council + "/meetings").array().getValuesAs(JsonObject.class)
                    .get(0).getJsonNumber("id").longValue();
            fixture.put(district, "meeting", meeting);
            fixture.put(district, "post", created(office.post("/api/councils/" + council + "/news",
                    "{\"title\": \"Matrice\", \"body\": \"<p>Nouvelles</p>\", \"membersOnly\": false}")));
            // a member proposes: the agent animates the Aubiers (where the resident is a member), Lucas Saint-Roch
            Api member = Api.as(district.equals(NORD) ? DemoUser.AGENT : DemoUser.RESIDENT_SUD);
            fixture.put(district, "idea", created(member.post("/api/councils/" + council + "/ideas",
                    "{\"title\": \"Matrice\", \"text\": \"Une idée\"}")));
            fixture.put(district, "document", created(office.post("/api/councils/" + council + "/documents",
                    jakarta.json.Json.createObjectBuilder().add("title", "Matrice").add("membersOnly", false)
                            .add("fileName", "matrice.pdf").add("content", java.util.Base64.getEncoder()
                                    .encodeToString("%PDF-1.4\n%%EOF\n".getBytes())).build().toString())));

            String newsletter = "{\"subjectFr\": \"Matrice\", \"bodyFr\": \"<p>Bonjour</p>\", \"audience\": "
                    + "{\"districts\": [\"" + district + "\"]}}";
            fixture.put(district, "newsletter", created(office.post("/api/newsletters", newsletter)));
            long sent = created(office.post("/api/newsletters", newsletter));
            Reply sending = office.post("/api/newsletters/" + sent + "/send", "");
            assertThat(sending.status()).as(sending.body()).isLessThan(300);
            fixture.put(district, "sent", sent);

            long comment = BudgetScenarios.comment(DemoUser.OFFICE_ADMIN, project, "<p>Matrice</p>", null);
            Reply report = Api.as(DemoUser.RESIDENT).post("/api/moderation/reports",
                    "{\"kind\": \"COMMENT\", \"item\": " + comment + ", \"reason\": \"SPAM\"}");
            assertThat(report.status()).as(report.body()).isEqualTo(201);
            long moderationCase = office.get("/api/moderation/cases").array().getValuesAs(JsonObject.class).stream()
                    .filter(c -> c.getString("kind").equals("COMMENT") && c.getJsonNumber("item").longValue() == comment)
                    .findFirst().orElseThrow().getJsonNumber("id").longValue();
            fixture.put(district, "case", moderationCase);
        }
        // what belongs to a person rather than a district: the resident's notification, a mail, a block, an image
        long residentsComment = BudgetScenarios.comment(DemoUser.RESIDENT, Long.parseLong(fixture.value("project", NORD)),
                "<p>Ma question</p>", null);
        BudgetScenarios.comment(DemoUser.OFFICE_ADMIN, Long.parseLong(fixture.value("project", NORD)), "<p>Réponse</p>",
                residentsComment);
        long notification = Api.as(DemoUser.RESIDENT).get("/api/notifications").json().getJsonArray("notifications")
                .getValuesAs(JsonObject.class).get(0).getJsonNumber("id").longValue();
        // an export of the analyst's: theirs alone, whatever the caller's role or district
        Reply export = Api.as(DemoUser.ANALYST).post("/api/exports", "{\"kind\": \"KPI_WORKBOOK\"}");
        assertThat(export.status()).as(export.body()).isEqualTo(202);
        long exportId = export.json().getJsonNumber("id").longValue();
        // written before anyone counts rows: its end adds the analyst's notification
        java.time.Instant giveUp = java.time.Instant.now().plusSeconds(60);
        while (!Api.as(DemoUser.ANALYST).get("/api/exports/" + exportId).json().getString("status").equals("DONE")) {
            assertThat(java.time.Instant.now()).as("the fixture's export is written").isBefore(giveUp);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        for (String district : List.of(NORD, SUD)) {
            fixture.put(district, "export", exportId);
            fixture.put(district, "notification", notification);
            fixture.put(district, "mail", 1);
            fixture.put(district, "block", 1);
            fixture.put(district, "image", 4503599627370497L);
        }
        return fixture;
    }

    private static long consultation(String district) {
        Api office = Api.as(DemoUser.OFFICE_ADMIN);
        LocalDateTime opens = LocalDateTime.now(ConsultationScenarios.PARIS).plusDays(3).withNano(0);
        long id = created(office.post("/api/consultations", """
                {"title": "Matrice %s", "description": "<p>Une consultation</p>", "district": "%s", "opensAt": "%s",
                 "closesAt": "%s", "anonymous": false, "answersEditable": true}"""
                .formatted(district, district, opens.atZone(ConsultationScenarios.PARIS).toInstant(),
                        opens.plusDays(14).atZone(ConsultationScenarios.PARIS).toInstant())));
        Reply questions = office.put("/api/consultations/" + id + "/questions", ConsultationScenarios.MARKET_QUESTIONS);
        assertThat(questions.status()).as(questions.body()).isEqualTo(200);
        assertThat(office.post("/api/consultations/" + id + "/schedule", "").status()).isEqualTo(200);
        assertThat(office.post("/api/consultations/" + id + "/open", "").status()).isEqualTo(200);
        return id;
    }

    private static long created(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isIn(200, 201);
        return reply.json().getJsonNumber("id").longValue();
    }
}
