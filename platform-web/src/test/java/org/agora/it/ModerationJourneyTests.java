package org.agora.it;

import static org.agora.it.BudgetScenarios.comment;
import static org.agora.it.BudgetScenarios.onBallot;
import static org.agora.it.BudgetScenarios.openForProjects;
import static org.assertj.core.api.Assertions.assertThat;

import org.agora.it.Api.Reply;
import org.agora.it.Platform.DemoUser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * Moderation in a real browser: a resident reports a comment from the project page (with markup in the report's
 * text), a moderator finds it in the queue, reads the report as plain text, hides the comment with a public reason
 * (markup again), and the project's page shows that reason as plain text in place of the comment.
 */
abstract class ModerationJourneyTests {

    private static final String SCRIPT_IN_REPORT = "<img src=x onerror=\"document.title='pwned'\">Pub";
    private static final String MARKUP_IN_REASON = "<b onmouseover=\"document.title='pwned'\">Publicité</b>";

    @Test
    void aReportedNameIsHiddenOnWhatItsBearerWrote() {
        long project = onBallot(openForProjects().envelope("nord"), "Un abri à vélos", 15000);
        long signed = comment(DemoUser.RESIDENT_SUD, project, "<p>Bonne idée</p>", null);
        String page = "/budget/project.xhtml?id=" + project;
        String name;
        try (Browser resident = new Browser()) {
            resident.signIn(DemoUser.RESIDENT).open(page);
            name = resident.css("#comment-" + signed + " .comment-author").getText();
            resident.clickCentered("#comment-" + signed + " a.comment-report");
            resident.waitFor("comments:report-reason");
            new Select(resident.find("comments:report-reason")).selectByValue("OFFENSIVE");
            resident.find("comments:report-name").click();
            resident.clickCentered("[id='comments:send-report']");
            resident.waitForAjax();
            assertThat(resident.text()).contains("Merci : les modérateurs examineront votre signalement.");
        }
        jakarta.json.JsonObject reported = Api.as(DemoUser.MODERATOR).get("/api/moderation/cases?kind=PROFILE_NAME")
                .array().getValuesAs(jakarta.json.JsonObject.class).stream()
                .filter(c -> c.getString("author").equals("resident.sud")).findFirst().orElseThrow();
        assertThat(reported.getString("excerpt")).isEqualTo(name);
        String caseUrl = "/api/moderation/cases/" + reported.getJsonNumber("id");
        Api.Reply hidden = Api.as(DemoUser.MODERATOR).post(caseUrl + "/hide", "{\"reason\": \"Nom injurieux\"}");
        assertThat(hidden.status()).as(hidden.body()).isEqualTo(200);
        try {
            try (Browser visitor = new Browser()) {
                visitor.open(page);
                assertThat(visitor.css("#comment-" + signed + " .comment-author").getText())
                        .isEqualTo("Nom masqué par la modération");
                assertThat(visitor.text()).doesNotContain(name);
            }
            long next = comment(DemoUser.RESIDENT_SUD, project, "<p>Et un second</p>", null);
            assertThat(Api.anonymous().get("/api/budget/projects/" + project + "/comments").body())
                    .as("the next comment too (" + next + ")").doesNotContain(name);
        } finally {
            Api.Reply restored = Api.as(DemoUser.MODERATOR).post(caseUrl + "/restore", "{\"reason\": \"Test fini\"}");
            assertThat(restored.status()).as(restored.body()).isEqualTo(200);
        }
    }

    @Test
    void aModeratorHidesAReportedCommentFromTheQueueAndThePageShowsThePublicReason() {
        long project = onBallot(openForProjects().envelope("nord"), "Un verger partagé", 25000);
        long spam = comment(DemoUser.OFFICE_ADMIN, project, "<p>Achetez des montres</p>", null);
        String page = "/budget/project.xhtml?id=" + project;

        try (Browser resident = new Browser()) {
            resident.signIn(DemoUser.RESIDENT).open(page);
            resident.clickCentered("#comment-" + spam + " a.comment-report");
            resident.waitFor("comments:report-reason");
            new Select(resident.find("comments:report-reason")).selectByValue("OTHER");
            resident.type("comments:report-details", SCRIPT_IN_REPORT);
            resident.clickCentered("[id='comments:send-report']");
            resident.waitForAjax();
            assertThat(resident.text()).contains("Merci : les modérateurs examineront votre signalement.");
            assertThat(resident.has("comments:report-details")).isFalse();

            // the proposal itself, from the form under it
            resident.clickCentered("[id='report:open-report']");
            resident.waitFor("report:report-reason");
            new Select(resident.find("report:report-reason")).selectByValue("OFF_TOPIC");
            resident.clickCentered("[id='report:send-report']");
            resident.waitForAjax();
            assertThat(resident.has("report:report-reason")).isFalse();
        }
        assertThat(Api.as(DemoUser.MODERATOR).get("/api/moderation/cases?kind=BUDGET_PROJECT").array()
                .getValuesAs(jakarta.json.JsonObject.class))
                .anySatisfy(c -> assertThat(c.getJsonNumber("item").longValue()).isEqualTo(project));

        try (Browser moderator = new Browser()) {
            moderator.signIn(DemoUser.MODERATOR).open("/moderation/queue.xhtml");
            assertThat(moderator.heading()).isEqualTo("File de modération");
            String link = moderator.all(By.cssSelector("tr.case a.case-link")).stream()
                    .filter(a -> a.getText().contains("Achetez des montres")).findFirst().orElseThrow()
                    .getAttribute("href");
            assertThat(link).contains("/moderation/case.xhtml?id=");
            moderator.driver().get(link);
            assertThat(moderator.find("case-text").getText()).isEqualTo("Achetez des montres");
            assertThat(moderator.css("#reports .report-details").getText()).isEqualTo(SCRIPT_IN_REPORT);
            assertThat(moderator.all(By.cssSelector("#reports img"))).isEmpty();
            moderator.screenshot("moderation-case");

            moderator.type("decision:reason", MARKUP_IN_REASON);
            moderator.go("decision:hide");

            assertThat(moderator.text()).contains("Masqué : la raison publique s’affiche à sa place.");
            assertThat(moderator.find("case-state").getText()).isEqualTo("Masqué");
            moderator.go("in-context");
            assertThat(moderator.css("#comment-" + spam + " .comment-hidden").getText())
                    .isEqualTo("Masqué par les modérateurs : " + MARKUP_IN_REASON);
            assertThat(moderator.all(By.cssSelector("#comment-" + spam + " b"))).isEmpty();
            assertThat(moderator.all(By.cssSelector("#comment-" + spam + " .comment-body"))).isEmpty();
            assertThat(moderator.driver().getTitle()).doesNotContain("pwned");
            assertThat(moderator.text()).doesNotContain("Achetez des montres");
        }
    }

    @Test
    void aBlockedResidentSeesWhyAndIsOfferedNoWayToWrite() {
        Reply added = Api.as(DemoUser.OFFICE_ADMIN).post("/api/budget/envelopes/" + openForProjects().envelope("sud")
                + "/projects", "{\"title\": \"Un banc\", \"cost\": 5000}");
        long project = added.json().getJsonNumber("id").longValue();
        comment(DemoUser.OFFICE_ADMIN, project, "<p>Votre avis ?</p>", null);
        Reply blocked = Api.as(DemoUser.MODERATOR).post("/api/moderation/blocks",
                "{\"username\": \"resident.sud\", \"reason\": \"Messages <i>injurieux</i>\"}");
        assertThat(blocked.status()).as(blocked.body()).isEqualTo(201);
        try (Browser resident = new Browser()) {
            resident.signIn(DemoUser.RESIDENT_SUD).open("/budget/project.xhtml?id=" + project);

            assertThat(resident.find("blocked-notice").getText())
                    .isEqualTo("Votre compte est bloqué par la modération : Messages <i>injurieux</i>");
            String why = "Votre compte est bloqué par la modération : vous pouvez lire, mais plus publier, répondre aux "
                    + "consultations, signaler, soutenir ni voter. La raison est affichée en haut de la page.";
            assertThat(resident.find("why-not-comment").getText()).isEqualTo(why);
            assertThat(resident.has("support:supportButton")).isFalse();
            assertThat(resident.all(By.cssSelector("a.comment-report"))).isEmpty();
            assertThat(resident.has("report:open-report")).isFalse();
        } finally {
            assertThat(Api.as(DemoUser.MODERATOR).post("/api/moderation/blocks/resident.sud/unblock",
                    "{\"reason\": \"Levée\"}").status()).isEqualTo(204);
        }
    }
}
