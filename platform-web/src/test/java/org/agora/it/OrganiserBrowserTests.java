package org.agora.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.agora.it.Api.Reply;
import org.agora.it.Platform.DemoUser;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Organisers in headless Chromium: a district agent creates a consultation for their district, builds its
 * questionnaire (several types, a conditional question, a reordering), schedules and opens it; errors appear next
 * to their fields with nothing typed lost; the agent can neither pick nor open anything outside their district.
 * The journey from the form to the export is in stages, each a test of its own on a consultation of its own, in any
 * order: each sets up the state it starts from through the API ({@link ConsultationScenarios}).
 */
abstract class OrganiserBrowserTests {

    private static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final ZoneId PARIS = ConsultationScenarios.PARIS;

    /** Creating a consultation: errors next to their fields with nothing typed lost, then a cover image. */
    @Test
    void agentCreatesAConsultationOfTheirDistrictWithACoverImage() throws Exception {
        String title = "La place du Marché " + UUID.randomUUID().toString().substring(0, 6);
        LocalDateTime opens = LocalDateTime.now(PARIS).plusDays(3).truncatedTo(ChronoUnit.HOURS);
        try (Browser browser = new Browser()) {
            browser.signIn(DemoUser.AGENT);
            browser.go("nav-organise");
            assertThat(browser.heading()).isEqualTo("Consultations que j'organise");
            browser.go("new-consultation");
            assertThat(browser.heading()).isEqualTo("Nouvelle consultation");

            // the agent is offered their own district only: no "whole city", no other district
            assertThat(options(browser, "consultation:scope")).containsExactly("Nord");

            // an empty title, then a closing before the opening: each shown next to its field, nothing lost
            describe(browser, "Bancs, arbres, fontaine : dites-nous ce que vous voulez.");
            typeDate(browser, "consultation:opensAt", opens);
            typeDate(browser, "consultation:closesAt", opens.minusDays(1));
            new Select(browser.find("consultation:theme")).selectByVisibleText("Espaces verts");
            browser.go("consultation:save");
            assertThat(message(browser, "consultation:title")).isEqualTo("Ce champ est obligatoire.");
            assertThat(browser.find("consultation:closesAt_input").getAttribute("value"))
                    .isEqualTo(opens.minusDays(1).format(TYPED));

            browser.type("consultation:title", title);
            browser.go("consultation:save");
            assertThat(message(browser, "consultation:closesAt")).isEqualTo("La fin doit venir après le début.");
            assertThat(message(browser, "consultation:title")).isEmpty();
            assertThat(browser.find("consultation:title").getAttribute("value")).isEqualTo(title);
            assertThat(description(browser)).isEqualTo("Bancs, arbres, fontaine : dites-nous ce que vous voulez.");
            assertThat(new Select(browser.find("consultation:theme")).getFirstSelectedOption().getText())
                    .isEqualTo("Espaces verts");

            typeDate(browser, "consultation:closesAt", opens.plusDays(14));
            browser.go("consultation:save");
            assertThat(browser.heading()).as(browser.text()).isEqualTo(title);
            assertThat(browser.text()).contains("Consultation « " + title + " » enregistrée.");
            assertThat(browser.find("status").getText()).isEqualTo("Brouillon");
            assertThat(browser.find("consultation:opensAt_input").getAttribute("value")).isEqualTo(opens.format(TYPED));
            assertThat(buttons(browser)).containsExactly("Programmer");
            tallScreenshot(browser, "organiser-consultation-form");

            // a cover image: a PDF named .png is refused next to the field, a real PNG is shown
            browser.css("#cover input[type=file]").sendKeys(file("plan.png", "%PDF-1.7 a plan".getBytes()).toString());
            browser.go("cover:upload");
            assertThat(message(browser, "cover:file")).isEqualTo("Ce fichier n'est pas une image PNG ou JPEG.");
            assertThat(browser.has("cover-image")).isFalse();
            browser.css("#cover input[type=file]").sendKeys(file("place.png", png()).toString());
            browser.go("cover:upload");
            assertThat(browser.text()).contains("Image de couverture de « " + title + " » enregistrée.");
            String cover = browser.find("cover-image").getAttribute("src");
            assertThat(Api.anonymous().get(cover.substring(cover.indexOf("/agora/") + "/agora".length())).contentType())
                    .isEqualTo("image/png");

        }
    }

    /**
     * Building the questionnaire of a draft the agent made through the API: six types, a conditional question, a
     * refused scale, reordering with the buttons and by drag and drop, an edit that keeps the ids.
     */
    @Test
    void agentBuildsTheQuestionnaireWithAConditionAndAReordering() {
        String title = "La place du Marché " + UUID.randomUUID().toString().substring(0, 6);
        LocalDateTime opens = LocalDateTime.now(PARIS).plusDays(3).truncatedTo(ChronoUnit.HOURS);
        long id = ConsultationScenarios.draftOfNord(title, opens, opens.plusDays(14));
        try (Browser browser = new Browser()) {
            browser.signIn(DemoUser.AGENT);
            browser.open("/consultations/manage/consultation.xhtml?id=" + id);
            // the questionnaire: six types, one question shown only for an earlier answer
            browser.go("questions-link");
            assertThat(browser.heading()).isEqualTo("Questionnaire");
            addQuestion(browser, "SINGLE_CHOICE", "Venez-vous sur la place le samedi ?", "Oui\nNon", true);
            addQuestion(browser, "MULTIPLE_CHOICE", "Que manque-t-il ?", "Des bancs\nDes arbres\nUne fontaine", false,
                    b -> b.type("editor:maxChoices", "2"));

            browser.go("questionList:add");
            choose(browser, "editor:type", "SHORT_TEXT", d -> !browser.has("editor:options"));
            browser.type("editor:text", "Qu'y faites-vous ?");
            choose(browser, "editor:conditionQuestion", "q1", d -> options(browser, "editor:conditionOption").contains("Oui"));
            assertThat(options(browser, "editor:conditionQuestion"))
                    .containsExactly("(toujours affichée)", "Venez-vous sur la place le samedi ?", "Que manque-t-il ?");
            new Select(browser.find("editor:conditionOption")).selectByVisibleText("Oui");
            browser.go("editor:save");
            assertThat(browser.text()).contains("Question « Qu'y faites-vous ? » enregistrée.");

            // a scale from 5 down to 1 is refused next to its maximum; what was typed stays
            browser.go("questionList:add");
            choose(browser, "editor:type", "SCALE", d -> browser.has("editor:min"));
            assertThat(browser.find("editor:min").getAttribute("value")).isEqualTo("1");
            browser.type("editor:text", "Êtes-vous satisfait de la place ?");
            browser.type("editor:min", "5");
            browser.type("editor:max", "1");
            browser.type("editor:minLabel", "Pas du tout");
            browser.go("editor:save");
            assertThat(message(browser, "editor:max"))
                    .isEqualTo("Une échelle va d'une valeur basse à une valeur haute, en 11 crans au plus.");
            assertThat(browser.find("editor:text").getAttribute("value")).isEqualTo("Êtes-vous satisfait de la place ?");
            assertThat(browser.find("editor:minLabel").getAttribute("value")).isEqualTo("Pas du tout");
            assertThat(rows(browser)).hasSize(3);
            browser.type("editor:min", "1");
            browser.type("editor:max", "5");
            browser.type("editor:maxLabel", "Tout à fait");
            browser.go("editor:save");
            assertThat(rows(browser)).hasSize(4);

            addQuestion(browser, "MATRIX", "Comment trouvez-vous ces lieux ?", "Bien\nMoyen\nMal", false,
                    b -> b.type("editor:rows", "Le marché\nLe square"));
            addQuestion(browser, "NUMBER", "Combien de minutes y passez-vous par semaine ?", null, false,
                    b -> {
                        b.type("editor:min", "0");
                        b.type("editor:max", "600");
                    });
            assertThat(questionTexts(browser)).containsExactly(
                    "Venez-vous sur la place le samedi ?", "Que manque-t-il ?", "Qu'y faites-vous ?",
                    "Êtes-vous satisfait de la place ?", "Comment trouvez-vous ces lieux ?",
                    "Combien de minutes y passez-vous par semaine ?");
            assertThat(rows(browser).get(2)).contains("Affichée si « Venez-vous sur la place le samedi ? » = « Oui »");
            assertThat(rows(browser).get(3)).contains("Échelle").contains("1 (Pas du tout) à 5 (Tout à fait)");
            assertThat(rows(browser).get(4)).contains("Grille").contains("Lignes : Le marché / Le square ; colonnes : Bien / Moyen / Mal");

            // the number question moves up above the grid, with the accessible buttons
            browser.go("questionList:questions:5:up");
            assertThat(browser.text()).contains("placée en position 5");
            assertThat(rows(browser).get(4)).contains("Combien de minutes");
            assertThat(rows(browser).get(5)).contains("Comment trouvez-vous ces lieux ?");

            // the conditional question cannot go above the question it depends on
            browser.go("questionList:questions:2:up");
            browser.go("questionList:questions:1:up");
            assertThat(browser.text()).contains("La question « q3 » ne peut dépendre que d'une question précédente.");
            assertThat(rows(browser).get(0)).contains("Venez-vous sur la place le samedi ?");
            browser.go("questionList:questions:1:down"); // back where it was
            assertThat(rows(browser).get(2)).contains("Qu'y faites-vous ?");

            // or drag and drop: the grid goes above the scale
            drag(browser, 5, 3);
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
                    .until(d -> browser.text().contains("« Comment trouvez-vous ces lieux ? » placée en position 4"));
            assertThat(questionTexts(browser)).containsExactly(
                    "Venez-vous sur la place le samedi ?", "Que manque-t-il ?", "Qu'y faites-vous ?",
                    "Comment trouvez-vous ces lieux ?", "Êtes-vous satisfait de la place ?",
                    "Combien de minutes y passez-vous par semaine ?");
            browser.go("questionList:questions:2:edit");
            assertThat(browser.find("editor-title").getText()).isEqualTo("Modifier la question q3");
            assertThat(new Select(browser.find("editor:conditionOption")).getFirstSelectedOption().getText()).isEqualTo("Oui");
            tallScreenshot(browser, "organiser-questionnaire-builder");
            browser.go("editor:cancel");
            assertThat(browser.has("editor:save")).isFalse();

            // edited question keeps its id, and its options keep theirs
            browser.go("questionList:questions:0:edit");
            assertThat(browser.find("editor:options").getAttribute("value")).isEqualTo("Oui\nNon");
            browser.type("editor:options", "Non\nOui\nParfois");
            browser.go("editor:save");
            assertThat(rows(browser).get(0)).contains("q1").contains("Non / Oui / Parfois");
            assertThat(rows(browser).get(2)).contains("= « Oui »");

            // back to the consultation's form
            browser.go("back");
            assertThat(browser.driver().getCurrentUrl().replaceAll(".*[?&]id=(\\d+).*", "$1")).isEqualTo(String.valueOf(id));
        }
    }

    /** Scheduling and opening a draft whose questionnaire the agent built (through the API): the questions lock. */
    @Test
    void agentSchedulesAndOpensTheConsultationAndItsQuestionsLock() {
        String title = "La place du Marché " + UUID.randomUUID().toString().substring(0, 6);
        LocalDateTime opens = LocalDateTime.now(PARIS).plusDays(3).truncatedTo(ChronoUnit.HOURS);
        long id = ConsultationScenarios.withMarketQuestions(ConsultationScenarios.draftOfNord(title, opens, opens.plusDays(14)));
        try (Browser browser = new Browser()) {
            browser.signIn(DemoUser.AGENT);
            browser.open("/consultations/manage/consultation.xhtml?id=" + id);
            // schedule, then open now
            browser.go("lifecycle:schedule");
            assertThat(browser.find("status").getText()).isEqualTo("Programmée");
            assertThat(browser.text()).contains("Consultation « " + title + " » programmée.");
            assertThat(buttons(browser)).containsExactly("Remettre en brouillon", "Ouvrir maintenant");
            assertThat(browser.find("consultation:title").isEnabled()).isFalse();
            browser.go("lifecycle:openNow");
            assertThat(browser.find("status").getText()).isEqualTo("Ouverte");
            assertThat(buttons(browser)).containsExactly("Clôturer maintenant");
            assertThat(browser.has("consultation:save")).isFalse();

            browser.go("questions-link");
            assertThat(browser.find("locked").getText()).startsWith("Les questions ne peuvent plus changer");
            assertThat(browser.has("questionList:add")).isFalse();
            assertThat(browser.has("questionList:questions:0:up")).isFalse();
            assertThat(rows(browser)).hasSize(6);

            browser.go("nav-organise");
            String list = browser.find("consultations").getText();
            assertThat(list).contains(title);
            assertThat(row(browser, "consultations", title)).contains("Nord").contains("Ouverte")
                    .contains(opens.plusDays(14).format(TYPED));
        }
    }

    /** A resident of Nord answers the open consultation, its conditional question shown for the answer it depends on. */
    @Test
    void aResidentAnswersTheConsultationFollowingItsCondition() {
        long id = ConsultationScenarios.marketOpen("La place du Marché " + UUID.randomUUID().toString().substring(0, 6));
        // a resident of Nord answers what the agent built, following its condition
        try (Browser resident = new Browser()) {
            resident.signIn(DemoUser.RESIDENT);
            resident.open("/consultations/answer.xhtml?id=" + id);
            assertThat(resident.all(By.cssSelector(ConsultationJourneyTests.question("q3")))).isEmpty();
            ConsultationJourneyTests.pick(resident, "q1", "Oui");
            resident.waitForCss(ConsultationJourneyTests.question("q3"));
            ConsultationJourneyTests.pick(resident, "q2", "Des bancs");
            ConsultationJourneyTests.pick(resident, "q2", "Une fontaine");
            resident.css(ConsultationJourneyTests.question("q3") + " input").sendKeys("Mes courses au marché");
            ConsultationJourneyTests.pick(resident, "q4", "4");
            resident.css(ConsultationJourneyTests.question("q6") + " input").sendKeys("45");
            for (WebElement line : resident.all(By.cssSelector(ConsultationJourneyTests.question("q5") + " tr"))) {
                String choice = line.findElement(By.tagName("th")).getText().equals("Le marché") ? "Bien" : "Moyen";
                line.findElements(By.tagName("label")).stream().filter(l -> l.getText().strip().equals(choice))
                        .findFirst().orElseThrow().click();
            }
            resident.go("answers:submit");
            assertThat(resident.text()).contains("Merci, vos réponses sont enregistrées.");
        }
    }

    /** The agent reads the counts of a consultation a resident answered (through the API) and exports the answers. */
    @Test
    void agentReadsTheCountsAndExportsTheAnswers() throws Exception {
        long id = ConsultationScenarios.marketOpen("La place du Marché " + UUID.randomUUID().toString().substring(0, 6));
        ConsultationScenarios.answeredByTheResident(id);
        // the agent reads the counts and exports the same answers
        try (Browser agent = new Browser()) {
            agent.signIn(DemoUser.AGENT);
            agent.open("/consultations/results.xhtml?id=" + id);
            assertThat(agent.find("response-count").getText()).isEqualTo("1 réponse");
            assertThat(ConsultationJourneyTests.rows(agent, "result-q1")).containsExactly("Non 0 0,0", "Oui 1 100,0", "Parfois 0 0,0");
            assertThat(ConsultationJourneyTests.rows(agent, "result-q2"))
                    .containsExactly("Des bancs 1 100,0", "Des arbres 0 0,0", "Une fontaine 1 100,0");
            assertThat(agent.css("#result-q4 .average").getText()).isEqualTo("4");
            assertThat(agent.css("#result-q3 .text-answer").getText()).isEqualTo("Mes courses au marché");

            Path workbook = agent.download("results:export");
            try (InputStream in = Files.newInputStream(workbook); XSSFWorkbook book = new XSSFWorkbook(in)) {
                Sheet sheet = book.getSheetAt(0);
                assertThat(sheet.getLastRowNum()).isEqualTo(1);
                List<String> headers = ConsultationJourneyTests.cells(sheet.getRow(0));
                List<String> answers = ConsultationJourneyTests.cells(sheet.getRow(1));
                assertThat(answers.get(headers.indexOf("Venez-vous sur la place le samedi ?"))).isEqualTo("Oui");
                assertThat(answers.get(headers.indexOf("Que manque-t-il ?"))).isEqualTo("Des bancs; Une fontaine");
                assertThat(answers.get(headers.indexOf("Qu'y faites-vous ?"))).isEqualTo("Mes courses au marché");
                assertThat(answers.get(headers.indexOf("Êtes-vous satisfait de la place ?"))).isEqualTo("4");
                assertThat(answers.get(headers.indexOf("Combien de minutes y passez-vous par semaine ?"))).isEqualTo("45");
                assertThat(answers.get(headers.indexOf("Comment trouvez-vous ces lieux ? — Le marché"))).isEqualTo("Bien");
                assertThat(answers.get(headers.indexOf("Comment trouvez-vous ces lieux ? — Le square"))).isEqualTo("Moyen");
            }
        }
    }

    @Test
    void agentCannotOrganiseOutsideTheirDistrictAndTheOfficeOrganisesAnywhere() {
        String title = "Le parc du Sud " + UUID.randomUUID().toString().substring(0, 6);
        long sud = consultationOfSudByTheOffice(title);
        try (Browser browser = new Browser()) {
            browser.signIn(DemoUser.AGENT);
            browser.open("/consultations/manage/consultation.xhtml");

            // a district the select does not offer is refused by the page, the whole city by the rules
            forgeScope(browser, "sud");
            browser.go("consultation:save");
            assertThat(message(browser, "consultation:scope")).isEqualTo("Choisissez une des valeurs proposées.");
            forgeScope(browser, "");
            browser.go("consultation:save");
            assertThat(browser.text()).contains("Vous n'organisez que les consultations de vos arrondissements.");

            browser.go("nav-organise");
            assertThat(browser.find("consultations").getText()).doesNotContain(title);
            browser.open("/consultations/manage/consultation.xhtml?id=" + sud);
            assertThat(browser.heading()).isEqualTo("Accès refusé");
            browser.open("/consultations/manage/questions.xhtml?id=" + sud);
            assertThat(browser.heading()).isEqualTo("Accès refusé");
            browser.open("/consultations/manage/consultation.xhtml?id=987654321");
            assertThat(browser.heading()).isEqualTo("Page introuvable");
            browser.open("/consultations/manage/questions.xhtml?id=abc");
            assertThat(browser.heading()).isEqualTo("Page introuvable");
            browser.open("/consultations/view.xhtml?id=abc");
            assertThat(browser.heading()).isEqualTo("Page introuvable");
            browser.open("/consultations/results.xhtml?id=1%27%20or%201=1");
            assertThat(browser.heading()).isEqualTo("Page introuvable");
        }
        try (Browser browser = new Browser()) {
            browser.signIn(DemoUser.RESIDENT);
            assertThat(browser.has("nav-organise")).isFalse();
            browser.open("/consultations/manage/index.xhtml");
            assertThat(browser.heading()).isEqualTo("Accès refusé");
        }
        try (Browser browser = new Browser()) {
            browser.signIn(DemoUser.OFFICE_ADMIN);
            browser.go("nav-organise");
            assertThat(row(browser, "consultations", title)).contains("Sud").contains("Brouillon");
            browser.go("new-consultation");
            assertThat(options(browser, "consultation:scope")).startsWith("Toute la ville").contains("Nord", "Sud");

            // a copy for Nord: a new draft with the same questions, opened on its own form
            browser.open("/consultations/manage/consultation.xhtml?id=" + sud);
            assertThat(browser.heading()).isEqualTo(title);
            new Select(browser.find("lifecycle:duplicateScope")).selectByVisibleText("Nord");
            browser.go("lifecycle:duplicate");
            assertThat(browser.text()).contains("Copie de « " + title + " » créée en brouillon");
            String copy = browser.driver().getCurrentUrl().replaceAll(".*[?&]id=(\\d+).*", "$1");
            assertThat(copy).isNotEqualTo(String.valueOf(sud));
            assertThat(browser.find("status").getText()).isEqualTo("Brouillon");
            assertThat(new Select(browser.find("consultation:scope")).getFirstSelectedOption().getText()).isEqualTo("Nord");
            browser.go("questions-link");
            assertThat(rows(browser)).hasSize(2);
        }
    }

    /** A draft of the south district with two questions, made by the office through the API. */
    private static long consultationOfSudByTheOffice(String title) {
        Api office = Api.as(DemoUser.OFFICE_ADMIN);
        Instant opens = Instant.now().plus(10, ChronoUnit.DAYS);
        Reply created = office.post("/api/consultations", """
                {"title": "%s", "description": "<p>Le parc</p>", "district": "sud",
                 "opensAt": "%s", "closesAt": "%s", "anonymous": false, "answersEditable": true}"""
                .formatted(title, opens, opens.plus(7, ChronoUnit.DAYS)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().getJsonNumber("id").longValue();
        Reply questions = office.put("/api/consultations/" + id + "/questions", """
                [{"id": "often", "type": "SINGLE_CHOICE", "text": "Y allez-vous ?",
                  "options": [{"id": "yes", "label": "Oui"}, {"id": "no", "label": "Non"}]},
                 {"id": "why", "type": "LONG_TEXT", "text": "Pourquoi ?"}]""");
        assertThat(questions.status()).as(questions.body()).isEqualTo(200);
        return id;
    }

    private static void addQuestion(Browser browser, String type, String text, String options, boolean required) {
        addQuestion(browser, type, text, options, required, b -> { });
    }

    private static void addQuestion(Browser browser, String type, String text, String options, boolean required,
                                    Consumer<Browser> more) {
        int before = rows(browser).size();
        browser.go("questionList:add");
        if (!"SINGLE_CHOICE".equals(type)) {
            String marker = switch (type) {
                case "MATRIX" -> "editor:rows";
                case "NUMBER", "SCALE" -> "editor:min";
                case "MULTIPLE_CHOICE" -> "editor:maxChoices";
                default -> "editor:text";
            };
            choose(browser, "editor:type", type, d -> browser.has(marker));
        }
        browser.type("editor:text", text);
        if (options != null) {
            browser.type("editor:options", options);
        }
        if (required) {
            browser.click("editor:required");
        }
        more.accept(browser);
        browser.go("editor:save");
        assertThat(rows(browser)).as(browser.text()).hasSize(before + 1);
    }

    /** Picks an option of a select that updates part of the page by Ajax, and waits for the update. */
    private static void choose(Browser browser, String select, String value, Function<WebDriver, Boolean> updated) {
        new Select(browser.find(select)).selectByValue(value);
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                .ignoring(StaleElementReferenceException.class) // the part being replaced
                .until(updated);
    }

    private static List<String> options(Browser browser, String select) {
        return new Select(browser.find(select)).getOptions().stream().map(WebElement::getText).toList();
    }

    /** The rows of the questionnaire table; an empty table has none. */
    private static List<String> rows(Browser browser) {
        return browser.all(By.cssSelector("[id='questionList:questions'] tbody tr[data-ri]")).stream()
                .map(WebElement::getText).toList();
    }

    private static List<String> questionTexts(Browser browser) {
        return browser.all(By.cssSelector("[id='questionList:questions'] tbody tr[data-ri] .question-text")).stream()
                .map(WebElement::getText).toList();
    }

    private static String row(Browser browser, String table, String containing) {
        return browser.all(By.cssSelector("[id='" + table + "'] tbody tr")).stream().map(WebElement::getText)
                .filter(t -> t.contains(containing)).findFirst().orElse("");
    }

    /** The lifecycle buttons shown. */
    private static List<String> buttons(Browser browser) {
        return browser.all(By.cssSelector("[id='lifecycle'] p.actions button")).stream().map(WebElement::getText).toList();
    }

    private static String message(Browser browser, String input) {
        return browser.find(input + "-message").getText().trim();
    }

    /** Drags a row of the questionnaire by its number cell and drops it over the upper half of another. */
    private static void drag(Browser browser, int from, int to) {
        WebElement source = browser.driver().findElement(By.cssSelector("[id='questionList:questions'] tr[data-ri='" + from + "'] td"));
        WebElement target = browser.driver().findElement(By.cssSelector("[id='questionList:questions'] tr[data-ri='" + to + "'] td"));
        int up = target.getRect().getHeight() / 4;
        new Actions(browser.driver())
                .clickAndHold(source).pause(Duration.ofMillis(200))
                .moveByOffset(0, -10).pause(Duration.ofMillis(200))
                .moveToElement(target, 0, -up).pause(Duration.ofMillis(200))
                .moveByOffset(0, -2).pause(Duration.ofMillis(200))
                .release().perform();
    }

    /** A screenshot of the whole form or table rather than its first screen, for the user guide. */
    private static void tallScreenshot(Browser browser, String name) {
        WebDriver.Window window = browser.driver().manage().window();
        Dimension usual = window.getSize();
        Object height = browser.driver().executeScript("return document.documentElement.scrollHeight;");
        window.setSize(new Dimension(usual.getWidth(), Math.min(((Number) height).intValue() + 150, 2400)));
        browser.screenshot(name);
        window.setSize(usual);
    }

    /** Types a date and time as a person would: select what the field holds, type over it. */
    private static void typeDate(Browser browser, String datePicker, LocalDateTime value) {
        WebElement input = browser.find(datePicker + "_input");
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"));
        input.sendKeys(value.format(TYPED));
    }

    private static void describe(Browser browser, String text) {
        WebElement editor = browser.driver().findElement(By.cssSelector("[id='consultation:description'] .ql-editor"));
        editor.click();
        editor.sendKeys(text);
    }

    private static String description(Browser browser) {
        return browser.driver().findElement(By.cssSelector("[id='consultation:description'] .ql-editor")).getText();
    }

    /** What a person could send by editing the page: a scope the select does not offer. */
    private static void forgeScope(Browser browser, String value) {
        browser.driver().executeScript("""
                const select = document.getElementById('consultation:scope');
                const option = document.createElement('option');
                option.value = arguments[0];
                option.text = 'forged';
                select.add(option);
                select.value = arguments[0];""", value);
    }

    private static Path file(String name, byte[] bytes) throws java.io.IOException {
        Path folder = Files.createTempDirectory("agora-upload");
        return Files.write(folder.resolve(name), bytes);
    }

    private static byte[] png() throws java.io.IOException {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(64, 40, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
