package org.agora.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.agora.it.Api.Reply;
import org.agora.it.Platform.DemoUser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The participatory budget in headless Chromium against the real platform, from a project to its result: a resident
 * of Nord submits projects (a cost over the envelope and a PDF named .png refused next to their fields, nothing
 * lost), the district agent reviews them (a refusal without reason refused, a duplicate merged, a feasible project
 * at a revised cost put on the ballot), the resident votes with a running total (a ballot over the envelope refused
 * with its reason), the town hall enters desk and paper ballots, and once the vote closes anyone reads the results
 * with the rule in plain words and the follow-up. Each stage is a test of its own on a call of its own, in any order:
 * it sets up the state it starts from through the API ({@link BudgetScenarios}), the office moving the call from
 * phase to phase as its form would, and {@link Elapse} ending a vote without waiting.
 */
abstract class BudgetJourneyTests {

    private static void move(long callId, String body) {
        Reply moved = Api.as(DemoUser.OFFICE_ADMIN).put("/api/budget/calls/" + callId, body);
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
    }

    /** Submission: a resident of Nord submits projects to a call of its own, supports and comments one. */
    @Test
    void aResidentSubmitsProjectsSupportsAndCommentsOne() throws Exception {
        BudgetScenarios.Call call = BudgetScenarios.openForProjects();
        long nord = call.envelope("nord");
        try (Browser resident = new Browser()) {
            resident.signIn(DemoUser.RESIDENT);
            resident.open("/budget/call.xhtml?id=" + call.id());
            assertThat(resident.find("ballot-rule").getText()).contains("tant que leur coût total tient dans l'enveloppe");
            assertThat(resident.all(By.cssSelector("li[data-envelope='" + call.envelope("sud") + "'] a[id$='submit']"))).isEmpty();
            resident.goCss("li[data-envelope='" + nord + "'] a[id$='submit']");

            resident.type("project:title", "Un jardin partagé rue des Lilas");
            resident.type("project:description", "Des bacs de culture et un point d'eau pour les voisins.");
            resident.type("project:cost", "200000");
            resident.type("project:address", "12 rue des Lilas");
            resident.type("project:latitude", "45.7640");
            resident.type("project:longitude", "4.8357");
            resident.go("project:save");
            assertThat(resident.find("project:cost-message").getText())
                    .startsWith("Le coût de 200").contains("dépasse l'enveloppe de 150");
            assertThat(resident.find("project:title").getAttribute("value")).isEqualTo("Un jardin partagé rue des Lilas");
            resident.type("project:cost", "30000");
            resident.go("project:save");
            assertThat(resident.text()).contains("Votre projet « Un jardin partagé rue des Lilas » est déposé.");
            long garden = Long.parseLong(resident.driver().getCurrentUrl().replaceAll(".*[?&]id=(\\d+).*", "$1"));

            resident.css("#images input[type=file]").sendKeys(file("plan.png", "%PDF-1.7 un plan".getBytes()).toString());
            resident.go("images:upload");
            assertThat(resident.find("images:file-message").getText()).isEqualTo("Ce fichier n'est pas une image PNG ou JPEG.");
            resident.css("#images input[type=file]").sendKeys(file("jardin.png", png()).toString());
            resident.go("images:upload");
            assertThat(resident.find("images:peopleAgreed-message").getText())
                    .startsWith("Confirmez que les personnes reconnaissables sur la photo ont accepté sa publication");
            assertThat(resident.all(By.cssSelector("#gallery img"))).as("image rights not confirmed: not stored").isEmpty();
            resident.css("#images input[type=file]").sendKeys(file("jardin.png", png()).toString());
            resident.find("images:peopleAgreed").click();
            resident.go("images:upload");
            assertThat(resident.all(By.cssSelector("#gallery img"))).hasSize(1);
            resident.screenshot("budget-project-form");

            resident.open("/budget/project.xhtml?id=" + garden);
            resident.go("support:supportButton");
            assertThat(resident.find("supports").getText()).isEqualTo("1 soutien");
            assertThat(resident.has("you-support")).isTrue();

            // comments: refused texts keep what was typed, next to the editor; then a comment
            assertThat(resident.find("no-comments").getText()).isEqualTo("Pas encore de commentaire.");
            resident.find("comments:send").click();
            resident.waitForAjax();
            assertThat(resident.find("comments:body-message").getText()).isEqualTo("Écrivez votre commentaire.");
            commentEditor(resident).sendKeys("a".repeat(2001));
            resident.find("comments:send").click();
            resident.waitForAjax();
            assertThat(resident.find("comments:body-message").getText())
                    .isEqualTo("Un commentaire fait 2\u202f000 caractères au plus ; le vôtre en fait 2\u202f001.");
            assertThat(commentEditor(resident).getText()).hasSize(2001);
            commentEditor(resident).sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
            commentEditor(resident).sendKeys("Le point d'eau sera-t-il accessible aux enfants ?");
            resident.find("comments:send").click();
            resident.waitForAjax();
            assertThat(resident.find("comments-title").getText()).isEqualTo("1 commentaire");
            assertThat(resident.css("#comments-section .comment .comment-body").getText())
                    .isEqualTo("Le point d'eau sera-t-il accessible aux enfants ?");
            assertThat(resident.css("#comments-section .comment .comment-author").getText()).isNotBlank();

            resident.open("/budget/resident/submit.xhtml?envelope=" + nord);
            resident.type("project:title", "Jardin collectif");
            resident.type("project:description", "Un jardin pour tous.");
            resident.type("project:cost", "25000");
            resident.type("project:address", "Square des Lilas");
            resident.go("project:save");
            assertThat(resident.text()).contains("Votre projet « Jardin collectif » est déposé.");

            resident.open("/budget/projects.xhtml?call=" + call.id() + "&q=lilas");
            assertThat(resident.all(By.cssSelector("#projects li"))).hasSize(2);
            assertThat(resident.css("#projects li[data-project='" + garden + "'] .comment-count").getText())
                    .isEqualTo("1 commentaire");
            assertThat(resident.find("project-map").getAttribute("data-ready")).isEqualTo("true");
            resident.screenshot("budget-projects");
        }
    }

    /** A project's title is a resident's text: on the public map it is shown as text, never run (a stored XSS). */
    @Test
    void aProjectTitleWithMarkupIsShownAsTextOnTheMap() {
        BudgetScenarios.Call call = BudgetScenarios.openForProjects();
        long nord = call.envelope("nord");
        String title = "<img src=x onerror=\"window.agoraXss=1\">Jardin";
        try (Browser resident = new Browser()) {
            resident.signIn(DemoUser.RESIDENT);
            resident.open("/budget/resident/submit.xhtml?envelope=" + nord);
            resident.type("project:title", title);
            resident.type("project:description", "Un jardin.");
            resident.type("project:cost", "10000");
            resident.type("project:address", "Place du marché");
            resident.type("project:latitude", "45.7640");
            resident.type("project:longitude", "4.8357");
            resident.go("project:save");
            assertThat(resident.text()).contains("est déposé");
        }
        try (Browser visitor = new Browser()) {
            visitor.open("/budget/projects.xhtml?call=" + call.id());
            visitor.waitForCss("#project-map[data-ready='true']");
            // the background comes from the configured tile server (arquillian.xml), not a hard-coded one
            assertThat(visitor.driver().findElement(By.id("project-map")).getAttribute("data-tiles"))
                    .isEqualTo("https://tiles.agora-test.example/{z}/{x}/{y}.png");
            visitor.driver().executeScript("document.querySelector('#project-map path.leaflet-interactive')"
                    + ".dispatchEvent(new MouseEvent('mouseover', {bubbles: true}));"); // the marker's tooltip opens
            assertThat(visitor.waitForCss(".leaflet-tooltip").getText()).isEqualTo(title);
            assertThat(visitor.all(By.cssSelector("#project-map img:not(.leaflet-tile)"))).isEmpty();
            assertThat(visitor.driver().executeScript("return window.agoraXss === undefined;")).isEqualTo(true);
        }
    }

    /**
     * Review: the resident's two projects (submitted through the form, residents have no API to submit) and their
     * comment, then the district agent reviews them and answers the comment; the resident reads the outcome.
     */
    @Test
    void theDistrictAgentReviewsTheProjectsAndAnswersAComment() {
        BudgetScenarios.Call call = BudgetScenarios.openForProjects();
        long nord = call.envelope("nord");
        long garden;
        try (Browser resident = new Browser()) {
            resident.signIn(DemoUser.RESIDENT);
            garden = submit(resident, nord, "Un jardin partagé rue des Lilas",
                    "Des bacs de culture et un point d'eau pour les voisins.", "30000", "12 rue des Lilas");
            submit(resident, nord, "Jardin collectif", "Un jardin pour tous.", "25000", "Square des Lilas");
        }
        BudgetScenarios.comment(DemoUser.RESIDENT, garden, "Le point d'eau sera-t-il accessible aux enfants ?", null);

        call.inReview();
        BudgetScenarios.onBallot(nord, "Des bancs au square", 20000);
        BudgetScenarios.onBallot(nord, "Une piste cyclable", 120000);
        try (Browser agent = new Browser()) {
            agent.signIn(DemoUser.AGENT);
            // an agent of Nord reviews Nord only
            agent.open("/budget/manage/envelope.xhtml?id=" + call.envelope("sud"));
            assertThat(agent.heading()).isEqualTo("Accès refusé");
            agent.open("/budget/manage/envelope.xhtml?id=" + nord);
            String gardenCard = "section[data-project='" + garden + "'] ";
            agent.css(gardenCard + "textarea").clear();
            agent.goCss(gardenCard + "button[id$='notFeasible']");
            assertThat(agent.find("messages").getText()).contains("Expliquez aux habitants pourquoi le projet n'est pas réalisable.");

            WebElement cost = agent.css(gardenCard + "input[id$='revisedCost']");
            cost.clear();
            cost.sendKeys("42000");
            agent.css(gardenCard + "textarea").sendKeys("Avec un point d'eau raccordé.");
            agent.goCss(gardenCard + "button[id$='feasible']");
            assertThat(agent.find("messages").getText()).contains("est réalisable");

            WebElement collective = agent.driver().findElements(By.cssSelector("section.review-card")).stream()
                    .filter(s -> s.findElement(By.tagName("h2")).getText().equals("Jardin collectif")).findFirst().orElseThrow();
            String collectiveCard = "section[data-project='" + collective.getAttribute("data-project") + "'] ";
            new org.openqa.selenium.support.ui.Select(agent.css(collectiveCard + "select[id$='mergeTarget']"))
                    .selectByVisibleText("Un jardin partagé rue des Lilas");
            agent.goCss(collectiveCard + "button[id$='merge']");
            assertThat(agent.find("messages").getText()).contains("rejoignent « Un jardin partagé rue des Lilas »");

            agent.goCss(gardenCard + "button[id$='putOnBallot']");
            assertThat(agent.css(gardenCard + ".status").getText()).isEqualTo("Soumis au vote");
            agent.screenshot("budget-review");

            // the town hall answers the resident's comment
            agent.open("/budget/project.xhtml?id=" + garden);
            agent.css("#comments-section li.comment a[id$='reply']").click();
            agent.waitForAjax();
            assertThat(agent.find("replying-to").getText()).startsWith("Votre réponse à ");
            commentEditor(agent).sendKeys("Oui : le robinet sera à hauteur d'enfant.");
            agent.find("comments:send").click();
            agent.waitForAjax();
            assertThat(agent.find("comments-title").getText()).isEqualTo("2 commentaires");
            WebElement answer = agent.css("#comments-section li.comment.depth-1");
            assertThat(answer.findElement(By.cssSelector(".staff-badge")).getText()).isEqualTo("Mairie");
            assertThat(answer.findElement(By.cssSelector(".comment-body")).getText())
                    .isEqualTo("Oui : le robinet sera à hauteur d'enfant.");
            agent.driver().executeScript("document.getElementById('comments-section').scrollIntoView();");
            agent.screenshot("budget-comments");
        }
        // the resident reads the review's outcome among their projects
        try (Browser resident = new Browser()) {
            resident.signIn(DemoUser.RESIDENT);
            resident.open("/budget/resident/mine.xhtml");
            assertThat(resident.find("my-projects").getText()).contains("Soumis au vote").contains("Fusionné")
                    .contains("Avec un point d'eau raccordé.");
        }
    }

    /** Online vote: a resident votes with a running total, a ballot over the envelope refused with its reason. */
    @Test
    void aResidentVotesOnlineWithARunningTotal() {
        BudgetScenarios.NordBallot vote = BudgetScenarios.voteOpenInNord();
        long nord = vote.nord();
        try (Browser resident = new Browser()) {
            resident.signIn(DemoUser.RESIDENT);
            resident.open("/budget/manage/envelope.xhtml?id=" + nord);
            assertThat(resident.heading()).isEqualTo("Accès refusé");
            resident.open("/budget/manage/desk.xhtml?envelope=" + nord);
            assertThat(resident.heading()).isEqualTo("Accès refusé");
            resident.open("/budget/call.xhtml?id=" + vote.call().id());
            resident.goCss("li[data-envelope='" + nord + "'] a[id$='vote']");
            assertThat(resident.find("final").getText()).contains("définitif");
            int boxes = resident.all(By.cssSelector("#ballot-table input[type=checkbox]")).size();
            assertThat(boxes).isEqualTo(3);
            for (int i = 0; i < boxes; i++) {
                resident.all(By.cssSelector("#ballot-table input[type=checkbox]")).get(i).click();
                resident.waitForAjax();
            }
            assertThat(resident.find("ballot:summary").getText()).contains("de plus que l'enveloppe");
            resident.go("ballot:cast");
            assertThat(resident.find("messages").getText()).startsWith("Vos choix coûtent 182");
            assertThat(resident.all(By.cssSelector("#ballot-table input[type=checkbox]:checked"))).hasSize(3);
            resident.css("#ballot-table tr:has(a[href$='id=" + vote.lane() + "']) input[type=checkbox]").click();
            resident.waitForAjax();
            assertThat(resident.find("ballot:summary").getText()).startsWith("Vos choix coûtent 62");
            resident.screenshot("budget-ballot");
            resident.go("ballot:cast");
            assertThat(resident.text()).contains("Votre bulletin est déposé.").contains("Vous avez voté.");
        }
    }

    /**
     * At the town hall: the resident who voted online is found and shown as having voted; a person without an
     * account is entered on the register and votes at the desk, cannot be entered twice; a paper voter is marked and
     * the paper ballots are entered in a batch no larger than the paper voters marked. The register is shared: the
     * two people entered here (as before the split) stay on it.
     */
    @Test
    void theTownHallDeskEntersDeskAndPaperBallots() {
        BudgetScenarios.NordBallot vote = BudgetScenarios.voteOpenInNord();
        long nord = vote.nord();
        long garden = vote.garden();
        BudgetScenarios.votesOnline(nord, garden, vote.benches());
        try (Browser agent = new Browser()) {
            agent.signIn(DemoUser.AGENT);
            agent.open("/budget/manage/desk.xhtml?envelope=" + nord);
            agent.type("find:query", "camille.martin@belrive.example");
            agent.go("find:search");
            assertThat(agent.find("found").getText()).contains("Camille Martin").contains("A déjà voté");
            assertThat(agent.all(By.cssSelector("#found button"))).isEmpty();

            agent.type("newPerson:fullName", "Habitant Guichet");
            agent.type("newPerson:birthDate", "02/03/1970");
            agent.go("newPerson:enter");
            assertThat(agent.find("messages").getText()).contains("Habitant Guichet est inscrit(e) sur le registre.");
            agent.clickCentered("#ballot-table tr[data-project='" + garden + "'] input[type=checkbox]");
            agent.waitForAjax();
            agent.screenshot("budget-desk");
            agent.go("desk:cast");
            assertThat(agent.find("messages").getText()).contains("Le bulletin de Habitant Guichet est enregistré.");

            agent.type("newPerson:fullName", "GUICHET habitant");
            agent.type("newPerson:birthDate", "02/03/1970");
            agent.go("newPerson:enter");
            assertThat(agent.find("newPerson:fullName-message").getText()).startsWith("Des personnes proches sont déjà inscrites");
            assertThat(agent.find("near").getText()).contains("Habitant Guichet");
            agent.type("find:query", "Guichet Habitant");
            agent.go("find:search");
            assertThat(agent.find("found").getText()).contains("Habitant Guichet").contains("sans compte").contains("A déjà voté");

            agent.type("newPerson:fullName", "Votante Papier");
            agent.type("newPerson:birthDate", "04/05/1980");
            agent.go("newPerson:enter");
            agent.go("desk:paperVoter");
            assertThat(agent.find("messages").getText()).contains("Votante Papier est noté(e) comme ayant déposé un bulletin papier.");
            assertThat(agent.find("paper-counts").getText()).startsWith("1 personne(s) notée(s)");

            agent.type("paper:ballots", garden + "\n" + garden + ", douze");
            agent.go("paper:add");
            assertThat(agent.find("paper:ballots-message").getText()).startsWith("Ligne 2 :");
            agent.type("paper:ballots", garden + ", " + vote.lane()); // 162,000: over the envelope
            agent.go("paper:add");
            assertThat(agent.find("paper:ballots-message").getText())
                    .isEqualTo("Ligne 1 : Vos choix coûtent 162\u202f000, plus que l'enveloppe de 150\u202f000. Rien n'a été ajouté.");
            agent.type("paper:ballots", garden + "\n" + vote.lane());
            agent.go("paper:add");
            assertThat(agent.find("paper:ballots-message").getText()).startsWith("Ce lot contient 2 bulletin(s), mais seulement 1");
            agent.type("paper:ballots", String.valueOf(vote.lane()));
            agent.go("paper:add");
            assertThat(agent.find("messages").getText()).contains("Lot de 1 bulletin(s) papier ajouté.");
        }
        Reply again = Api.as(DemoUser.RESIDENT).put("/api/budget/envelopes/" + nord + "/ballot", "{\"projects\": [%d]}".formatted(garden));
        assertThat(again.status()).isEqualTo(409);
        assertThat(Api.as(DemoUser.RESIDENT).get("/api/budget/envelopes/" + nord + "/results").status()).isEqualTo(403);
    }

    /**
     * Results and follow-up: once the vote has closed anyone reads the results with the rule in plain words; the agent
     * follows the winners' implementation and residents read it. The three ballots (online, desk, paper) and the
     * comment with its answer are set up through the API; the desk and paper voters are new people on the register.
     */
    @Test
    void onceTheVoteClosesAnyoneReadsTheResultsAndTheFollowUp() {
        BudgetScenarios.NordBallot vote = BudgetScenarios.voteOpenInNord();
        long nord = vote.nord();
        long garden = vote.garden();
        long question = BudgetScenarios.comment(DemoUser.RESIDENT, garden, "Le point d'eau sera-t-il accessible aux enfants ?", null);
        BudgetScenarios.comment(DemoUser.AGENT, garden, "Oui : le robinet sera à hauteur d'enfant.", question);
        BudgetScenarios.votesOnline(nord, garden, vote.benches());
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        BudgetScenarios.votesAtTheDesk(nord, BudgetScenarios.registeredInNord("Urne Mairie " + suffix, "1961-07-08"), garden);
        BudgetScenarios.votesOnPaper(nord, BudgetScenarios.registeredInNord("Urne Papier " + suffix, "1962-09-10"), vote.lane());

        Elapse.voteOf(vote.call().id());
        try (Browser visitor = new Browser()) {
            visitor.open("/budget/results.xhtml?envelope=" + nord);
            assertThat(visitor.find("rule").getText()).contains("Au plus grand nombre de voix")
                    .contains("du plus soutenu au moins soutenu");
            assertThat(visitor.find("ballots").getText()).isEqualTo("3 bulletin(s) : 1 en ligne, 1 en mairie, 1 sur papier");
            // Nord's only registered resident is "resident", who voted online (the agent's account is staff): the desk
            // and paper voters without an account are not counted against the accounts, so the turnout never passes 100 %
            assertThat(visitor.find("turnout-registered").getText())
                    .startsWith("100,0 % de l'unique habitant inscrit sur la plateforme avec un compte (1 votant(s)");
            assertThat(visitor.css("#results tr[data-project='" + garden + "'] .score").getText()).isEqualTo("2");
            // the garden has 2 votes; the benches and the cycle lane 1 each, the cheaper first: the benches fit,
            // then the lane (120,000) no longer does and is skipped
            assertThat(visitor.all(By.cssSelector("#results tr.winner"))).hasSize(2);
            assertThat(visitor.find("spent").getText()).contains("62");
            assertThat(visitor.find("leftover").getText()).contains("88");
            visitor.screenshot("budget-results");
        }

        // the agent follows the winners' implementation; residents read it
        try (Browser agent = new Browser()) {
            agent.signIn(DemoUser.AGENT);
            agent.open("/budget/followups.xhtml?call=" + vote.call().id());
            agent.goCss("#envelope-" + nord + " button[id$='start']");
            agent.open("/budget/followup.xhtml?project=" + garden);
            new org.openqa.selenium.support.ui.Select(agent.find("followup:status")).selectByValue("IN_PROGRESS");
            agent.type("followup:progress", "30");
            agent.go("followup:saveStatus");
            agent.type("news:text", "Les bacs sont posés ; la plantation aura lieu au printemps.");
            agent.go("news:publish");
        }
        try (Browser visitor = new Browser()) {
            visitor.open("/budget/project.xhtml?id=" + garden);
            assertThat(visitor.all(By.cssSelector("#comments-section li.comment"))).hasSize(2);
            assertThat(visitor.find("why-not-comment").getText())
                    .isEqualTo("Le vote est terminé : ce projet ne reçoit plus de commentaires.");
            assertThat(visitor.has("comments:body")).isFalse();
            visitor.goCss("#followup-link a");
            assertThat(visitor.find("progress-text").getText()).contains("30");
            assertThat(visitor.find("updates").getText()).contains("Les bacs sont posés ; la plantation aura lieu au printemps.");
            visitor.screenshot("budget-followup");
        }
    }

    /** A project submitted by the signed-in resident through the form; its id. */
    private static long submit(Browser resident, long envelope, String title, String description, String cost,
                               String address) {
        resident.open("/budget/resident/submit.xhtml?envelope=" + envelope);
        resident.type("project:title", title);
        resident.type("project:description", description);
        resident.type("project:cost", cost);
        resident.type("project:address", address);
        resident.go("project:save");
        assertThat(resident.text()).contains("Votre projet « " + title + " » est déposé.");
        return Long.parseLong(resident.driver().getCurrentUrl().replaceAll(".*[?&]id=(\\d+).*", "$1"));
    }

    @Test
    void staffCorrectTheRegisterWithAReasonAndEveryChangeIsKept() {
        try (Browser agent = new Browser()) {
            // an agent of Nord finds a resident of Sud but may not move them
            agent.signIn(DemoUser.AGENT);
            agent.open("/participation/manage/register.xhtml");
            agent.type("find:query", "Lucas Bernard");
            agent.go("find:search");
            assertThat(agent.find("found").getText()).contains("Lucas Bernard").contains("resident.sud");
            agent.goCss("#found button");
            assertThat(agent.find("entry-district").getText()).isEqualTo("sud");
            new org.openqa.selenium.support.ui.Select(agent.find("change:district")).selectByValue("nord");
            agent.type("change:reason", "déménagement");
            agent.go("change:move");
            assertThat(agent.find("messages").getText()).contains("Vous ne pouvez pas modifier le registre pour un habitant de cet arrondissement.");
        }
        try (Browser office = new Browser()) {
            office.signIn(DemoUser.OFFICE_ADMIN);
            office.open("/participation/manage/register.xhtml");
            office.type("find:query", "resident.sud");
            office.go("find:search");
            office.goCss("#found button");
            new org.openqa.selenium.support.ui.Select(office.find("change:district")).selectByValue("ouest");
            office.go("change:move");
            assertThat(office.find("change:reason-message").getText()).isEqualTo("Indiquez la raison du changement.");
            assertThat(office.find("entry-district").getText()).isEqualTo("sud");
            office.type("change:reason", "Déménagement, justificatif de domicile vu");
            office.go("change:move");
            assertThat(office.find("messages").getText()).contains("a changé d'arrondissement sur le registre");
            assertThat(office.find("entry-district").getText()).isEqualTo("ouest");
            assertThat(office.find("trace").getText()).contains("officeadmin").contains("sud").contains("ouest")
                    .contains("Déménagement, justificatif de domicile vu");
            office.driver().executeScript("document.getElementById('entry-title').scrollIntoView();");
            office.screenshot("register");
            // back where the demo data has them, for the other tests
            new org.openqa.selenium.support.ui.Select(office.find("change:district")).selectByValue("sud");
            office.type("change:reason", "Retour");
            office.go("change:move");
            assertThat(office.find("entry-district").getText()).isEqualTo("sud");
        }
    }

    @Test
    void theOfficeCreatesACallWhoseEnvelopesMustAddUpToTheTotal() {
        String name = "Budget des quartiers " + UUID.randomUUID().toString().substring(0, 6);
        java.time.LocalDateTime start = java.time.LocalDateTime.now().plusDays(1).withSecond(0).withNano(0);
        try (Browser office = new Browser()) {
            office.signIn(DemoUser.OFFICE_ADMIN);
            office.open("/budget/index.xhtml");
            office.go("manage");
            office.go("new-call");
            office.type("call:name", name);
            office.type("call:year", "2027");

            office.type("call:cityAmount", "100000");
            // one envelope per district (other tests may have added districts) and one for the city
            List<WebElement> districts = office.all(By.cssSelector("input[id$=':amount']"));
            districts.forEach(amount -> amount.sendKeys("100000"));
            long sum = 100_000L * (districts.size() + 1);
            office.type("call:total", String.valueOf(sum + 100_000));
            String[] dates = {"submissionStart", "submissionEnd", "reviewStart", "reviewEnd", "voteStart", "voteEnd",
                    "resultsFrom", "implementationFrom"};
            int[] days = {0, 30, 30, 50, 60, 75, 76, 120};
            for (int i = 0; i < dates.length; i++) {
                WebElement input = office.find("call:" + dates[i] + "_input");
                input.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"));
                input.sendKeys(start.plusDays(days[i]).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")));
            }
            new org.openqa.selenium.support.ui.Select(office.find("call:votingRule")).selectByValue("APPROVAL");
            office.type("call:maxChoices", "3");
            new org.openqa.selenium.support.ui.Select(office.find("call:tallyRule")).selectByValue("EQUAL_SHARES");
            office.go("call:save");
            assertThat(office.find("call:envelopes-message").getText())
                    .isEqualTo("Les enveloppes totalisent %s, et non le montant total de %s.".formatted(french(sum),
                            french(sum + 100_000)));
            assertThat(office.find("call:name").getAttribute("value")).isEqualTo(name);
            screenshotWhole(office, "budget-call-form");
            office.type("call:total", String.valueOf(sum));
            office.go("call:save");
            assertThat(office.text()).contains("L'appel « " + name + " » est enregistré.");
            assertThat(office.find("ballot-rule").getText()).isEqualTo("Choisissez de 1 à 3 projets.");
            assertThat(office.find("tally-rule").getText()).startsWith("Méthode des parts égales");
            assertThat(office.all(By.cssSelector("#envelopes li.envelope"))).hasSize(districts.size() + 1);
        }
    }

    @Test
    void theBudgetPagesSpeakEnglishWithoutAFrenchWordLeft() throws Exception {
        Instant now = Instant.now();
        Api office = Api.as(DemoUser.OFFICE_ADMIN);
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        // a call open for projects, a call whose vote is open, and a real election with its results and a follow-up
        Reply submitting = office.post("/api/budget/calls", BudgetScenarios.callJson("Ideas " + suffix, now.plus(1, ChronoUnit.DAYS),
                now.plus(2, ChronoUnit.DAYS), now.plus(2, ChronoUnit.DAYS), now.plus(3, ChronoUnit.DAYS)));
        assertThat(submitting.status()).as(submitting.body()).isEqualTo(201);
        long submitCall = submitting.json().getJsonNumber("id").longValue();
        long submitNord = BudgetScenarios.envelope(submitting.json(), "nord");
        String voteName = "Vote " + suffix;
        Reply voting = office.post("/api/budget/calls", BudgetScenarios.callJson(voteName, now.plus(1, ChronoUnit.DAYS),
                now.plus(2, ChronoUnit.DAYS), now.plus(2, ChronoUnit.DAYS), now.plus(3, ChronoUnit.DAYS)));
        long voteCall = voting.json().getJsonNumber("id").longValue();
        long voteNord = BudgetScenarios.envelope(voting.json(), "nord");
        Reply garden = Api.as(DemoUser.AGENT).post("/api/budget/envelopes/" + voteNord + "/projects",
                "{\"title\": \"Shared garden\", \"cost\": 40000}");
        assertThat(garden.status()).as(garden.body()).isEqualTo(201);
        long gardenId = garden.json().getJsonNumber("id").longValue();
        move(voteCall, BudgetScenarios.callJson(voteName, now.minus(2, ChronoUnit.HOURS), now.minusSeconds(60), now.minusSeconds(30),
                now.plus(1, ChronoUnit.DAYS)));
        String toulouseName = "Toulouse " + suffix;
        String pabulib;
        try (java.io.InputStream in = BudgetJourneyTests.class.getResourceAsStream("/pabulib/France_Toulouse_2019.pb")) {
            pabulib = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        Reply imported = office.post("/api/budget/calls/import", jakarta.json.Json.createObjectBuilder()
                .add("name", toulouseName).add("year", 2019).add("pabulib", pabulib).build().toString());
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        long toulouse = imported.json().getJsonNumber("id").longValue();
        long toulouseCall = Api.anonymous().get("/api/budget/calls").array().getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("name").equals(toulouseName)).findFirst().orElseThrow()
                .getJsonNumber("id").longValue();
        long winner = Api.anonymous().get("/api/budget/envelopes/" + toulouse + "/results").json()
                .getJsonArray("winners").getJsonNumber(0).longValue();
        Reply started = office.put("/api/budget/projects/" + winner + "/followup/status",
                "{\"status\": \"IN_PROGRESS\", \"progress\": 20}");
        assertThat(started.status()).as(started.body()).isEqualTo(200);

        try (Browser visitor = new Browser()) {
            visitor.open("/language?to=en&back=/budget/index.xhtml");
            speaksEnglish(visitor, "the calls");
            visitor.open("/budget/call.xhtml?id=" + voteCall);
            speaksEnglish(visitor, "a call during its vote");
            visitor.open("/budget/projects.xhtml?call=" + voteCall);
            speaksEnglish(visitor, "the projects");
            // Toulouse's 30 imported projects: a page of 24, then the rest, the call kept in the address
            visitor.open("/budget/projects.xhtml?call=" + toulouseCall);
            assertThat(visitor.find("count").getText()).isEqualTo("30 projects");
            assertThat(visitor.all(By.cssSelector("#projects > li"))).hasSize(24);
            assertThat(visitor.css(".pager-position").getText()).isEqualTo("Page 1 of 2");
            assertThat(visitor.has("previousPage")).isFalse();
            visitor.go("nextPage");
            assertThat(visitor.driver().getCurrentUrl()).contains("call=" + toulouseCall).contains("page=2");
            assertThat(visitor.all(By.cssSelector("#projects > li"))).hasSize(6);
            assertThat(visitor.css(".pager-position").getText()).isEqualTo("Page 2 of 2");
            assertThat(visitor.has("nextPage")).isFalse();
            visitor.open("/budget/project.xhtml?id=" + gardenId);
            speaksEnglish(visitor, "a project");
            visitor.open("/budget/results.xhtml?envelope=" + toulouse);
            speaksEnglish(visitor, "the results");
            assertThat(visitor.find("ballots").getText()).matches("[\\d,]+ ballot\\(s\\): 0 online, 0 at a town hall, [\\d,]+ on paper");
            // an imported election: the counts of its file, never a share of this city's residents
            assertThat(visitor.find("file-voters").getText())
                    .startsWith("1,494 voter(s) in the imported file, which states 1,494 votes (num_votes)");
            assertThat(visitor.text()).doesNotContain("% of the").doesNotContain("registered on the platform");
            assertThat(visitor.find("file-rule").getText()).isEqualTo("Rule given by the imported file: \"greedy\".");
            visitor.open("/budget/followups.xhtml?call=" + toulouseCall);
            speaksEnglish(visitor, "the follow-up of a call");
            visitor.open("/budget/followup.xhtml?project=" + winner);
            speaksEnglish(visitor, "the follow-up of a project");
            assertThat(visitor.text()).contains("Works in progress");
        }
        try (Browser resident = new Browser()) {
            resident.signIn(DemoUser.RESIDENT);
            resident.open("/language?to=en&back=/budget/call.xhtml?id=" + submitCall);
            speaksEnglish(resident, "a call open for projects");
            resident.open("/budget/resident/submit.xhtml?envelope=" + submitNord);
            resident.go("project:save");
            speaksEnglish(resident, "the project form with its errors");
            assertThat(resident.find("project:title-message").getText()).isNotBlank();
            resident.open("/budget/resident/mine.xhtml");
            speaksEnglish(resident, "my projects");
            resident.open("/budget/resident/ballot.xhtml?envelope=" + voteNord);
            speaksEnglish(resident, "the ballot");
            resident.css("#ballot-table input[type=checkbox]").click();
            resident.waitForAjax();
            speaksEnglish(resident, "the ballot's running total");
        }
        try (Browser agent = new Browser()) {
            agent.signIn(DemoUser.AGENT);
            agent.open("/language?to=en&back=/budget/manage/index.xhtml");
            speaksEnglish(agent, "the budget's management");
            agent.open("/budget/manage/envelope.xhtml?id=" + voteNord);
            speaksEnglish(agent, "the review of an envelope");
            agent.open("/budget/manage/desk.xhtml?envelope=" + voteNord);
            agent.go("find:search");
            speaksEnglish(agent, "the town-hall desk's search with its error");
            agent.go("newPerson:enter");
            speaksEnglish(agent, "the town-hall desk's new person with its errors");
        }
        try (Browser staff = new Browser()) {
            staff.signIn(DemoUser.OFFICE_ADMIN);
            staff.open("/language?to=en&back=/budget/manage/call.xhtml");
            staff.go("call:save");
            speaksEnglish(staff, "the call form with its errors");
        }
    }

    /** The French texts of the bundles (those that differ in English), in pieces long enough to mean something. */
    private static final List<String> FRENCH_TEXTS = frenchTexts();

    /** A date written in French, "4 décembre 2026". */
    private static final java.util.regex.Pattern FRENCH_DATE = java.util.regex.Pattern.compile(
            "(?U)\\b\\d{1,2} (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)\\b");

    private static List<String> frenchTexts() {
        java.util.Properties fr = new java.util.Properties();
        java.util.Properties en = new java.util.Properties();
        try (var frIn = BudgetJourneyTests.class.getResourceAsStream("/org/agora/web/messages_fr.properties");
             var enIn = BudgetJourneyTests.class.getResourceAsStream("/org/agora/web/messages_en.properties")) {
            fr.load(new java.io.InputStreamReader(frIn, java.nio.charset.StandardCharsets.UTF_8));
            en.load(new java.io.InputStreamReader(enIn, java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return fr.stringPropertyNames().stream().filter(key -> !fr.getProperty(key).equals(en.getProperty(key)))
                .flatMap(key -> java.util.Arrays.stream(fr.getProperty(key).replace("''", "'").split("\\{[^}]*\\}+")))
                .map(String::strip).filter(piece -> piece.length() >= 12).distinct().toList();
    }

    /** The page is in English: its language, no missing key ("???key???"), no French text of the bundles, no French date. */
    private static void speaksEnglish(Browser browser, String page) {
        assertThat(browser.css("html").getAttribute("lang")).as(page).isEqualTo("en");
        assertThat(browser.driver().getPageSource()).as(page).doesNotContain("???");
        // the demo call's name is the city's data, written in French like the call names other tests give
        String text = browser.text().replace("Budget participatif de Belrive", "");
        assertThat(FRENCH_TEXTS.stream().filter(text::contains).toList()).as("French texts on " + page).isEmpty();
        assertThat(FRENCH_DATE.matcher(text).results().map(java.util.regex.MatchResult::group).toList())
                .as("French dates on " + page).isEmpty();
    }

    /** An amount as the French pages write it in messages: "600 000" with a narrow no-break space. */
    private static String french(long amount) {
        return java.text.NumberFormat.getIntegerInstance(java.util.Locale.FRENCH).format(amount);
    }

    /** The comments' rich-text editor (Quill) on the page. */
    private static WebElement commentEditor(Browser browser) {
        WebElement editor = browser.css("[id='comments:body'] .ql-editor");
        editor.click();
        return editor;
    }

    /** A screenshot of the whole page, for a long form. */
    private static void screenshotWhole(Browser browser, String name) {
        org.openqa.selenium.WebDriver.Window window = browser.driver().manage().window();
        org.openqa.selenium.Dimension usual = window.getSize();
        Object height = browser.driver().executeScript("return document.documentElement.scrollHeight;");
        window.setSize(new org.openqa.selenium.Dimension(usual.getWidth(), Math.min(((Number) height).intValue() + 150, 3000)));
        browser.screenshot(name);
        window.setSize(usual);
    }

    private static Path file(String name, byte[] bytes) throws IOException {
        Path folder = Files.createTempDirectory("agora-upload");
        return Files.write(folder.resolve(name), bytes);
    }

    private static byte[] png() throws IOException {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(64, 40, java.awt.image.BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
