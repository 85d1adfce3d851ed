package org.agora.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.agora.it.Platform.DemoUser;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * A consultation from the resident's side in headless Chromium against the real platform: a conditional question
 * appears when its choice is made, a draft is saved and found again, a refused answer is shown next to its
 * question with nothing lost, the response is sent; the organiser then reads the right counts and downloads a
 * workbook holding the same answers, and a resident of another district is told why they may not answer.
 */
abstract class ConsultationJourneyTests {

    static String question(String id) {
        return "div[data-question='" + id + "']";
    }

    /** Clicks the label of a choice (radio or checkbox) of a question, as a person would. */
    static void pick(Browser browser, String questionId, String label) {
        for (WebElement candidate : browser.all(By.cssSelector(question(questionId) + " label"))) {
            if (candidate.getText().strip().equals(label)) {
                candidate.click();
                browser.waitForAjax(); // a choice may show or hide later questions
                return;
            }
        }
        throw new AssertionError("no choice '" + label + "' in question " + questionId);
    }

    /**
     * An anonymous consultation keeps no draft on the server (it would name the person beside the answers): the draft
     * stays in this browser, comes back on the next visit, and is forgotten once the answers are sent.
     */
    @Test
    void anAnonymousConsultationsDraftStaysInThisBrowserAndIsForgottenOnceSent() {
        long id = ConsultationApiTests.openConsultationOfNord(true);
        String key = "agora.consultation." + id + ".draft." + DemoUser.RESIDENT.username;

        try (Browser resident = new Browser()) {
            resident.signIn(DemoUser.RESIDENT);
            resident.open("/consultations/answer.xhtml?id=" + id);
            pick(resident, "cycles", "Oui");
            resident.waitForCss(question("improvements"));
            pick(resident, "improvements", "Pistes");
            resident.css(question("street") + " input").sendKeys("Rue des Lilas");
            resident.click("answers:keepDraft");
            resident.waitForAjax();
            assertThat(resident.text()).contains("Vos réponses sont gardées dans ce navigateur, pas sur nos serveurs.");
            assertThat((String) resident.driver().executeScript("return window.localStorage.getItem(arguments[0]);", key))
                    .contains("Rue des Lilas").contains("lanes");
            assertThat(Api.as(DemoUser.RESIDENT).get("/api/consultations/" + id + "/response").status())
                    .as("the server holds no draft of an anonymous consultation").isEqualTo(404);

            // the next visit: the draft comes back from the browser
            resident.open("/consultations/answer.xhtml?id=" + id);
            resident.waitForCss(question("street") + " input[value='Rue des Lilas']");
            assertThat(resident.text()).contains("Nous avons repris les réponses gardées dans ce navigateur.");
            pick(resident, "safety", "4");
            resident.go("answers:submit");
            assertThat(resident.text()).contains("Vous avez répondu à cette consultation.");
            assertThat(resident.driver().executeScript("return window.localStorage.getItem(arguments[0]);", key))
                    .as("forgotten once sent").isNull();
        }
    }

    @Test
    void aReaderReportsAPublishedFreeTextAndAModeratorHidesIt() {
        long id = ConsultationApiTests.openConsultationOfNord(false);
        String personal = "Rue des Lilas, appelez Paul au 06 12 34 56 78";
        Api.Reply answered = Api.as(DemoUser.RESIDENT).put("/api/consultations/" + id + "/response",
                ConsultationApiTests.GOOD_ANSWERS.replace("Rue des Lilas", personal));
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        Api agent = Api.as(DemoUser.AGENT);
        assertThat(agent.put("/api/consultations/" + id + "/questions/street/publication",
                "{\"publication\": \"FIGURES_AND_TEXTS\"}").status()).isEqualTo(204);
        assertThat(agent.post("/api/consultations/" + id + "/close", "").status()).isEqualTo(200);
        assertThat(agent.post("/api/consultations/" + id + "/publish", "").status()).isEqualTo(200);
        String text = "#title-street ~ .texts .text-answers li";

        try (Browser organiser = new Browser()) {
            organiser.signIn(DemoUser.AGENT);
            organiser.open("/consultations/results.xhtml?id=" + id);
            assertThat(organiser.all(By.cssSelector(text + " .report-text"))).as("organisers withdraw, not report").isEmpty();
            organiser.goCss(text + " .approve");
        }
        try (Browser reader = new Browser()) {
            reader.signIn(DemoUser.RESIDENT_SUD);
            reader.open("/consultations/results.xhtml?id=" + id);
            assertThat(reader.css(text).getText()).contains(personal);
            reader.goCss(text + " .report-text");
            assertThat(reader.find("report-excerpt").getText()).isEqualTo(personal);
            new Select(reader.find("report:report-reason")).selectByValue("PERSONAL_DATA");
            reader.clickCentered("[id='report:send-report']");
            reader.waitForAjax();
            assertThat(reader.text()).contains("Merci : les modérateurs examineront votre signalement.");
        }

        jakarta.json.JsonObject reported = Api.as(DemoUser.MODERATOR).get("/api/moderation/cases?kind=CONSULTATION_TEXT")
                .array().getValuesAs(jakarta.json.JsonObject.class).stream()
                .filter(c -> c.getString("excerpt").equals(personal)).findFirst().orElseThrow();
        Api.Reply hidden = Api.as(DemoUser.MODERATOR).post("/api/moderation/cases/" + reported.getJsonNumber("id")
                + "/hide", "{\"reason\": \"Données personnelles\"}");
        assertThat(hidden.status()).as(hidden.body()).isEqualTo(200);
        try (Browser visitor = new Browser()) {
            visitor.open("/consultations/results.xhtml?id=" + id);
            assertThat(visitor.text()).doesNotContain("06 12 34 56 78");
        }
    }

    @Test
    void anOrganiserTurnsPreModerationOnAndThePublicPageSaysSo() {
        long id = ConsultationApiTests.openConsultationOfNord(false);
        try (Browser organiser = new Browser()) {
            organiser.signIn(DemoUser.AGENT);
            organiser.open("/consultations/manage/consultation.xhtml?id=" + id);
            assertThat(organiser.find("pre-moderation-state").getText()).startsWith("Modération a posteriori");
            organiser.go("pre-moderation:toggle");
            assertThat(organiser.text()).contains("Les nouveaux commentaires de « Le vélo dans le quartier » attendront"
                    + " l'accord d'un modérateur.");
            assertThat(organiser.find("pre-moderation-state").getText()).startsWith("Modération a priori active");
        }
        try (Browser visitor = new Browser()) {
            visitor.open("/consultations/view.xhtml?id=" + id);
            assertThat(visitor.find("pre-moderated").getText())
                    .isEqualTo("Les nouveaux commentaires de cette consultation sont publiés après l'accord d'un modérateur.");
        }
        assertThat(Api.anonymous().get("/api/consultations/" + id).json().getBoolean("preModerated")).isTrue();
    }

    @Test
    void aResidentAnswersAndTheOrganiserReadsAndExportsTheSameAnswers() throws Exception {
        long id = ConsultationApiTests.openConsultationOfNord(false);

        try (Browser resident = new Browser()) {
            resident.signIn(DemoUser.RESIDENT);
            resident.open("/consultations/index.xhtml?district=nord&status=OPEN");
            assertThat(resident.text()).contains("Le vélo dans le quartier");
            resident.screenshot("consultations-list");
            resident.open("/consultations/view.xhtml?id=" + id);
            assertThat(resident.find("description").getText()).isEqualTo("Votre avis");
            resident.go("answer");

            // the conditional question shows once "Oui" is picked
            assertThat(resident.all(By.cssSelector(question("improvements")))).isEmpty();
            pick(resident, "cycles", "Oui");
            resident.waitForCss(question("improvements"));
            pick(resident, "improvements", "Pistes");
            pick(resident, "improvements", "Arceaux");
            resident.css(question("street") + " input").sendKeys("Rue des Lilas");

            // save and come back: what was typed is there again
            resident.go("answers:saveDraft");
            assertThat(resident.text()).contains("Vos réponses sont enregistrées");
            resident.open("/consultations/view.xhtml?id=" + id);
            assertThat(resident.find("answer").getText()).isEqualTo("Reprendre mes réponses");
            resident.go("answer");
            assertThat(resident.css(question("street") + " input").getAttribute("value")).isEqualTo("Rue des Lilas");

            // three improvements where two are allowed, and no scale: refused next to each question, nothing lost
            pick(resident, "improvements", "Éclairage");
            resident.css(question("trips") + " input").sendKeys("12");
            new Select(resident.css("select[data-option='c']")).selectByVisibleText("1");
            new Select(resident.css("select[data-option='a']")).selectByVisibleText("2");
            new Select(resident.css("select[data-option='b']")).selectByVisibleText("3");
            resident.go("answers:submit");
            assertThat(resident.css(question("improvements") + " .answer-error").getText()).isEqualTo("Choisissez au plus 2 réponses.");
            assertThat(resident.css(question("safety") + " .answer-error").getText()).isEqualTo("Merci de répondre à cette question.");
            assertThat(resident.css(question("street") + " input").getAttribute("value")).isEqualTo("Rue des Lilas");
            resident.screenshot("consultation-answer-errors");

            pick(resident, "improvements", "Arceaux");
            resident.waitForCss(question("safety"));
            pick(resident, "safety", "4");
            for (WebElement row : resident.all(By.cssSelector(question("places") + " tr"))) {
                String place = row.findElement(By.tagName("th")).getText();
                String choice = place.equals("Parc") ? "Bien" : "Mal";
                row.findElements(By.tagName("label")).stream().filter(l -> l.getText().strip().equals(choice))
                        .findFirst().orElseThrow().click();
            }
            resident.screenshot("consultation-answer");
            resident.go("answers:submit");
            assertThat(resident.text()).contains("Merci, vos réponses sont enregistrées.")
                    .contains("Vous avez répondu à cette consultation.");
            assertThat(resident.has("answer")).isFalse();
        }

        Api.Reply stored = Api.as(DemoUser.RESIDENT).get("/api/consultations/" + id + "/response");
        assertThat(stored.json().getJsonObject("answers").getJsonArray("improvements").toString())
                .isEqualTo("[\"lanes\",\"lights\"]");

        try (Browser agent = new Browser()) {
            agent.signIn(DemoUser.AGENT);
            agent.open("/consultations/results.xhtml?id=" + id);
            assertThat(agent.find("response-count").getText()).isEqualTo("1 réponse");
            List<String> improvements = rows(agent, "result-improvements");
            assertThat(improvements).containsExactly("Pistes 1 100,0", "Arceaux 0 0,0", "Éclairage 1 100,0");
            assertThat(rows(agent, "result-cycles")).containsExactly("Oui 1 100,0", "Non 0 0,0");
            assertThat(agent.css("#result-safety .average").getText()).isEqualTo("4");
            assertThat(rows(agent, "result-priorities")).first().asString().startsWith("Parcs 3");
            assertThat(agent.css("#result-street .text-answer").getText()).isEqualTo("Rue des Lilas");
            agent.screenshot("consultation-results");

            Path workbook = agent.download("results:export");
            try (InputStream in = Files.newInputStream(workbook); XSSFWorkbook book = new XSSFWorkbook(in)) {
                Sheet sheet = book.getSheetAt(0);
                assertThat(sheet.getLastRowNum()).isEqualTo(1);
                List<String> headers = cells(sheet.getRow(0));
                List<String> answers = cells(sheet.getRow(1));
                assertThat(headers).contains("Répondant", "Faites-vous du vélo ?", "Améliorations", "Quelle rue ?");
                assertThat(answers.get(headers.indexOf("Répondant"))).isEqualTo("resident");
                assertThat(answers.get(headers.indexOf("Faites-vous du vélo ?"))).isEqualTo("Oui");
                assertThat(answers.get(headers.indexOf("Améliorations"))).isEqualTo("Pistes; Éclairage");
                assertThat(answers.get(headers.indexOf("Quelle rue ?"))).isEqualTo("Rue des Lilas");
                assertThat(answers.get(headers.indexOf("Sécurité ressentie"))).isEqualTo("4");
                assertThat(answers.get(headers.indexOf("Trajets par semaine"))).isEqualTo("12");
                assertThat(answers.get(headers.indexOf("Priorités"))).isEqualTo("Parcs > Écoles > Commerces");
            }
        }

        try (Browser elsewhere = new Browser()) {
            elsewhere.signIn(DemoUser.RESIDENT_SUD);
            elsewhere.open("/consultations/view.xhtml?id=" + id);
            assertThat(elsewhere.find("why-not").getText())
                    .isEqualTo("Cette consultation s'adresse aux habitants d'un autre arrondissement.");
            assertThat(elsewhere.has("answer")).isFalse();

            // but anyone signed in takes part in the discussion: a comment, edited, then deleted
            assertThat(elsewhere.find("no-comments").getText()).isEqualTo("Pas encore de commentaire.");
            commentEditor(elsewhere).sendKeys("Je traverse Nord à vélo tous les jours.");
            elsewhere.find("comments:send").click();
            elsewhere.waitForAjax();
            assertThat(elsewhere.find("comments-title").getText()).isEqualTo("1 commentaire");
            assertThat(elsewhere.find("why-not").getText()).startsWith("Cette consultation s'adresse");
            elsewhere.css("#comments-section li.comment a[id$='edit']").click();
            elsewhere.waitForAjax();
            assertThat(elsewhere.find("editing-comment").getText()).isEqualTo("Vous modifiez votre commentaire.");
            assertThat(commentEditor(elsewhere).getText()).isEqualTo("Je traverse Nord à vélo tous les jours.");
            commentEditor(elsewhere).sendKeys(Keys.END, " Plus d'arceaux, svp.");
            elsewhere.find("comments:send").click();
            elsewhere.waitForAjax();
            assertThat(elsewhere.css("#comments-section .comment-body").getText())
                    .isEqualTo("Je traverse Nord à vélo tous les jours. Plus d'arceaux, svp.");
            assertThat(elsewhere.css("#comments-section .comment-edited").getText()).isEqualTo("modifié");
            elsewhere.css("#comments-section li.comment a[id$='delete']").click();
            elsewhere.driver().switchTo().alert().accept();
            elsewhere.waitForAjax();
            assertThat(elsewhere.find("no-comments").getText()).isEqualTo("Pas encore de commentaire.");
            elsewhere.open("/consultations/results.xhtml?id=" + id);
            assertThat(elsewhere.text()).doesNotContain("Rue des Lilas");
        }
    }

    /** The comments' rich-text editor (Quill) on the page, focused. */
    static WebElement commentEditor(Browser browser) {
        WebElement editor = browser.css("[id='comments:body'] .ql-editor");
        editor.click();
        return editor;
    }

    static List<String> rows(Browser browser, String sectionId) {
        List<String> rows = new ArrayList<>();
        for (WebElement row : browser.all(By.cssSelector("#" + sectionId + " table.figures tbody tr"))) {
            rows.add(row.getText().replace(" %", "").replaceAll("\\s+", " ").strip());
        }
        return rows;
    }

    static List<String> cells(Row row) {
        DataFormatter formatter = new DataFormatter();
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < row.getLastCellNum(); i++) {
            Cell cell = row.getCell(i);
            cells.add(cell == null ? "" : formatter.formatCellValue(cell));
        }
        return cells;
    }
}
