package org.agora.it;

import static org.agora.it.BudgetScenarios.comment;
import static org.agora.it.BudgetScenarios.onBallot;
import static org.agora.it.BudgetScenarios.openForProjects;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import org.agora.it.Api.Reply;
import org.agora.it.BudgetScenarios.Call;
import org.agora.it.Platform.DemoUser;
import org.junit.jupiter.api.Test;

/**
 * Moderation through the REST API with real tokens: the third report hides a comment until a moderator restores it;
 * an agent of another district is refused the case and the decision; a resident is refused the queue; a blocked
 * resident is refused when commenting, supporting, answering a consultation, voting and reporting, and is not once
 * unblocked. Each test makes its own call and comments through the API.
 */
abstract class ModerationApiTests {

    private static String report(String kind, long id, String reason, String details) {
        var body = Json.createObjectBuilder().add("kind", kind).add("item", id).add("reason", reason);
        if (details != null) {
            body.add("details", details);
        }
        return body.build().toString();
    }

    /** A project the office puts on a Sud envelope (the demo agent serves Nord only). */
    private static long officeProject(long envelope, String title) {
        Reply added = Api.as(DemoUser.OFFICE_ADMIN).post("/api/budget/envelopes/" + envelope + "/projects",
                "{\"title\": \"%s\", \"cost\": 20000}".formatted(title));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        return added.json().getJsonNumber("id").longValue();
    }

    private static String reason(String text) {
        return Json.createObjectBuilder().add("reason", text).build().toString();
    }

    private static JsonObject commentOf(long project, long comment) {
        return Api.anonymous().get("/api/budget/projects/" + project + "/comments").json().getJsonArray("comments")
                .getValuesAs(JsonObject.class).stream().filter(c -> c.getJsonNumber("id").longValue() == comment)
                .findFirst().orElseThrow();
    }

    private static long caseOf(DemoUser staff, long comment) {
        Reply queue = Api.as(staff).get("/api/moderation/cases?kind=COMMENT");
        assertThat(queue.status()).as(queue.body()).isEqualTo(200);
        return queue.array().getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getJsonNumber("item").longValue() == comment).findFirst().orElseThrow()
                .getJsonNumber("id").longValue();
    }

    @Test
    void theThirdReportHidesACommentUntilAModeratorRestoresIt() {
        Call call = openForProjects();
        long project = onBallot(call.envelope("nord"), "Un square fleuri", 30000);
        long comment = comment(DemoUser.OFFICE_ADMIN, project, "<p>Une remarque discutée</p>", null);
        String path = "/api/budget/projects/" + project + "/comments";

        Reply first = Api.as(DemoUser.RESIDENT).post("/api/moderation/reports", report("COMMENT", comment, "OFFENSIVE", null));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().getString("itemState")).isEqualTo("OPEN");
        Reply again = Api.as(DemoUser.RESIDENT).post("/api/moderation/reports", report("COMMENT", comment, "SPAM", null));
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.json().getString("type")).isEqualTo("urn:agora:moderation.report.already");
        Reply noText = Api.as(DemoUser.RESIDENT_SUD).post("/api/moderation/reports", report("COMMENT", comment, "OTHER", " "));
        assertThat(noText.status()).isEqualTo(400);
        assertThat(Api.as(DemoUser.RESIDENT_SUD).post("/api/moderation/reports",
                report("COMMENT", comment, "OFF_TOPIC", null)).status()).isEqualTo(201);
        assertThat(Api.anonymous().get(path).json().getInt("count")).isEqualTo(1);

        Reply third = Api.as(DemoUser.ANALYST).post("/api/moderation/reports",
                report("COMMENT", comment, "OTHER", "<script>alert('x')</script>"));

        assertThat(third.status()).as(third.body()).isEqualTo(201);
        assertThat(third.json().getString("itemState")).isEqualTo("PENDING");
        JsonObject hidden = commentOf(project, comment);
        assertThat(hidden.getString("moderation")).isEqualTo("PENDING");
        assertThat(hidden.getString("body")).isEmpty();
        assertThat(Api.anonymous().get(path).json().getInt("count")).isZero();
        Reply mine = Api.as(DemoUser.RESIDENT).get("/api/moderation/reports/mine");
        assertThat(mine.array().getValuesAs(JsonObject.class)).anySatisfy(r -> {
            assertThat(r.getJsonNumber("item").longValue()).isEqualTo(comment);
            assertThat(r.getString("itemState")).isEqualTo("PENDING");
        });

        long caseId = caseOf(DemoUser.MODERATOR, comment);
        Reply file = Api.as(DemoUser.MODERATOR).get("/api/moderation/cases/" + caseId);
        assertThat(file.json().getJsonArray("reports")).hasSize(3);
        assertThat(file.json().getJsonObject("item").getString("path")).startsWith("budget/project.xhtml?id=" + project);
        Reply restored = Api.as(DemoUser.MODERATOR).post("/api/moderation/cases/" + caseId + "/restore",
                reason("Critique légitime"));
        assertThat(restored.status()).as(restored.body()).isEqualTo(200);
        assertThat(restored.json().getString("state")).isEqualTo("RESTORED");

        assertThat(commentOf(project, comment).getString("moderation")).isEqualTo("VISIBLE");
        assertThat(commentOf(project, comment).getString("body")).isEqualTo("<p>Une remarque discutée</p>");
        assertThat(Api.anonymous().get(path).json().getInt("count")).isEqualTo(1);
        Reply audit = Api.as(DemoUser.OFFICE_ADMIN).get("/api/moderation/audit?kind=COMMENT");
        assertThat(audit.array().getValuesAs(JsonObject.class).stream()
                .filter(a -> a.getString("subject").equals(String.valueOf(comment))).map(a -> a.getString("action")))
                .containsExactly("RESTORE", "AUTO_HIDE");
        assertThat(Api.as(DemoUser.MODERATOR).get("/api/moderation/audit").status()).isEqualTo(403);
    }

    @Test
    void anAgentOfAnotherDistrictIsRefusedTheCaseAndTheDecision() {
        Call call = openForProjects();
        long sudProject = officeProject(call.envelope("sud"), "Un kiosque");
        long comment = comment(DemoUser.OFFICE_ADMIN, sudProject, "<p>Au sud</p>", null);
        assertThat(Api.as(DemoUser.RESIDENT).post("/api/moderation/reports", report("COMMENT", comment, "SPAM", null))
                .status()).isEqualTo(201);
        long caseId = caseOf(DemoUser.MODERATOR, comment);

        Reply queue = Api.as(DemoUser.AGENT).get("/api/moderation/cases");
        assertThat(queue.status()).isEqualTo(200);
        assertThat(queue.array().getValuesAs(JsonObject.class))
                .noneSatisfy(c -> assertThat(c.getJsonNumber("id").longValue()).isEqualTo(caseId));
        Reply file = Api.as(DemoUser.AGENT).get("/api/moderation/cases/" + caseId);
        assertThat(file.status()).isEqualTo(403);
        assertThat(file.json().getString("type")).isEqualTo("urn:agora:moderation.case.otherDistrict");
        assertThat(Api.as(DemoUser.AGENT).post("/api/moderation/cases/" + caseId + "/hide", reason("Non")).status())
                .isEqualTo(403);
        assertThat(Api.as(DemoUser.AGENT).post("/api/moderation/cases/" + caseId + "/keep", reason("Non")).status())
                .isEqualTo(403);
        Reply stillOpen = Api.as(DemoUser.MODERATOR).get("/api/moderation/cases/" + caseId);
        assertThat(stillOpen.json().getJsonObject("moderationCase").getString("state")).isEqualTo("OPEN");
    }

    @Test
    void aResidentNeverReachesTheQueue() {
        Reply resident = Api.as(DemoUser.RESIDENT).get("/api/moderation/cases");
        assertThat(resident.status()).isEqualTo(403);
        assertThat(resident.json().getString("type")).isEqualTo("urn:agora:moderation.queue.notAllowed");
        assertThat(Api.as(DemoUser.RESIDENT).post("/api/moderation/cases/1/hide", reason("x")).status()).isEqualTo(403);
        assertThat(Api.as(DemoUser.RESIDENT).post("/api/moderation/blocks",
                "{\"username\": \"resident.sud\", \"reason\": \"x\"}").status()).isEqualTo(403);
        assertThat(Api.anonymous().get("/api/moderation/cases").status()).isEqualTo(401);
        assertThat(Api.anonymous().post("/api/moderation/reports", report("COMMENT", 1, "SPAM", null)).status())
                .isEqualTo(401);
    }

    @Test
    void aBlockedResidentIsRefusedOnEveryWritePathUntilUnblocked() {
        Call call = openForProjects();
        long sud = call.envelope("sud");
        long kiosk = officeProject(sud, "Un kiosque à musique");
        long fountain = officeProject(sud, "Une fontaine");
        long other = comment(DemoUser.OFFICE_ADMIN, kiosk, "<p>Qu’en pensez-vous ?</p>", null);
        long consultation = ConsultationApiTests.openCityConsultation();
        Api residentOfSud = Api.as(DemoUser.RESIDENT_SUD);
        String commentJson = "{\"body\": \"<p>Encore moi</p>\"}";

        Reply blocked = Api.as(DemoUser.MODERATOR).post("/api/moderation/blocks",
                "{\"username\": \"resident.sud\", \"reason\": \"Insultes répétées\"}");
        assertThat(blocked.status()).as(blocked.body()).isEqualTo(201);
        try {
            assertThat(residentOfSud.get("/api/me").json().getString("blockedFor")).isEqualTo("Insultes répétées");
            for (Reply refused : List.of(
                    residentOfSud.post("/api/budget/projects/" + kiosk + "/comments", commentJson),
                    residentOfSud.put("/api/budget/projects/" + kiosk + "/support", ""),
                    residentOfSud.post("/api/moderation/reports", report("COMMENT", other, "SPAM", null)),
                    residentOfSud.put("/api/consultations/" + consultation + "/response",
                            ConsultationApiTests.GOOD_ANSWERS))) {
                assertThat(refused.status()).as(refused.body()).isEqualTo(403);
                assertThat(refused.json().getString("type")).isEqualTo("urn:agora:moderation.blocked");
            }
            Call voting = call.inReview().inVote();
            Reply ballot = residentOfSud.put("/api/budget/envelopes/" + sud + "/ballot",
                    "{\"projects\": [%d]}".formatted(fountain));
            assertThat(ballot.status()).as(ballot.body()).isEqualTo(403);
            assertThat(ballot.json().getString("type")).isEqualTo("urn:agora:moderation.blocked");
            assertThat(voting.id()).isEqualTo(call.id());
        } finally {
            Reply unblocked = Api.as(DemoUser.MODERATOR).post("/api/moderation/blocks/resident.sud/unblock",
                    reason("Excuses reçues"));
            assertThat(unblocked.status()).as(unblocked.body()).isEqualTo(204);
        }
        assertThat(residentOfSud.get("/api/me").json().getOrDefault("blockedFor", JsonValue.NULL)).isEqualTo(JsonValue.NULL);
        assertThat(residentOfSud.post("/api/moderation/reports", report("COMMENT", other, "SPAM", null)).status())
                .isEqualTo(201);
        Reply audit = Api.as(DemoUser.OFFICE_ADMIN).get("/api/moderation/audit?kind=RESIDENT");
        assertThat(audit.array().getValuesAs(JsonObject.class).stream().limit(2).map(a -> a.getString("action")))
                .containsExactly("UNBLOCK", "BLOCK");
    }

    @Test
    void aPreModeratedConsultationHoldsResidentsCommentsAndShowsItsRejections() {
        long consultation = ConsultationApiTests.openConsultationOfNord(false);
        String path = "/api/consultations/" + consultation;
        Reply otherDistrict = Api.as(DemoUser.RESIDENT_SUD).put(path + "/pre-moderation", "{\"preModerated\": true}");
        assertThat(otherDistrict.status()).as(otherDistrict.body()).isEqualTo(403);
        Reply on = Api.as(DemoUser.AGENT).put(path + "/pre-moderation", "{\"preModerated\": true}");
        assertThat(on.status()).as(on.body()).isEqualTo(200);
        assertThat(on.json().getBoolean("preModerated")).isTrue();

        Reply held = Api.as(DemoUser.RESIDENT).post(path + "/comments", "{\"body\": \"<p>Consultation bidon</p>\"}");
        assertThat(held.status()).as(held.body()).isEqualTo(201);
        assertThat(Api.anonymous().get(path + "/comments").body()).doesNotContain("Consultation bidon");
        JsonObject waiting = Api.as(DemoUser.AGENT).get("/api/moderation/cases?kind=COMMENT").array()
                .getValuesAs(JsonObject.class).stream().filter(c -> c.getString("excerpt").equals("Consultation bidon"))
                .findFirst().orElseThrow();
        assertThat(waiting.getString("state")).isEqualTo("PENDING");
        Reply hidden = Api.as(DemoUser.AGENT).post("/api/moderation/cases/" + waiting.getJsonNumber("id") + "/hide",
                reason("Propos irrespectueux"));
        assertThat(hidden.status()).as(hidden.body()).isEqualTo(200);
        JsonObject rejection = Api.anonymous().get(path + "/rejections").array().getJsonObject(0);
        assertThat(rejection.getString("reason")).isEqualTo("Propos irrespectueux");
        assertThat(rejection.getInt("count")).isEqualTo(1);
    }

    @Test
    void theModerationApiIsInTheOpenApiDescription() throws Exception {
        String base = Platform.APP.substring(0, Platform.APP.lastIndexOf('/'));
        var openapi = Platform.http().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/openapi"))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(openapi.body()).contains("/moderation/reports", "/moderation/cases/{id}/hide",
                "/moderation/cases/{id}/reject", "/moderation/blocks", "/moderation/audit",
                "/budget/projects/{id}/support");
    }

    @Test
    void aPreModeratedCallHoldsResidentsCommentsAndShowsItsRejectionsPublicly() {
        Call call = openForProjects();
        long project = onBallot(call.envelope("nord"), "Un potager", 15000);
        assertThat(Api.as(DemoUser.RESIDENT).put("/api/budget/calls/" + call.id() + "/pre-moderation",
                "{\"preModerated\": true}").status()).isEqualTo(403);
        Reply on = Api.as(DemoUser.OFFICE_ADMIN).put("/api/budget/calls/" + call.id() + "/pre-moderation",
                "{\"preModerated\": true}");
        assertThat(on.status()).as(on.body()).isEqualTo(200);
        String path = "/api/budget/projects/" + project + "/comments";

        long offTopic = comment(DemoUser.RESIDENT, project, "<p>Rien à voir</p>", null);
        long fine = comment(DemoUser.RESIDENT_SUD, project, "<p>Bonne idée</p>", null);
        long staff = comment(DemoUser.AGENT, project, "<p>Réponse de la mairie</p>", null);

        assertThat(commentOf(project, offTopic).getString("moderation")).isEqualTo("PENDING");
        assertThat(commentOf(project, offTopic).getString("body")).isEmpty();
        assertThat(commentOf(project, staff).getString("moderation")).isEqualTo("VISIBLE");
        assertThat(Api.anonymous().get(path).json().getInt("count")).isEqualTo(1);
        Api.as(DemoUser.MODERATOR).post("/api/moderation/cases/" + caseOf(DemoUser.MODERATOR, offTopic) + "/hide",
                reason("Hors sujet"));
        Reply kept = Api.as(DemoUser.AGENT).post("/api/moderation/cases/" + caseOf(DemoUser.AGENT, fine) + "/keep",
                "{}");
        assertThat(kept.status()).as(kept.body()).isEqualTo(200);

        assertThat(Api.anonymous().get(path).json().getInt("count")).isEqualTo(2);
        Reply rejections = Api.anonymous().get("/api/budget/calls/" + call.id() + "/rejections");
        assertThat(rejections.status()).isEqualTo(200);
        assertThat(rejections.array().getValuesAs(JsonObject.class)).singleElement().satisfies(r -> {
            assertThat(r.getString("reason")).isEqualTo("Hors sujet");
            assertThat(r.getInt("count")).isEqualTo(1);
        });
    }

    @Test
    void aPreModeratedCouncilHoldsItsMembersIdeasUntilAModeratorDecides() {
        long aubiers = Api.anonymous().get("/api/councils").array().getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("name").equals("Conseil de quartier des Aubiers"))
                .mapToLong(c -> c.getJsonNumber("id").longValue()).findFirst().orElseThrow();
        String flag = "/api/councils/" + aubiers + "/pre-moderation";
        assertThat(Api.as(DemoUser.RESIDENT).put(flag, "{\"preModerated\": true}").status()).isEqualTo(403);
        Reply on = Api.as(DemoUser.AGENT).put(flag, "{\"preModerated\": true}");
        assertThat(on.status()).as(on.body()).isEqualTo(200);
        try {
            String title = "Un verger " + java.util.UUID.randomUUID().toString().substring(0, 6);
            Reply posted = Api.as(DemoUser.RESIDENT).post("/api/councils/" + aubiers + "/ideas",
                    Json.createObjectBuilder().add("title", title).add("text", "Au square").build().toString());
            assertThat(posted.status()).as(posted.body()).isEqualTo(201);
            long idea = posted.json().getJsonNumber("id").longValue();
            assertThat(posted.json().getString("moderation")).isEqualTo("PENDING");
            assertThat(Api.anonymous().get("/api/councils/" + aubiers + "/ideas").array().getValuesAs(JsonObject.class))
                    .noneSatisfy(i -> assertThat(i.getJsonNumber("id").longValue()).isEqualTo(idea));

            long caseId = Api.as(DemoUser.AGENT).get("/api/moderation/cases?kind=COUNCIL_IDEA").array()
                    .getValuesAs(JsonObject.class).stream().filter(c -> c.getJsonNumber("item").longValue() == idea)
                    .findFirst().orElseThrow().getJsonNumber("id").longValue();
            Reply hidden = Api.as(DemoUser.MODERATOR).post("/api/moderation/cases/" + caseId + "/hide",
                    reason("Déjà proposé"));
            assertThat(hidden.status()).as(hidden.body()).isEqualTo(200);
            assertThat(Api.anonymous().get("/api/councils/" + aubiers + "/rejections").array()
                    .getValuesAs(JsonObject.class)).anySatisfy(r -> assertThat(r.getString("reason")).isEqualTo("Déjà proposé"));
        } finally {
            assertThat(Api.as(DemoUser.AGENT).put(flag, "{\"preModerated\": false}").status()).isEqualTo(200);
        }
    }
}
