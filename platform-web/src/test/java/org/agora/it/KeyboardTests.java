package org.agora.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.agora.it.Platform.DemoUser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * RGAA 4 / WCAG 2.1 (2.1.1 keyboard, 2.4.7 focus visible): a resident votes and answers a questionnaire with the
 * keyboard alone, Tab, Shift+Tab, the arrows, Space and Enter, from the top of each page; every element the focus
 * reaches on the way shows that it has it. The sign-in itself is Keycloak's page.
 */
abstract class KeyboardTests {

    /** How many Tab presses reaching one element may take before the page is taken to be unreachable by keyboard. */
    private static final int MOST_TABS = 120;

    /** A browser driven by keys only, which remembers the focused elements that showed no focus. */
    private static final class Keyboard {

        private final Browser browser;
        private final List<String> unseenFocus = new ArrayList<>();

        Keyboard(Browser browser) {
            this.browser = browser;
        }

        void press(CharSequence key) {
            new Actions(browser.driver()).sendKeys(key).perform();
        }

        /** Tab until the focused element matches the selector; fails if it never does. */
        WebElement tabTo(String selector) {
            for (int i = 0; i < MOST_TABS; i++) {
                press(Keys.TAB);
                WebElement focused = browser.driver().switchTo().activeElement();
                checkVisible(focused);
                if (Boolean.TRUE.equals(browser.driver().executeScript(
                        "return arguments[0].matches(arguments[1]);", focused, selector))) {
                    return focused;
                }
            }
            throw new AssertionError("the keyboard never reaches " + selector + " on " + browser.driver().getCurrentUrl());
        }

        /** Presses a key that loads another page, and waits for it. */
        void pressAndWaitForPage(CharSequence key) {
            browser.driver().executeScript("window.agoraPreviousPage = true;");
            press(key);
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).ignoring(WebDriverException.class)
                    .until(d -> Boolean.TRUE.equals(browser.driver().executeScript(
                            "return window.agoraPreviousPage === undefined && document.readyState === 'complete';")));
        }

        /**
         * The focused element, or the visible box a hidden native input stands in for (PrimeFaces' radios and
         * checkboxes), must show an outline or a shadow that it does not show unfocused.
         */
        private void checkVisible(WebElement focused) {
            Object shown = browser.driver().executeScript("""
                    const e = arguments[0];
                    const box = e.closest('.ui-radiobutton, .ui-chkbox');
                    const target = box ? box.querySelector('.ui-radiobutton-box, .ui-chkbox-box') : e;
                    const s = getComputedStyle(target);
                    return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0)
                        || (s.boxShadow && s.boxShadow !== 'none')
                        || target.classList.contains('ui-state-focus');""", focused);
            if (!Boolean.TRUE.equals(shown)) {
                unseenFocus.add(browser.driver().getCurrentUrl().replaceAll("^.*/agora", "") + " "
                        + focused.getTagName() + "#" + focused.getAttribute("id"));
            }
        }
    }

    @Test
    void aResidentVotesWithTheKeyboardAlone() {
        BudgetScenarios.NordBallot vote = BudgetScenarios.voteOpenInNord();
        try (Browser resident = new Browser()) {
            resident.signIn(DemoUser.RESIDENT);
            Keyboard keyboard = new Keyboard(resident);
            resident.open("/budget/call.xhtml?id=" + vote.call().id());

            keyboard.tabTo("li[data-envelope='" + vote.nord() + "'] a[id$='vote']");
            keyboard.pressAndWaitForPage(Keys.ENTER);
            assertThat(resident.driver().getCurrentUrl()).contains("/budget/resident/ballot.xhtml");

            // the garden (42,000) and the benches (20,000), not the cycle lane
            for (long project : new long[] {vote.garden(), vote.benches()}) {
                keyboard.tabTo("#ballot-table tr:has(a[href$='id=" + project + "']) input[type=checkbox]");
                keyboard.press(Keys.SPACE);
                resident.waitForAjax();
            }
            assertThat(resident.find("ballot:summary").getText()).startsWith("Vos choix coûtent 62");
            keyboard.tabTo("[id='ballot:cast']");
            keyboard.pressAndWaitForPage(Keys.ENTER);

            assertThat(resident.text()).contains("Votre bulletin est déposé.");
            assertThat(keyboard.unseenFocus).as("focused elements showing no focus").isEmpty();
        }
    }

    @Test
    void aResidentAnswersAQuestionnaireWithTheKeyboardAlone() {
        long id = ConsultationScenarios.marketOpen(BudgetScenarios.uniqueName("Au clavier"));
        try (Browser resident = new Browser()) {
            resident.signIn(DemoUser.RESIDENT);
            Keyboard keyboard = new Keyboard(resident);
            resident.open("/consultations/view.xhtml?id=" + id);
            keyboard.tabTo("#answer");
            keyboard.pressAndWaitForPage(Keys.ENTER);

            // q1: the radio group is one stop; the arrow moves from "Non" to "Oui", which shows q3
            keyboard.tabTo(ConsultationJourneyTests.question("q1") + " input[type=radio]");
            keyboard.press(Keys.ARROW_DOWN);
            resident.waitForAjax();
            resident.waitForCss(ConsultationJourneyTests.question("q3"));
            // q2: two boxes ticked with the space bar
            keyboard.tabTo(ConsultationJourneyTests.question("q2") + " input[type=checkbox][value='benches']");
            keyboard.press(Keys.SPACE);
            resident.waitForAjax(); // each choice may show or hide later questions
            keyboard.tabTo(ConsultationJourneyTests.question("q2") + " input[type=checkbox][value='fountain']");
            keyboard.press(Keys.SPACE);
            resident.waitForAjax();
            keyboard.tabTo(ConsultationJourneyTests.question("q3") + " input[type=text]");
            keyboard.press("Mes courses au marché");
            // q5, a grid: each row's group, "Bien" for the market, "Moyen" (Bien, then one arrow) for the square
            keyboard.tabTo(ConsultationJourneyTests.question("q5") + " tr:nth-of-type(1) input[type=radio]");
            keyboard.press(Keys.SPACE);
            resident.waitForAjax();
            keyboard.tabTo(ConsultationJourneyTests.question("q5") + " tr:nth-of-type(2) input[type=radio]");
            keyboard.press(Keys.SPACE);
            resident.waitForAjax();
            keyboard.press(Keys.ARROW_RIGHT);
            resident.waitForAjax();
            // q4, a scale from 1: three arrows to 4
            keyboard.tabTo(ConsultationJourneyTests.question("q4") + " input[type=radio]");
            keyboard.press(Keys.SPACE);
            resident.waitForAjax();
            for (int i = 0; i < 3; i++) {
                keyboard.press(Keys.ARROW_RIGHT);
                resident.waitForAjax();
            }
            keyboard.tabTo(ConsultationJourneyTests.question("q6") + " input");
            keyboard.press("45");
            keyboard.tabTo("[id='answers:submit']");
            keyboard.pressAndWaitForPage(Keys.ENTER);

            assertThat(resident.text()).contains("Merci, vos réponses sont enregistrées.");
            assertThat(keyboard.unseenFocus).as("focused elements showing no focus").isEmpty();
        }
        JsonObject answers = Api.as(DemoUser.RESIDENT).get("/api/consultations/" + id + "/response").json()
                .getJsonObject("answers");
        assertThat(answers.getJsonArray("q1").getString(0)).isEqualTo("yes");
        assertThat(answers.getJsonArray("q2").getValuesAs(jakarta.json.JsonString.class))
                .extracting(jakarta.json.JsonString::getString).containsExactlyInAnyOrder("benches", "fountain");
        assertThat(answers.getString("q3")).isEqualTo("Mes courses au marché");
        assertThat(answers.getJsonObject("q5").getString("market")).isEqualTo("good");
        assertThat(answers.getJsonObject("q5").getString("square")).isEqualTo("fair");
        assertThat(answers.getJsonNumber("q4").intValue()).isEqualTo(4);
        assertThat(answers.getJsonNumber("q6").intValue()).isEqualTo(45);
    }
}
