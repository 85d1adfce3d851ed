package org.agora.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.agora.it.Api.Reply;
import org.agora.it.BudgetScenarios.Call;
import org.agora.it.Platform.DemoUser;
import org.junit.jupiter.api.Test;

/**
 * Notifications on a real Payara Micro sending to a real SMTP server (TestMailbox): a reply to a comment reaches its
 * author in the app (with the unread count) and by a mail in the author's chosen language whose unsubscribe link works
 * without signing in; forged links, other people and other roles are refused.
 */
abstract class NotificationApiTests {

    /** resident.sud's address in the test realm. */
    static final String LUCAS = "lucas.bernard@belrive.example";
    static final long DELIVERY_MILLIS = 90_000;

    private static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    private static long unread(DemoUser user) {
        Reply count = Api.as(user).get("/api/notifications/unread-count");
        assertThat(count.status()).as(count.body()).isEqualTo(200);
        return count.json().getJsonNumber("unread").longValue();
    }

    /** resident.sud's comment on a new project, and the agent's reply to it (with markup to escape); the reply's text. */
    static String agentRepliesToLucas() {
        TestMailbox.server();
        Call call = BudgetScenarios.openForProjects();
        long project = BudgetScenarios.onBallot(call.envelope("nord"), "Des arbres rue Haute", 30000);
        long comment = BudgetScenarios.comment(DemoUser.RESIDENT_SUD, project, "<p>Quelles essences ?</p>", null);
        String marker = unique("Des tilleuls");
        BudgetScenarios.comment(DemoUser.AGENT, project, "<p>" + marker + " &amp; <b>des érables</b> &lt;script&gt;</p>", comment);
        return marker;
    }

    @Test
    void aReplyReachesItsAuthorInTheAppAndByMailInTheirLanguageWithAWorkingUnsubscribeLink() throws MessagingException {
        Reply english = Api.as(DemoUser.RESIDENT_SUD).put("/api/notifications/preferences",
                "{\"language\": \"en\", \"choices\": {\"COMMENT_REPLY\": {\"inApp\": true, \"byEmail\": true}}}");
        assertThat(english.status()).as(english.body()).isEqualTo(200);
        long before = unread(DemoUser.RESIDENT_SUD);

        String marker = agentRepliesToLucas();

        // in the app: one more unread, the newest notification in the caller's language
        assertThat(unread(DemoUser.RESIDENT_SUD)).isEqualTo(before + 1);
        JsonObject centre = Api.as(DemoUser.RESIDENT_SUD).inEnglish().get("/api/notifications?max=5").json();
        JsonObject newest = centre.getJsonArray("notifications").getJsonObject(0);
        assertThat(newest.getString("event")).isEqualTo("comment.reply");
        assertThat(newest.getString("text")).endsWith("replied to your comment.");
        assertThat(newest.getBoolean("read")).isFalse();
        assertThat(newest.getString("link")).startsWith("/budget/project.xhtml?id=");

        // by mail, in English as chosen, the reply quoted as text and escaped in HTML
        Optional<MimeMessage> mail = TestMailbox.await(m -> TestMailbox.to(m, LUCAS)
                && TestMailbox.part(m, 0).contains(marker), DELIVERY_MILLIS);
        assertThat(mail).as("the reply's mail to " + LUCAS).isPresent();
        MimeMessage message = mail.get();
        assertThat(message.getSubject()).endsWith("replied to your comment");
        String text = TestMailbox.part(message, 0);
        String html = TestMailbox.part(message, 1);
        assertThat(text).startsWith("Hello,").contains(marker + " & des érables <script>");
        assertThat(html).contains(marker + " &amp; des érables &lt;script&gt;").doesNotContain("<script>");
        assertThat(message.getHeader("List-Unsubscribe")[0]).contains("/api/notifications/unsubscribe?token=");

        // the link works without signing in and stops these mails only
        Matcher link = Pattern.compile("(/notifications/unsubscribe\\.xhtml\\?token=[A-Za-z0-9_.-]+)").matcher(text);
        assertThat(link.find()).isTrue();
        Reply page = Api.anonymous().inEnglish().get(link.group(1));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("You will no longer get e-mails about").contains("Replies to my comments");
        JsonObject preferences = Api.as(DemoUser.RESIDENT_SUD).get("/api/notifications/preferences").json();
        assertThat(preferences.getJsonObject("choices").getJsonObject("COMMENT_REPLY").getBoolean("byEmail")).isFalse();
        assertThat(preferences.getJsonObject("choices").getJsonObject("COMMENT_REPLY").getBoolean("inApp")).isTrue();

        // marked read, the count goes down
        long id = newest.getJsonNumber("id").longValue();
        Reply marked = Api.as(DemoUser.RESIDENT_SUD).post("/api/notifications/" + id + "/read", "{}");
        assertThat(marked.status()).as(marked.body()).isEqualTo(200);
        assertThat(marked.json().getBoolean("read")).isTrue();
        assertThat(unread(DemoUser.RESIDENT_SUD)).isEqualTo(before);

        Api.as(DemoUser.RESIDENT_SUD).put("/api/notifications/preferences",
                "{\"language\": \"fr\", \"choices\": {\"COMMENT_REPLY\": {\"inApp\": true, \"byEmail\": true}}}");
    }

    @Test
    void forgedUnsubscribeLinksAreRefusedWithATranslatedPageAndChangeNothing() {
        String forged = "bHVjYXM.COMMENT_REPLY.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
        Reply page = Api.anonymous().inEnglish().get("/notifications/unsubscribe.xhtml?token=" + forged);
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains("This unsubscribe link is not valid").doesNotContain("You will no longer");
        Reply french = Api.anonymous().get("/notifications/unsubscribe.xhtml?token=nonsense");
        assertThat(french.status()).isEqualTo(400);
        assertThat(french.body()).contains("Ce lien de désabonnement n’est pas valide");

        Reply oneClick = Api.anonymous().inEnglish().post("/api/notifications/unsubscribe?token=" + forged, "");
        assertThat(oneClick.status()).isEqualTo(400);
        assertThat(oneClick.json().getString("type")).isEqualTo("urn:agora:notification.unsubscribe.invalid");
        assertThat(Api.anonymous().get("/api/notifications/unsubscribe?token=x").status()).isEqualTo(303);
    }

    @Test
    void nobodyElseReadsOrMarksMyNotifications() {
        agentRepliesToLucas();
        JsonObject newest = Api.as(DemoUser.RESIDENT_SUD).get("/api/notifications?max=1").json()
                .getJsonArray("notifications").getJsonObject(0);
        long id = newest.getJsonNumber("id").longValue();

        assertThat(Api.anonymous().get("/api/notifications").status()).isEqualTo(401);
        assertThat(Api.anonymous().get("/api/notifications/unread-count").status()).isEqualTo(401);
        assertThat(Api.anonymous().post("/api/notifications/" + id + "/read", "{}").status()).isEqualTo(401);
        Reply other = Api.as(DemoUser.RESIDENT).post("/api/notifications/" + id + "/read", "{}");
        assertThat(other.status()).isEqualTo(404);
        assertThat(Api.as(DemoUser.OFFICE_ADMIN).post("/api/notifications/" + id + "/read", "{}").status()).isEqualTo(404);
        assertThat(Api.as(DemoUser.RESIDENT).get("/api/notifications?max=100").json().getJsonArray("notifications")
                .getValuesAs(JsonObject.class)).noneMatch(n -> n.getJsonNumber("id").longValue() == id);
        JsonObject still = Api.as(DemoUser.RESIDENT_SUD).get("/api/notifications?max=1").json()
                .getJsonArray("notifications").getJsonObject(0);
        assertThat(still.getBoolean("read")).isFalse();

        // the centre's pages send a visitor to sign in (the browser journeys check what a signed-in person sees)
        assertThat(Api.anonymous().get("/notifications/index.xhtml").status()).isEqualTo(302);
        assertThat(Api.anonymous().get("/notifications/preferences.xhtml").status()).isEqualTo(302);
    }

    @Test
    void onlyTheOfficeSeesTheOutbox() {
        Reply outbox = Api.as(DemoUser.OFFICE_ADMIN).get("/api/notifications/outbox");
        assertThat(outbox.status()).as(outbox.body()).isEqualTo(200);
        assertThat(outbox.json().containsKey("pending")).isTrue();
        assertThat(outbox.json().containsKey("failed")).isTrue();
        for (DemoUser other : new DemoUser[]{DemoUser.RESIDENT, DemoUser.MODERATOR, DemoUser.AGENT, DemoUser.ANALYST}) {
            assertThat(Api.as(other).get("/api/notifications/outbox").status()).as(other.username).isEqualTo(403);
        }
        assertThat(Api.anonymous().get("/api/notifications/outbox").status()).isEqualTo(401);
        assertThat(Api.as(DemoUser.RESIDENT).post("/api/notifications/outbox/1/retry", "{}").status()).isEqualTo(403);
        assertThat(Api.anonymous().get("/notifications/manage/mails.xhtml").status()).isEqualTo(302);
    }

    @Test
    void preferencesRefuseUnknownLanguagesAndKindsAndTheApiIsDescribed() throws Exception {
        Reply language = Api.as(DemoUser.RESIDENT).inEnglish().put("/api/notifications/preferences", "{\"language\": \"de\"}");
        assertThat(language.status()).isEqualTo(400);
        assertThat(language.json().getString("detail")).isEqualTo("Choose French or English.");
        Reply kind = Api.as(DemoUser.RESIDENT).put("/api/notifications/preferences",
                "{\"choices\": {\"NEWSLETTER\": {\"inApp\": true, \"byEmail\": true}}}");
        assertThat(kind.status()).isEqualTo(400);
        assertThat(Api.anonymous().put("/api/notifications/preferences", "{\"language\": \"fr\"}").status()).isEqualTo(401);
        String base = Platform.APP.substring(0, Platform.APP.lastIndexOf('/'));
        var openapi = Platform.http().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/openapi")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(openapi.body()).contains("/notifications/unread-count").contains("/notifications/unsubscribe")
                .contains("/notifications/preferences");
    }
}
