package org.agora.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.agora.it.Platform.DemoUser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

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
}
