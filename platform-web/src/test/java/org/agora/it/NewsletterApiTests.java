package org.agora.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.agora.it.Platform.DemoUser;
import org.junit.jupiter.api.Test;

/**
 * Newsletters on a real Payara Micro sending to a real SMTP server (TestMailbox): the office writes, counts and sends;
 * each subscribed resident receives it in their language with a working unsubscribe link, after which the next
 * newsletter no longer reaches them; an agent of another district is refused everything and nothing is queued.
 */
abstract class NewsletterApiTests {

    /** resident (Nord) and resident.sud (Sud) in the test realm; the agent of Nord. */
    static final String CAMILLE = "camille.martin@belrive.example";
    static final String LUCAS = NotificationApiTests.LUCAS;
    static final String NADIA = "nadia.haddad@belrive.example";
    static final long DELIVERY_MILLIS = NotificationApiTests.DELIVERY_MILLIS;

    static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The resident subscribes to the newsletter, mails in this language, and is on the register (their district). */
    static void subscribe(DemoUser user, String language) {
        Api.Reply chosen = Api.as(user).put("/api/notifications/preferences", "{\"language\": \"" + language + "\","
                + " \"choices\": {\"NEWSLETTER\": {\"inApp\": true, \"byEmail\": true}}}");
        assertThat(chosen.status()).as(chosen.body()).isEqualTo(200);
        // by e-mail only: the app's choice is not kept
        assertThat(chosen.json().getJsonObject("choices").getJsonObject("NEWSLETTER").getBoolean("inApp")).isFalse();
        Api.Reply enlisted = Api.as(DemoUser.OFFICE_ADMIN).put("/api/register/accounts/" + user.username, "{}");
        assertThat(enlisted.status()).as(enlisted.body()).isEqualTo(200);
    }

    static String draft(String marker, String districts) {
        return "{\"subjectFr\": \"Lettre " + marker + "\", \"bodyFr\": \"<p>Bonjour " + marker
                + " <img src=x onerror=alert(1)></p><script>alert(2)</script>\", \"subjectEn\": \"Letter " + marker
                + "\", \"bodyEn\": \"<p>Hello " + marker + "</p>\", \"audience\": {\"districts\": [" + districts + "]}}";
    }

    static long create(DemoUser author, String body) {
        Api.Reply created = Api.as(author).post("/api/newsletters", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().getString("status")).isEqualTo("DRAFT");
        return created.json().getJsonNumber("id").longValue();
    }

    static long recipients(DemoUser user, long id) {
        Api.Reply count = Api.as(user).get("/api/newsletters/" + id + "/recipients");
        assertThat(count.status()).as(count.body()).isEqualTo(200);
        return count.json().getJsonNumber("recipients").longValue();
    }

    static Optional<MimeMessage> mail(String to, String marker) {
        return TestMailbox.await(m -> TestMailbox.to(m, to) && subject(m).contains(marker), DELIVERY_MILLIS);
    }

    static String subject(MimeMessage message) {
        try {
            return String.valueOf(message.getSubject());
        } catch (MessagingException e) {
            return "";
        }
    }

    @Test
    void theOfficeCountsAndSendsEachResidentReadsItInTheirLanguageAndTheUnsubscribeLinkStopsTheNext() throws Exception {
        TestMailbox.server();
        subscribe(DemoUser.RESIDENT, "fr");
        subscribe(DemoUser.RESIDENT_SUD, "en");
        String marker = unique("Fête");
        long id = create(DemoUser.OFFICE_ADMIN, draft(marker, "\"nord\", \"sud\""));
        assertThat(recipients(DemoUser.OFFICE_ADMIN, id)).isEqualTo(2);

        // six clicks at once (a double click, two tabs, two instances): one sends, the others are refused
        java.util.List<Integer> statuses = Simultaneous.statuses(6,
                () -> Api.as(DemoUser.OFFICE_ADMIN).post("/api/newsletters/" + id + "/send", "{}").status());
        assertThat(statuses).containsOnly(200, 409).containsOnlyOnce(200);
        assertThat(Api.as(DemoUser.OFFICE_ADMIN).get("/api/newsletters/" + id).json().getString("status")).isEqualTo("SENT");
        // a later click too: nobody gets two copies
        Api.Reply again = Api.as(DemoUser.OFFICE_ADMIN).post("/api/newsletters/" + id + "/send", "{}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().getString("type")).isEqualTo("urn:agora:newsletter.alreadySent");

        // Camille reads it in French, Lucas in English; the payloads are gone from both parts
        MimeMessage french = mail(CAMILLE, marker).orElseThrow(() -> new AssertionError("no newsletter for " + CAMILLE));
        assertThat(subject(french)).isEqualTo("Lettre " + marker);
        String text = TestMailbox.part(french, 0);
        assertThat(text).contains("Bonjour " + marker).contains("/newsletters/view.xhtml?id=" + id);
        assertThat(TestMailbox.part(french, 1)).contains("Bonjour " + marker).doesNotContain("<script").doesNotContain("onerror")
                .doesNotContain("<img");
        assertThat(french.getHeader("List-Unsubscribe")[0]).contains("/api/notifications/unsubscribe?token=");
        MimeMessage english = mail(LUCAS, marker).orElseThrow(() -> new AssertionError("no newsletter for " + LUCAS));
        assertThat(subject(english)).isEqualTo("Letter " + marker);
        assertThat(TestMailbox.part(english, 0)).contains("Hello " + marker).doesNotContain("Bonjour");

        // the public archive shows it to anyone
        Api.Reply page = Api.anonymous().get("/newsletters/view.xhtml?id=" + id);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Bonjour " + marker).doesNotContain("onerror");
        assertThat(Api.anonymous().get("/api/newsletters").body()).contains("Lettre " + marker);

        // Camille's link works without signing in: she is no longer subscribed
        Matcher link = Pattern.compile("(/notifications/unsubscribe\\.xhtml\\?token=[A-Za-z0-9_.-]+)").matcher(text);
        assertThat(link.find()).isTrue();
        Api.Reply unsubscribed = Api.anonymous().get(link.group(1));
        assertThat(unsubscribed.status()).isEqualTo(200);
        assertThat(unsubscribed.body()).contains("Vous ne recevrez plus d’e-mails");
        JsonObject preferences = Api.as(DemoUser.RESIDENT).get("/api/notifications/preferences").json();
        assertThat(preferences.getJsonObject("choices").getJsonObject("NEWSLETTER").getBoolean("byEmail")).isFalse();

        // the next newsletter reaches Lucas only
        String next = unique("Marché");
        long second = create(DemoUser.OFFICE_ADMIN, draft(next, "\"nord\", \"sud\""));
        assertThat(recipients(DemoUser.OFFICE_ADMIN, second)).isEqualTo(1);
        assertThat(Api.as(DemoUser.OFFICE_ADMIN).post("/api/newsletters/" + second + "/send", "{}").status()).isEqualTo(200);
        assertThat(mail(LUCAS, next)).isPresent();
        assertThat(Arrays.stream(TestMailbox.server().getReceivedMessages())
                .filter(m -> TestMailbox.to(m, CAMILLE) && subject(m).contains(next))).isEmpty();
        // one copy each of the first newsletter, whatever the clicks
        assertThat(Arrays.stream(TestMailbox.server().getReceivedMessages())
                .filter(m -> TestMailbox.to(m, LUCAS) && subject(m).contains(marker))).hasSize(1);
        assertThat(Arrays.stream(TestMailbox.server().getReceivedMessages())
                .filter(m -> TestMailbox.to(m, CAMILLE) && subject(m).contains(marker))).hasSize(1);
    }

    @Test
    void anAgentOfAnotherDistrictIsRefusedAndNothingIsQueued() {
        String marker = unique("Sud");
        // an agent of Nord writes neither to Sud nor to the whole city
        Api.Reply sud = Api.as(DemoUser.AGENT).post("/api/newsletters", draft(marker, "\"sud\""));
        assertThat(sud.status()).as(sud.body()).isEqualTo(403);
        assertThat(sud.json().getString("type")).isEqualTo("urn:agora:newsletter.otherDistrict");
        Api.Reply city = Api.as(DemoUser.AGENT).post("/api/newsletters", draft(marker, ""));
        assertThat(city.status()).isEqualTo(403);
        assertThat(city.json().getString("type")).isEqualTo("urn:agora:newsletter.cityWideForOffice");
        assertThat(Api.as(DemoUser.RESIDENT).post("/api/newsletters", draft(marker, "\"nord\"")).status()).isEqualTo(403);
        assertThat(Api.anonymous().post("/api/newsletters", draft(marker, "\"nord\"")).status()).isEqualTo(401);
        // the staff pages send a visitor to sign in
        assertThat(Api.anonymous().get("/newsletters/manage/index.xhtml").status()).isEqualTo(302);
        assertThat(Api.anonymous().get("/newsletters/manage/edit.xhtml").status()).isEqualTo(302);

        // nor reads, counts, tests or sends the office's draft to Sud
        long office = create(DemoUser.OFFICE_ADMIN, draft(marker, "\"sud\""));
        assertThat(Api.as(DemoUser.AGENT).get("/api/newsletters/" + office).status()).isEqualTo(403);
        assertThat(Api.as(DemoUser.AGENT).get("/api/newsletters/" + office + "/recipients").status()).isEqualTo(403);
        assertThat(Api.as(DemoUser.AGENT).post("/api/newsletters/" + office + "/test", "{}").status()).isEqualTo(403);
        Api.Reply send = Api.as(DemoUser.AGENT).post("/api/newsletters/" + office + "/send", "{}");
        assertThat(send.status()).isEqualTo(403);
        assertThat(send.json().getString("type")).isEqualTo("urn:agora:newsletter.otherDistrict");
        JsonObject still = Api.as(DemoUser.OFFICE_ADMIN).get("/api/newsletters/" + office).json();
        assertThat(still.getString("status")).isEqualTo("DRAFT");
        assertThat(still.getInt("queued")).isZero();
        // a draft is never public
        assertThat(Api.anonymous().get("/newsletters/view.xhtml?id=" + office).status()).isEqualTo(404);
        assertThat(Api.anonymous().get("/api/newsletters/published/" + office).status()).isEqualTo(404);
        assertThat(Api.anonymous().get("/api/newsletters").body()).doesNotContain(marker);

        // the agent writes to Nord and tests it on themselves: one mail, marked as a test, and still a draft
        long nord = create(DemoUser.AGENT, draft(marker, "\"nord\""));
        assertThat(Api.as(DemoUser.AGENT).post("/api/newsletters/" + nord + "/test", "{}").status()).isEqualTo(202);
        MimeMessage test = mail(NADIA, marker).orElseThrow(() -> new AssertionError("no test mail for " + NADIA));
        assertThat(subject(test)).isEqualTo("[TEST] Lettre " + marker);
        assertThat(Api.as(DemoUser.AGENT).get("/api/newsletters/" + nord).json().getString("status")).isEqualTo("DRAFT");
        assertThat(Api.anonymous().get("/newsletters/view.xhtml?id=" + nord).status()).isEqualTo(404);
        Api.Reply mine = Api.as(DemoUser.AGENT).get("/api/newsletters/mine");
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.body()).contains("\"id\":" + nord).doesNotContain("\"id\":" + office + ",");
    }
}
