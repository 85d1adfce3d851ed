package org.agora.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.agora.it.Platform.DemoUser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;

/**
 * The notification pages in a real browser: a resident sees the unread count in the menu, reads and marks their
 * notifications and saves their preferences; another resident sees none of them and is refused the office's outbox,
 * which the office reads. No screenshot (the user guide's are taken elsewhere).
 */
abstract class NotificationJourneyTests {

    @Test
    void aResidentReadsAndMarksTheirNotificationsAndNobodyElseSeesThem() {
        NotificationApiTests.Reply reply = NotificationApiTests.agentRepliesToLucas();
        long id = NotificationApiTests.notificationOf(reply, DemoUser.RESIDENT_SUD, false).getJsonNumber("id").longValue();
        String mine = "[data-notification='" + id + "']";

        try (Browser browser = new Browser()) {
            browser.signIn(DemoUser.RESIDENT_SUD);
            assertThat(browser.has("unread-count")).isTrue();
            browser.go("nav-notifications");
            assertThat(browser.heading()).isEqualTo("Mes notifications");
            assertThat(browser.all(By.cssSelector(mine + ".unread"))).hasSize(1);
            assertThat(browser.css(mine).getText()).contains("a répondu à votre commentaire");

            browser.go("notifications:mark-all");
            assertThat(browser.all(By.cssSelector(mine + ".read"))).hasSize(1);
            assertThat(browser.has("unread-count")).isFalse();

            browser.open("/notifications/preferences.xhtml");
            assertThat(browser.text()).contains("Réponses à mes commentaires").contains("Langue des e-mails");
            browser.go("preferences:save");
            assertThat(browser.text()).contains("Vos préférences sont enregistrées.");
        }

        try (Browser other = new Browser()) {
            other.signIn(DemoUser.RESIDENT);
            other.open("/notifications/index.xhtml");
            assertThat(other.heading()).isEqualTo("Mes notifications");
            assertThat(other.all(By.cssSelector(mine))).isEmpty();
            assertThat(other.has("nav-mails")).isFalse();
            other.open("/notifications/manage/mails.xhtml");
            assertThat(other.heading()).isEqualTo("Accès refusé");
        }

        try (Browser office = new Browser()) {
            office.signIn(DemoUser.OFFICE_ADMIN);
            office.go("nav-mails");
            assertThat(office.heading()).isEqualTo("E-mails en attente et en échec");
            assertThat(office.has("pending")).isTrue();
        }
    }

    /**
     * The office writes a newsletter whose body carries an XSS payload (typed in the editor, and forced into the
     * editor's field as raw HTML, as a client skipping the editor would), sees the recipients, sends it after the
     * confirmation, and the public archive shows it with the payload inert: no alert, no image, no handler.
     */
    @Test
    void theOfficeSendsANewsletterAndTheArchiveShowsItsPayloadInert() {
        NewsletterApiTests.subscribe(DemoUser.RESIDENT, "fr");
        String subject = NewsletterApiTests.unique("Lettre de quartier");
        String payload = "<img src=x onerror=alert(1)>";
        long id;
        try (Browser office = new Browser()) {
            office.signIn(DemoUser.OFFICE_ADMIN);
            office.go("nav-newsletters-manage");
            assertThat(office.heading()).isEqualTo("Mes lettres d’information");
            office.go("new-newsletter");
            office.css("[id='newsletter:bodyFr'] .ql-editor").sendKeys("Bonjour " + payload);
            office.type("newsletter:subjectFr", subject); // leaving the editor copies what was typed into its field
            // then the field gets raw HTML, as a client skipping the editor would send it
            new org.openqa.selenium.support.ui.WebDriverWait(office.driver(), java.time.Duration.ofSeconds(10))
                    .until(d -> String.valueOf(office.driver().executeScript(
                            "return document.getElementById('newsletter:bodyFr_input').value;")).contains("Bonjour"));
            office.driver().executeScript("document.getElementById('newsletter:bodyFr_input').value = arguments[0];",
                    "<p>Bonjour les voisins " + payload + "</p><script>alert(2)</script>");
            office.css("input[name='newsletter:districts'][value='nord']").click();
            office.go("newsletter:save");
            assertThat(office.text()).contains("Le brouillon est enregistré.");
            assertThat(Long.parseLong(office.find("recipients").getAttribute("data-count"))).isGreaterThanOrEqualTo(1);
            assertThat(office.find("recipients").getText()).contains("habitant");
            id = Long.parseLong(office.driver().getCurrentUrl().replaceAll(".*[?&]id=(\\d+).*", "$1"));

            office.go("sending:send");
            assertThat(office.find("confirm-text").getText()).startsWith("Envoyer cette lettre à");
            office.screenshot("newsletter-send");
            office.go("sending:confirm-send");
            assertThat(office.text()).contains("La lettre est envoyée");
            assertThat(office.heading()).isEqualTo(subject);
            assertInert(office);
        }
        // the same payload from a client that skips the editor (and PrimeFaces' own cleaning): the domain's
        // sanitizer alone stands between it and the page
        String direct = NewsletterApiTests.unique("Lettre directe");
        long api = NewsletterApiTests.create(DemoUser.OFFICE_ADMIN, "{\"subjectFr\": \"" + direct + "\", \"bodyFr\":"
                + " \"<p>Bonsoir <img src=x onerror=alert(1)></p><script>alert(2)</script>\", \"audience\": {\"districts\": [\"nord\"]}}");
        assertThat(Api.as(DemoUser.OFFICE_ADMIN).post("/api/newsletters/" + api + "/send", "{}").status()).isEqualTo(200);
        try (Browser visitor = new Browser()) {
            visitor.open("/newsletters/index.xhtml");
            visitor.goCss("li[data-newsletter='" + id + "'] a");
            assertThat(visitor.heading()).isEqualTo(subject);
            assertThat(visitor.find("newsletter-body").getText()).contains("Bonjour les voisins");
            assertInert(visitor);
            visitor.open("/newsletters/index.xhtml");
            visitor.goCss("li[data-newsletter='" + api + "'] a");
            assertThat(visitor.heading()).isEqualTo(direct);
            assertThat(visitor.find("newsletter-body").getText()).contains("Bonsoir");
            assertInert(visitor);
        }
    }

    private static void assertInert(Browser browser) {
        assertThatThrownBy(() -> browser.driver().switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        assertThat(browser.all(By.cssSelector("#newsletter-body img"))).isEmpty();
        assertThat(browser.all(By.cssSelector("[onerror]"))).isEmpty();
        assertThat(browser.all(By.cssSelector("#newsletter-body script"))).isEmpty();
        assertThat(browser.find("newsletter-body").getAttribute("innerHTML")).doesNotContain("<img").doesNotContain("<script");
    }
}
