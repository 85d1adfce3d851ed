package org.agora.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.agora.shared.Actor;
import org.agora.shared.Role;
import org.junit.jupiter.api.Test;

/** The defaults of preferences, the notices' values, the permissions, and the texts in both languages. */
class NotificationRulesTest {

    static final Instant MEETING = Instant.parse("2027-03-04T17:30:00Z");

    @Test
    void byDefaultEverythingInTheAppAndMailsOnlyForWhatIsAboutMine() {
        NotificationPreferences defaults = NotificationPreferences.defaults("alice");
        assertThat(defaults.getLanguage()).isEqualTo(MailLanguage.FR);
        assertThat(defaults.choice(NotificationKind.COMMENT_REPLY)).isEqualTo(new NotificationKind.Choice(true, true));
        assertThat(defaults.choice(NotificationKind.PROJECT_REVIEWED)).isEqualTo(new NotificationKind.Choice(true, true));
        assertThat(defaults.choice(NotificationKind.MEETING_SEAT)).isEqualTo(new NotificationKind.Choice(true, true));
        assertThat(defaults.choice(NotificationKind.COUNCIL_MEETING)).isEqualTo(new NotificationKind.Choice(true, false));
    }

    @Test
    void choosingOneKindKeepsTheOthersAndUnsubscribingKeepsTheApp() {
        NotificationPreferences preferences = NotificationPreferences.defaults("alice");
        preferences.choose(Map.of(NotificationKind.COUNCIL_MEETING, new NotificationKind.Choice(false, true)), MailLanguage.EN);
        preferences.stopMails(NotificationKind.COMMENT_REPLY);
        assertThat(preferences.getLanguage()).isEqualTo(MailLanguage.EN);
        assertThat(preferences.choice(NotificationKind.COUNCIL_MEETING)).isEqualTo(new NotificationKind.Choice(false, true));
        assertThat(preferences.choice(NotificationKind.COMMENT_REPLY)).isEqualTo(new NotificationKind.Choice(true, false));
        assertThat(preferences.choice(NotificationKind.PROJECT_REVIEWED)).isEqualTo(new NotificationKind.Choice(true, true));
        assertThat(preferences.allChoices()).hasSize(NotificationKind.values().length);
    }

    @Test
    void languageIsFrenchOrEnglishOnly() {
        assertThat(MailLanguage.parse(" EN ")).contains(MailLanguage.EN);
        assertThat(MailLanguage.parse("de")).isEmpty();
        assertThat(MailLanguage.parse(null)).isEmpty();
    }

    @Test
    void noticeValuesSurviveTheirColumnIncludingSeparatorsPeopleTyped() {
        List<Object> values = List.of("Zoé \u001F<b>", MEETING, "", "x".repeat(1000));
        List<Object> back = NoticeArguments.decode(NoticeArguments.encode(values));
        assertThat(back).hasSize(4);
        assertThat(back.get(0)).isEqualTo("Zoé <b>");
        assertThat(back.get(1)).isEqualTo(MEETING);
        assertThat(back.get(2)).isEqualTo("");
        assertThat((String) back.get(3)).hasSizeLessThan(1000).endsWith("…");
    }

    @Test
    void onlyTheRecipientOwnsANotificationAndOnlyTheOfficeSeesTheMails() {
        Notification forAlice = new Notification(Notice.of("alice", NotificationKind.COMMENT_REPLY, "comment.reply", null,
                "Bruno", "Oui"), MEETING);
        Actor alice = actor("alice", Role.RESIDENT);
        assertThat(NotificationPermissions.owns(alice, forAlice)).isTrue();
        assertThat(NotificationPermissions.owns(actor("bruno", Role.RESIDENT), forAlice)).isFalse();
        assertThat(NotificationPermissions.owns(actor("officeadmin", Role.OFFICE_ADMIN), forAlice)).isFalse();
        assertThat(NotificationPermissions.owns(Actor.anonymous(), forAlice)).isFalse();
        assertThat(NotificationPermissions.whyNotSeeMails(actor("officeadmin", Role.OFFICE_ADMIN))).isEmpty();
        assertThat(NotificationPermissions.whyNotSeeMails(actor("moderator", Role.MODERATOR))).contains("notification.mail.officeOnly");
        assertThat(NotificationPermissions.whyNotSeeMails(alice)).contains("notification.mail.officeOnly");
        assertThat(NotificationPermissions.whyNotSeeMails(Actor.anonymous())).contains("notification.signInFirst");
        assertThat(NotificationPermissions.whyNotUseCentre(Actor.anonymous())).contains("notification.signInFirst");
    }

    @Test
    void mailIsInTheChosenLanguageWithEveryWrittenValueEscapedInHtml() {
        NotificationTexts texts = new NotificationTexts();
        Notice notice = Notice.of("alice", NotificationKind.COUNCIL_MEETING, "meeting.announced", "/councils/meeting.xhtml?id=3",
                "Saint-Roch", "<script>alert('x')</script> & co", MEETING);
        NotificationTexts.MailMessage fr = texts.mail(MailLanguage.FR, notice, "http://h/councils/meeting.xhtml?id=3",
                "http://h/u?token=a.b.c", "http://h/p");
        NotificationTexts.MailMessage en = texts.mail(MailLanguage.EN, notice, "http://h/councils/meeting.xhtml?id=3",
                "http://h/u?token=a.b.c", "http://h/p");
        assertThat(fr.subject()).isEqualTo("Nouvelle réunion du conseil Saint-Roch");
        assertThat(fr.text()).contains("jeudi 4 mars 2027 à 18h30").contains("Bonjour").contains("http://h/u?token=a.b.c");
        assertThat(en.subject()).isEqualTo("New meeting of the Saint-Roch council");
        assertThat(en.text()).contains("Thursday 4 March 2027 at 6:30 PM").contains("Hello");
        assertThat(en.html()).doesNotContain("<script>").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co");
        assertThat(texts.inApp(java.util.Locale.ENGLISH, "comment.reply", List.of("Zoé"))).isEqualTo("Zoé replied to your comment.");
        assertThat(texts.inApp(java.util.Locale.FRENCH, "comment.reply", List.of("Zoé"))).isEqualTo("Zoé a répondu à votre commentaire.");
    }

    @Test
    void amountsAreWrittenAsEachLanguageWritesThem() {
        NotificationTexts texts = new NotificationTexts();
        Notice feasible = Notice.of("alice", NotificationKind.PROJECT_REVIEWED, "project.feasible", "/budget/project.xhtml?id=1",
                "Un jardin", 42_000L);
        assertThat(NoticeArguments.decode(NoticeArguments.encode(feasible.arguments()))).containsExactly("Un jardin", 42_000L);
        assertThat(texts.mail(MailLanguage.EN, feasible, null, "u", "p").text()).contains("€42,000");
        assertThat(texts.mail(MailLanguage.FR, feasible, null, "u", "p").text()).containsPattern("42\\h000 €");
    }

    @Test
    void everyKeyIsInBothLanguages() throws Exception {
        java.util.Properties fr = new java.util.Properties();
        java.util.Properties en = new java.util.Properties();
        try (var a = getClass().getResourceAsStream("texts_fr.properties"); var b = getClass().getResourceAsStream("texts_en.properties")) {
            fr.load(new java.io.InputStreamReader(a, java.nio.charset.StandardCharsets.UTF_8));
            en.load(new java.io.InputStreamReader(b, java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThat(fr.keySet()).isEqualTo(en.keySet());
        for (NotificationKind kind : NotificationKind.values()) {
            assertThat(fr).containsKey("notification.kind." + kind.name());
        }
    }

    static Actor actor(String name, Role role) {
        return new Actor(name, Set.of(role), Optional.empty(), Set.of());
    }
}
