package org.agora.newsletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.Set;
import org.agora.shared.Actor;
import org.agora.shared.DistrictCode;
import org.agora.shared.InvalidInputException;
import org.agora.shared.Role;
import org.junit.jupiter.api.Test;

/** Who writes to whom, how the audience's filters combine, and what a newsletter's text keeps. */
class NewsletterRulesTest {

    static final DistrictCode NORD = new DistrictCode("nord");
    static final DistrictCode SUD = new DistrictCode("sud");
    static final DistrictCode EST = new DistrictCode("est");
    static final Actor OFFICE = new Actor("office", Set.of(Role.OFFICE_ADMIN), Optional.empty(), Set.of());
    static final Actor AGENT_NORD_EST = new Actor("agent", Set.of(Role.DISTRICT_AGENT), Optional.of(NORD), Set.of(NORD, EST));
    static final Actor RESIDENT = new Actor("camille", Set.of(Role.RESIDENT), Optional.of(NORD), Set.of());
    static final Actor MODERATOR = new Actor("hugo", Set.of(Role.MODERATOR), Optional.of(NORD), Set.of());

    static Audience districts(DistrictCode... codes) {
        return new Audience(Set.of(codes), Set.of(), Optional.empty());
    }

    // --- permissions ---

    @Test
    void theOfficeWritesToTheWholeCityAndToAnyDistrict() {
        assertThat(NewsletterPermissions.whyNotWrite(OFFICE, Audience.WHOLE_CITY)).isEmpty();
        assertThat(NewsletterPermissions.whyNotWrite(OFFICE, districts(SUD))).isEmpty();
        assertThat(NewsletterPermissions.writesNewsletters(OFFICE)).isTrue();
    }

    @Test
    void anAgentWritesToTheirOwnDistrictsOnly() {
        assertThat(NewsletterPermissions.whyNotWrite(AGENT_NORD_EST, districts(NORD))).isEmpty();
        assertThat(NewsletterPermissions.whyNotWrite(AGENT_NORD_EST, districts(NORD, EST))).isEmpty();
        assertThat(NewsletterPermissions.whyNotWrite(AGENT_NORD_EST, districts(SUD))).contains("newsletter.otherDistrict");
        // one district of theirs does not carry another one in
        assertThat(NewsletterPermissions.whyNotWrite(AGENT_NORD_EST, districts(NORD, SUD))).contains("newsletter.otherDistrict");
    }

    @Test
    void anAgentNeverWritesToTheWholeCityEvenFilteredByThemeOrParticipation() {
        assertThat(NewsletterPermissions.whyNotWrite(AGENT_NORD_EST, Audience.WHOLE_CITY)).contains("newsletter.cityWideForOffice");
        Audience themed = new Audience(Set.of(), Set.of(7L), Optional.of(new Audience.Filter(Participation.COUNCIL_MEMBER, 3)));
        assertThat(NewsletterPermissions.whyNotWrite(AGENT_NORD_EST, themed)).contains("newsletter.cityWideForOffice");
    }

    @Test
    void anAgentWithoutTheRoleOrWithoutDistrictsIsRefused() {
        Actor noRole = new Actor("x", Set.of(Role.RESIDENT), Optional.of(NORD), Set.of(NORD));
        Actor noDistricts = new Actor("y", Set.of(Role.DISTRICT_AGENT), Optional.of(NORD), Set.of());
        assertThat(NewsletterPermissions.whyNotWrite(noRole, districts(NORD))).contains("newsletter.notAllowed");
        assertThat(NewsletterPermissions.whyNotWrite(noDistricts, districts(NORD))).contains("newsletter.otherDistrict");
        assertThat(NewsletterPermissions.writesNewsletters(noDistricts)).isFalse();
    }

    @Test
    void residentsModeratorsAndVisitorsNeverWrite() {
        assertThat(NewsletterPermissions.whyNotWrite(RESIDENT, districts(NORD))).contains("newsletter.notAllowed");
        assertThat(NewsletterPermissions.whyNotWrite(MODERATOR, districts(NORD))).contains("newsletter.notAllowed");
        assertThat(NewsletterPermissions.whyNotWrite(Actor.anonymous(), districts(NORD))).contains("newsletter.signIn");
        assertThat(NewsletterPermissions.writesNewsletters(RESIDENT)).isFalse();
    }

    // --- targeting ---

    static final Audience.Filter VOTED = new Audience.Filter(Participation.VOTED_IN_CALL, 12);

    static Audience.Reader reader(DistrictCode district, Set<Long> themes, Audience.Filter... took) {
        return new Audience.Reader(Optional.ofNullable(district), themes, Set.of(took));
    }

    @Test
    void noFilterMeansEveryoneWhoOptedIn() {
        assertThat(Audience.WHOLE_CITY.matches(reader(null, Set.of()))).isTrue();
        assertThat(Audience.WHOLE_CITY.matches(reader(SUD, Set.of(1L), VOTED))).isTrue();
    }

    @Test
    void filtersCombineWithAndAndChoicesWithinAFilterWithOr() {
        Audience audience = new Audience(Set.of(NORD, EST), Set.of(1L, 2L), Optional.of(VOTED));
        assertThat(audience.matches(reader(NORD, Set.of(2L, 9L), VOTED))).isTrue();
        assertThat(audience.matches(reader(EST, Set.of(1L), VOTED))).isTrue();
        // each filter on its own excludes
        assertThat(audience.matches(reader(SUD, Set.of(1L), VOTED))).isFalse();
        assertThat(audience.matches(reader(null, Set.of(1L), VOTED))).isFalse();
        assertThat(audience.matches(reader(NORD, Set.of(9L), VOTED))).isFalse();
        assertThat(audience.matches(reader(NORD, Set.of(1L)))).isFalse();
        assertThat(audience.matches(reader(NORD, Set.of(1L), new Audience.Filter(Participation.VOTED_IN_CALL, 13)))).isFalse();
        assertThat(audience.matches(reader(NORD, Set.of(1L), new Audience.Filter(Participation.COUNCIL_MEMBER, 12)))).isFalse();
    }

    @Test
    void aThemeFilterAloneReachesFollowersInEveryDistrict() {
        Audience audience = new Audience(Set.of(), Set.of(5L), Optional.empty());
        assertThat(audience.matches(reader(SUD, Set.of(5L)))).isTrue();
        assertThat(audience.matches(reader(null, Set.of(5L)))).isTrue();
        assertThat(audience.matches(reader(SUD, Set.of()))).isFalse();
    }

    // --- the text ---

    @Test
    void scriptsAndEventHandlersAreStrippedFromTheBodies() {
        NewsletterText text = NewsletterText.of("Lettre", "<p>Bonjour <img src=x onerror=alert(1)><script>alert(2)</script>"
                + "<a href=\"javascript:alert(3)\" onclick=\"alert(4)\">ici</a></p>", "Letter",
                "<p onmouseover=\"alert(5)\">Hello<svg onload=alert(6)></svg></p>");
        for (String body : new String[]{text.bodyFr(), text.bodyEn().orElseThrow()}) {
            assertThat(body).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("onerror")
                    .doesNotContainIgnoringCase("<img").doesNotContainIgnoringCase("javascript:")
                    .doesNotContainIgnoringCase("onclick").doesNotContainIgnoringCase("onmouseover")
                    .doesNotContainIgnoringCase("<svg").doesNotContainIgnoringCase("onload");
        }
        assertThat(text.bodyFr()).startsWith("<p>Bonjour ").contains("ici");
        assertThat(text.bodyEn()).contains("<p>Hello</p>");
    }

    @Test
    void formattingIsKeptAndTheEnglishVersionServesEnglishReadersOnly() {
        NewsletterText text = NewsletterText.of(" Lettre de mars ", "<h2>Agenda</h2><p><strong>Samedi</strong></p>", "March letter",
                "<p>Saturday</p>");
        assertThat(text.subject(false)).isEqualTo("Lettre de mars");
        assertThat(text.body(false)).isEqualTo("<h2>Agenda</h2><p><strong>Samedi</strong></p>");
        assertThat(text.subject(true)).isEqualTo("March letter");
        NewsletterText frenchOnly = NewsletterText.of("Lettre", "<p>Bonjour</p>", null, "<p><br></p>");
        assertThat(frenchOnly.subject(true)).isEqualTo("Lettre");
        assertThat(frenchOnly.body(true)).isEqualTo("<p>Bonjour</p>");
    }

    @Test
    void missingOrHalfEnglishOrOversizedTextsAreRefused() {
        assertThatThrownBy(() -> NewsletterText.of(" ", "<p>x</p>", null, null)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("newsletter.subject.required");
        assertThatThrownBy(() -> NewsletterText.of("S", "<script>x</script>", null, null))
                .hasMessageContaining("newsletter.body.required");
        assertThatThrownBy(() -> NewsletterText.of("S", "<p>x</p>", "Subject", null))
                .hasMessageContaining("newsletter.english.incomplete");
        assertThatThrownBy(() -> NewsletterText.of("S".repeat(201), "<p>x</p>", null, null))
                .hasMessageContaining("newsletter.subject.tooLong");
        assertThatThrownBy(() -> NewsletterText.of("S", "<p>" + "x".repeat(40_001) + "</p>", null, null))
                .hasMessageContaining("newsletter.body.tooLong");
    }

    // --- the mail and the opt-in ---

    @Test
    void theNewsletterIsOffUntilOptedInAndByMailOnly() {
        var defaults = org.agora.notification.NotificationPreferences.defaults("camille");
        assertThat(defaults.choice(org.agora.notification.NotificationKind.NEWSLETTER))
                .isEqualTo(new org.agora.notification.NotificationKind.Choice(false, false));
        assertThat(org.agora.notification.NotificationKind.NEWSLETTER.allowed(
                new org.agora.notification.NotificationKind.Choice(true, true)))
                .isEqualTo(new org.agora.notification.NotificationKind.Choice(false, true));
    }

    @Test
    void aNewsletterMailCarriesItsBodySanitizedAgainAndATestIsMarked() {
        var letter = new org.agora.notification.Letters.Letter("Lettre", "<p>Bonjour <img src=x onerror=alert(1)></p>", "Bonjour");
        var mail = new org.agora.notification.NotificationTexts().newsletter(org.agora.notification.MailLanguage.FR, letter,
                true, null, "https://agora.example/notifications/unsubscribe.xhtml?token=t", "https://agora.example/p");
        assertThat(mail.subject()).isEqualTo("[TEST] Lettre");
        assertThat(mail.html()).contains("Bonjour").doesNotContain("onerror").doesNotContain("<img");
        assertThat(mail.text()).contains("Bonjour").contains("unsubscribe.xhtml?token=t").contains("test");
        var sent = new org.agora.notification.NotificationTexts().newsletter(org.agora.notification.MailLanguage.EN, letter,
                false, "https://agora.example/newsletters/view.xhtml?id=4", "https://u", "https://p");
        assertThat(sent.subject()).isEqualTo("Lettre");
        assertThat(sent.text()).contains("Read the newsletter on the platform: https://agora.example/newsletters/view.xhtml?id=4");
    }
}
