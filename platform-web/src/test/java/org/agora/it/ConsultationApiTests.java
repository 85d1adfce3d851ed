package org.agora.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.agora.it.Api.Reply;
import org.agora.it.Platform.DemoUser;
import org.junit.jupiter.api.Test;

/**
 * Answering a consultation through the REST API on a real Payara Micro with real Keycloak tokens: once, even
 * under simultaneous submits; never out of scope or after closing; every bad answer refused with its question,
 * and nothing stored each time.
 */
abstract class ConsultationApiTests {

    static final String QUESTIONS = """
            [
              {"id": "cycles", "type": "SINGLE_CHOICE", "text": "Faites-vous du vélo ?", "required": true,
               "options": [{"id": "yes", "label": "Oui"}, {"id": "no", "label": "Non"}]},
              {"id": "improvements", "type": "MULTIPLE_CHOICE", "text": "Améliorations", "required": true,
               "showWhen": {"question": "cycles", "option": "yes"}, "maxChoices": 2,
               "options": [{"id": "lanes", "label": "Pistes"}, {"id": "parking", "label": "Arceaux"},
                           {"id": "lights", "label": "Éclairage"}]},
              {"id": "street", "type": "SHORT_TEXT", "text": "Quelle rue ?"},
              {"id": "safety", "type": "SCALE", "text": "Sécurité ressentie", "required": true, "min": 1, "max": 5,
               "minLabel": "Faible", "maxLabel": "Forte"},
              {"id": "trips", "type": "NUMBER", "text": "Trajets par semaine", "min": 0, "max": 100},
              {"id": "priorities", "type": "RANKING", "text": "Priorités",
               "options": [{"id": "a", "label": "Écoles"}, {"id": "b", "label": "Commerces"}, {"id": "c", "label": "Parcs"}]},
              {"id": "places", "type": "MATRIX", "text": "Lieux",
               "rows": [{"id": "park", "label": "Parc"}, {"id": "station", "label": "Gare"}],
               "options": [{"id": "good", "label": "Bien"}, {"id": "bad", "label": "Mal"}]}
            ]""";

    static final String GOOD_ANSWERS = """
            {"answers": {"cycles": ["yes"], "improvements": ["lanes", "lights"], "street": "Rue des Lilas",
             "safety": 4, "trips": 12, "priorities": ["c", "a", "b"], "places": {"park": "good", "station": "bad"}}}""";

    /** A consultation of the north district, built and opened by its agent through the API. */
    static long openConsultationOfNord(boolean anonymous) {
        return openConsultation(DemoUser.AGENT, "\"nord\"", anonymous);
    }

    /** A city-wide consultation, built and opened by the office through the API. */
    static long openCityConsultation() {
        return openConsultation(DemoUser.OFFICE_ADMIN, "null", false);
    }

    private static long openConsultation(DemoUser organiser, String districtJson, boolean anonymous) {
        Api agent = Api.as(organiser);
        Instant opens = Instant.now().plus(1, ChronoUnit.HOURS);
        Reply created = agent.post("/api/consultations", """
                {"title": "Le vélo dans le quartier", "description": "<p>Votre avis</p>", "district": %s,
                 "opensAt": "%s", "closesAt": "%s", "anonymous": %s, "answersEditable": false}"""
                .formatted(districtJson, opens, opens.plus(7, ChronoUnit.DAYS), anonymous));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().getJsonNumber("id").longValue();
        Reply questions = agent.put("/api/consultations/" + id + "/questions", QUESTIONS);
        assertThat(questions.status()).as(questions.body()).isEqualTo(200);
        assertThat(agent.post("/api/consultations/" + id + "/schedule", "").status()).isEqualTo(200);
        Reply opened = agent.post("/api/consultations/" + id + "/open", "");
        assertThat(opened.status()).as(opened.body()).isEqualTo(200);
        assertThat(opened.json().getString("status")).isEqualTo("OPEN");
        return id;
    }

    private static Reply submit(DemoUser who, long id, String body) {
        return Api.as(who).put("/api/consultations/" + id + "/response", body);
    }

    private static Reply mine(DemoUser who, long id) {
        return Api.as(who).get("/api/consultations/" + id + "/response");
    }

    @Test
    void aResidentAnswersOnceAndReadsTheirResponseBack() {
        long id = openConsultationOfNord(false);

        Reply first = submit(DemoUser.RESIDENT, id, GOOD_ANSWERS);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        JsonObject answers = mine(DemoUser.RESIDENT, id).json().getJsonObject("answers");
        assertThat(answers.getJsonArray("improvements").getString(0)).isEqualTo("lanes");
        assertThat(answers.getString("street")).isEqualTo("Rue des Lilas");
        assertThat(answers.getJsonObject("places").getString("station")).isEqualTo("bad");

        Reply second = submit(DemoUser.RESIDENT, id, GOOD_ANSWERS.replace("Rue des Lilas", "Autre"));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().getString("detail")).isEqualTo("Vous avez déjà répondu à cette consultation.");
        assertThat(mine(DemoUser.RESIDENT, id).json().getJsonObject("answers").getString("street")).isEqualTo("Rue des Lilas");
    }

    @Test
    void simultaneousSubmitsFromOneResidentStoreExactlyOneResponse() throws InterruptedException {
        long id = openConsultationOfNord(false);
        String token = Platform.token(DemoUser.RESIDENT);
        List<Integer> statuses = Simultaneous.statuses(12,
                () -> Api.withToken(token).put("/api/consultations/" + id + "/response", GOOD_ANSWERS).status());

        assertThat(statuses).containsOnly(200, 409);
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(mine(DemoUser.RESIDENT, id).json().getString("status")).isEqualTo("SUBMITTED");
    }

    @Test
    void aResidentOfAnotherDistrictIsToldWhyAndNothingIsStored() {
        long id = openConsultationOfNord(false);

        Reply refused = submit(DemoUser.RESIDENT_SUD, id, GOOD_ANSWERS);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().getString("detail")).isEqualTo("Cette consultation s'adresse aux habitants d'un autre arrondissement.");
        assertThat(mine(DemoUser.RESIDENT_SUD, id).status()).isEqualTo(404);
    }

    @Test
    void residentsDiscussAnOpenConsultationAndNobodyOnceItCloses() {
        long id = openConsultationOfNord(false);
        String comments = "/api/consultations/" + id + "/comments";

        Reply posted = Api.as(DemoUser.RESIDENT_SUD).post(comments, "{\"body\": \"<p>Et des arceaux ?</p>\"}");
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        JsonObject thread = Api.anonymous().get(comments).json();
        assertThat(thread.getBoolean("open")).isTrue();
        assertThat(thread.getJsonNumber("count").longValue()).isEqualTo(1);
        assertThat(Api.anonymous().post(comments, "{\"body\": \"Anonyme\"}").status()).isEqualTo(401);

        assertThat(Api.as(DemoUser.AGENT).post("/api/consultations/" + id + "/close", "").status()).isEqualTo(200);
        assertThat(Api.as(DemoUser.RESIDENT).post(comments, "{\"body\": \"Trop tard\"}").status()).isEqualTo(403);
        assertThat(Api.anonymous().get(comments).json().getBoolean("open")).isFalse();
        assertThat(Api.anonymous().get("/api/consultations/987654/comments").status()).isEqualTo(404);
    }

    @Test
    void nobodyAnswersAClosedConsultation() {
        long id = openConsultationOfNord(false);
        assertThat(Api.as(DemoUser.AGENT).post("/api/consultations/" + id + "/close", "").status()).isEqualTo(200);

        Reply refused = submit(DemoUser.RESIDENT, id, GOOD_ANSWERS);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().getString("type")).isEqualTo("urn:agora:consultation.answer.notOpen");
        assertThat(mine(DemoUser.RESIDENT, id).status()).isEqualTo(404);
    }

    @Test
    void everyBadAnswerIsListedWithItsQuestionAndNothingIsStored() {
        long id = openConsultationOfNord(false);
        String bad = """
                {"answers": {"cycles": ["maybe"], "street": "%s", "safety": "four", "trips": 12,
                 "ghost": "boo", "priorities": ["a", "b"], "places": {"park": "good"}}}""".formatted("x".repeat(201));

        Reply refused = Api.as(DemoUser.RESIDENT).inEnglish().put("/api/consultations/" + id + "/response", bad);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().getString("detail")).isEqualTo("One answer needs attention: nothing was saved.");
        Reply refusedAll = submit(DemoUser.RESIDENT, id, bad.replace("\"four\"", "4"));
        assertThat(refusedAll.status()).isEqualTo(400);
        assertThat(refusedAll.json().getJsonArray("errors").getValuesAs(JsonObject.class))
                .extracting(e -> e.getString("field") + ": " + e.getString("detail"))
                .containsExactlyInAnyOrder(
                        "ghost: Cette question n'existe pas dans ce questionnaire.",
                        "cycles: Cette réponse ne fait pas partie des choix proposés.",
                        "street: 200 caractères au plus.",
                        "priorities: Classez chaque élément une fois.");
        assertThat(mine(DemoUser.RESIDENT, id).status()).isEqualTo(404);
    }

    @Test
    void malformedBodiesAreRefusedClearly() {
        long id = openConsultationOfNord(false);

        Reply notJson = submit(DemoUser.RESIDENT, id, "{\"answers\": {\"cycles\": [\"yes\"");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.contentType()).startsWith("application/problem+json");
        Reply noAnswers = submit(DemoUser.RESIDENT, id, "{\"reponses\": {}}");
        assertThat(noAnswers.status()).isEqualTo(400);
        assertThat(noAnswers.json().getString("field")).isEqualTo("answers");
        assertThat(mine(DemoUser.RESIDENT, id).status()).isEqualTo(404);
    }

    @Test
    void aDraftIsSavedAndResumedBeforeSubmitting() {
        long id = openConsultationOfNord(false);

        Reply draft = Api.as(DemoUser.RESIDENT).put("/api/consultations/" + id + "/draft",
                "{\"answers\": {\"cycles\": [\"no\"], \"street\": \"Rue Haute\"}}");
        assertThat(draft.status()).as(draft.body()).isEqualTo(200);
        JsonObject saved = mine(DemoUser.RESIDENT, id).json();
        assertThat(saved.getString("status")).isEqualTo("DRAFT");
        assertThat(saved.getJsonObject("answers").getString("street")).isEqualTo("Rue Haute");

        assertThat(submit(DemoUser.RESIDENT, id, GOOD_ANSWERS).status()).isEqualTo(200);
        assertThat(mine(DemoUser.RESIDENT, id).json().getString("status")).isEqualTo("SUBMITTED");
    }

    @Test
    void anAnonymousResponseIsAcknowledgedWithoutAnythingLinkingItToThePerson() {
        long id = openConsultationOfNord(true);

        Reply submitted = submit(DemoUser.RESIDENT, id, GOOD_ANSWERS);

        assertThat(submitted.status()).isEqualTo(200);
        assertThat(submitted.json().containsKey("number")).isFalse();
        JsonObject mine = mine(DemoUser.RESIDENT, id).json();
        assertThat(mine.getString("status")).isEqualTo("SUBMITTED");
        assertThat(mine.getJsonObject("answers")).isEmpty();
        assertThat(submit(DemoUser.RESIDENT, id, GOOD_ANSWERS).status()).isEqualTo(409);
    }

    @Test
    void anAnonymousConsultationKeepsNoDraftAndIsCountedOnlyWhenItCloses() {
        long id = openConsultationOfNord(true);
        Api agent = Api.as(DemoUser.AGENT);
        String results = "/api/consultations/" + id + "/results";

        Reply draft = Api.as(DemoUser.RESIDENT).put("/api/consultations/" + id + "/draft", GOOD_ANSWERS);
        assertThat(draft.status()).as(draft.body()).isEqualTo(403);
        assertThat(submit(DemoUser.RESIDENT, id, GOOD_ANSWERS).status()).isEqualTo(200);

        JsonObject sealed = agent.get(results).json();
        assertThat(sealed.getBoolean("sealedUntilClose")).isTrue();
        assertThat(sealed.getInt("responses")).isEqualTo(1); // the running count, from the has-answered marks
        assertThat(sealed.getJsonArray("questions")).isEmpty();

        assertThat(agent.post("/api/consultations/" + id + "/close", "").status()).isEqualTo(200);
        JsonObject counted = agent.get(results).json();
        assertThat(counted.getBoolean("sealedUntilClose")).isFalse();
        assertThat(counted.getInt("responses")).isEqualTo(1);
        assertThat(counted.getJsonArray("questions").getJsonObject(0).getJsonObject("counts").getInt("yes")).isEqualTo(1);
    }

    @Test
    void organisingIsForTheOfficeAndTheDistrictsAgents() {
        String body = """
                {"title": "Au sud", "district": "sud", "opensAt": "2030-01-01T10:00:00Z", "closesAt": "2030-02-01T10:00:00Z"}""";
        assertThat(Api.anonymous().post("/api/consultations", body).status()).isEqualTo(401);
        assertThat(Api.as(DemoUser.RESIDENT).post("/api/consultations", body).status()).isEqualTo(403);
        assertThat(Api.as(DemoUser.AGENT).post("/api/consultations", body).status()).isEqualTo(403);
        Reply office = Api.as(DemoUser.OFFICE_ADMIN).post("/api/consultations", body);
        assertThat(office.status()).isEqualTo(201);

        long draft = office.json().getJsonNumber("id").longValue();
        assertThat(Api.anonymous().get("/api/consultations/" + draft).status()).isEqualTo(404);
        assertThat(Api.as(DemoUser.AGENT).get("/api/consultations/" + draft).status()).isEqualTo(404);
        assertThat(Api.as(DemoUser.OFFICE_ADMIN).get("/api/consultations/" + draft).status()).isEqualTo(200);
        assertThat(Api.anonymous().get("/api/consultations").array().getValuesAs(JsonObject.class))
                .extracting(c -> c.getJsonNumber("id").longValue()).doesNotContain(draft);
    }

    @Test
    void resultsArePublicOnlyOncePublishedAndOnlyForThePublishedQuestions() {
        long id = openConsultationOfNord(false);
        assertThat(submit(DemoUser.RESIDENT, id, GOOD_ANSWERS).status()).isEqualTo(200);
        String results = "/api/consultations/" + id + "/results";

        assertThat(Api.anonymous().get(results).status()).isEqualTo(401);
        assertThat(Api.as(DemoUser.RESIDENT).get(results).status()).isEqualTo(403);
        JsonObject organiser = Api.as(DemoUser.AGENT).get(results).json();
        assertThat(organiser.getInt("responses")).isEqualTo(1);
        JsonObject cycles = organiser.getJsonArray("questions").getJsonObject(0);
        assertThat(cycles.getString("id")).isEqualTo("cycles");
        assertThat(cycles.getJsonObject("counts").getInt("yes")).isEqualTo(1);
        assertThat(cycles.getJsonObject("counts").getInt("no")).isZero();

        Api agent = Api.as(DemoUser.AGENT);
        assertThat(agent.put("/api/consultations/" + id + "/questions/safety/publication", "{\"publication\": \"NONE\"}")
                .status()).isEqualTo(204);
        assertThat(agent.put("/api/consultations/" + id + "/questions/cycles/publication",
                "{\"publication\": \"FIGURES_AND_TEXTS\"}").status()).isEqualTo(400);
        assertThat(agent.post("/api/consultations/" + id + "/publish", "").status()).isEqualTo(409); // still open
        assertThat(agent.post("/api/consultations/" + id + "/close", "").status()).isEqualTo(200);
        assertThat(agent.post("/api/consultations/" + id + "/publish", "").status()).isEqualTo(200);

        JsonObject published = Api.anonymous().get(results).json();
        assertThat(published.getJsonArray("questions").getValuesAs(JsonObject.class))
                .extracting(q -> q.getString("id")).contains("cycles", "improvements").doesNotContain("safety");
        assertThat(published.getJsonArray("questions").getJsonObject(0).getJsonObject("counts").getInt("yes")).isEqualTo(1);
    }
}
