package org.agora.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
        Api.Reply count = Api.as(user).get("/api/notifications/unread-count");
        assertThat(count.status()).as(count.body()).isEqualTo(200);
        return count.json().getJsonNumber("unread").longValue();
    }

    /** What {@link #agentRepliesToLucas} made: the project (its page is the notification's link) and the reply's words. */
    record Reply(long project, String marker) {
        String link() {
            return "/budget/project.xhtml?id=" + project + "#";
        }
    }

    /**
     * resident.sud's notification about this reply (other notifications may arrive meanwhile: the vote's
     * announcements of the other tests' calls are told every minute).
     */
    static JsonObject notificationOf(Reply reply, DemoUser user, boolean english) {
        Api api = english ? Api.as(user).inEnglish() : Api.as(user);
        return api.get("/api/notifications?max=100").json().getJsonArray("notifications").getValuesAs(JsonObject.class)
                .stream().filter(n -> n.getString("link", "").startsWith(reply.link())).findFirst().orElseThrow();
    }

    /** resident.sud's comment on a new project, and the agent's reply to it (with markup to escape). */
    static Reply agentRepliesToLucas() {
        TestMailbox.server();
        Call call = BudgetScenarios.openForProjects();
        long project = BudgetScenarios.onBallot(call.envelope("nord"), "Des arbres rue Haute", 30000);
        long comment = BudgetScenarios.comment(DemoUser.RESIDENT_SUD, project, "<p>Quelles essences ?</p>", null);
        String marker = unique("Des tilleuls");
        BudgetScenarios.comment(DemoUser.AGENT, project, "<p>" + marker + " &amp; <b>des érables</b> &lt;script&gt;</p>", comment);
        return new Reply(project, marker);
    }

    @Test
    void aReplyReachesItsAuthorInTheAppAndByMailInTheirLanguageWithAWorkingUnsubscribeLink() throws MessagingException {
        Api.Reply english = Api.as(DemoUser.RESIDENT_SUD).put("/api/notifications/preferences",
                "{\"language\": \"en\", \"choices\": {\"COMMENT_REPLY\": {\"inApp\": true, \"byEmail\": true}}}");
        assertThat(english.status()).as(english.body()).isEqualTo(200);
        long before = unread(DemoUser.RESIDENT_SUD);

        Reply reply = agentRepliesToLucas();
        String marker = reply.marker();

        // in the app: one more unread at least (the vote's announcements may add theirs), in the caller's language
        assertThat(unread(DemoUser.RESIDENT_SUD)).isGreaterThanOrEqualTo(before + 1);
        JsonObject newest = notificationOf(reply, DemoUser.RESIDENT_SUD, true);
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
        Api.Reply page = Api.anonymous().inEnglish().get(link.group(1));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("You will no longer get e-mails about").contains("Replies to my comments");
        JsonObject preferences = Api.as(DemoUser.RESIDENT_SUD).get("/api/notifications/preferences").json();
        assertThat(preferences.getJsonObject("choices").getJsonObject("COMMENT_REPLY").getBoolean("byEmail")).isFalse();
        assertThat(preferences.getJsonObject("choices").getJsonObject("COMMENT_REPLY").getBoolean("inApp")).isTrue();

        // marked read
        long id = newest.getJsonNumber("id").longValue();
        Api.Reply marked = Api.as(DemoUser.RESIDENT_SUD).post("/api/notifications/" + id + "/read", "{}");
        assertThat(marked.status()).as(marked.body()).isEqualTo(200);
        assertThat(marked.json().getBoolean("read")).isTrue();
        assertThat(notificationOf(reply, DemoUser.RESIDENT_SUD, false).getBoolean("read")).isTrue();

        Api.as(DemoUser.RESIDENT_SUD).put("/api/notifications/preferences",
                "{\"language\": \"fr\", \"choices\": {\"COMMENT_REPLY\": {\"inApp\": true, \"byEmail\": true}}}");
    }

    @Test
    void forgedUnsubscribeLinksAreRefusedWithATranslatedPageAndChangeNothing() {
        String forged = "bHVjYXM.COMMENT_REPLY.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
        Api.Reply page = Api.anonymous().inEnglish().get("/notifications/unsubscribe.xhtml?token=" + forged);
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains("This unsubscribe link is not valid").doesNotContain("You will no longer");
        Api.Reply french = Api.anonymous().get("/notifications/unsubscribe.xhtml?token=nonsense");
        assertThat(french.status()).isEqualTo(400);
        assertThat(french.body()).contains("Ce lien de désabonnement n’est pas valide");

        Api.Reply oneClick = Api.anonymous().inEnglish().post("/api/notifications/unsubscribe?token=" + forged, "");
        assertThat(oneClick.status()).isEqualTo(400);
        assertThat(oneClick.json().getString("type")).isEqualTo("urn:agora:notification.unsubscribe.invalid");
        assertThat(Api.anonymous().get("/api/notifications/unsubscribe?token=x").status()).isEqualTo(303);
    }

    @Test
    void nobodyElseReadsOrMarksMyNotifications() {
        Reply reply = agentRepliesToLucas();
        long id = notificationOf(reply, DemoUser.RESIDENT_SUD, false).getJsonNumber("id").longValue();

        assertThat(Api.anonymous().get("/api/notifications").status()).isEqualTo(401);
        assertThat(Api.anonymous().get("/api/notifications/unread-count").status()).isEqualTo(401);
        assertThat(Api.anonymous().post("/api/notifications/" + id + "/read", "{}").status()).isEqualTo(401);
        Api.Reply other = Api.as(DemoUser.RESIDENT).post("/api/notifications/" + id + "/read", "{}");
        assertThat(other.status()).isEqualTo(404);
        assertThat(Api.as(DemoUser.OFFICE_ADMIN).post("/api/notifications/" + id + "/read", "{}").status()).isEqualTo(404);
        assertThat(Api.as(DemoUser.RESIDENT).get("/api/notifications?max=100").json().getJsonArray("notifications")
                .getValuesAs(JsonObject.class)).noneMatch(n -> n.getJsonNumber("id").longValue() == id);
        assertThat(notificationOf(reply, DemoUser.RESIDENT_SUD, false).getBoolean("read")).isFalse();

        // the centre's pages send a visitor to sign in (the browser journeys check what a signed-in person sees)
        assertThat(Api.anonymous().get("/notifications/index.xhtml").status()).isEqualTo(302);
        assertThat(Api.anonymous().get("/notifications/preferences.xhtml").status()).isEqualTo(302);
    }

    @Test
    void onlyTheOfficeSeesTheOutbox() {
        Api.Reply outbox = Api.as(DemoUser.OFFICE_ADMIN).get("/api/notifications/outbox");
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
        Api.Reply language = Api.as(DemoUser.RESIDENT).inEnglish().put("/api/notifications/preferences", "{\"language\": \"de\"}");
        assertThat(language.status()).isEqualTo(400);
        assertThat(language.json().getString("detail")).isEqualTo("Choose French or English.");
        Api.Reply kind = Api.as(DemoUser.RESIDENT).put("/api/notifications/preferences",
                "{\"choices\": {\"HOROSCOPE\": {\"inApp\": true, \"byEmail\": true}}}");
        assertThat(kind.status()).isEqualTo(400);
        assertThat(Api.anonymous().put("/api/notifications/preferences", "{\"language\": \"fr\"}").status()).isEqualTo(401);
        String base = Platform.APP.substring(0, Platform.APP.lastIndexOf('/'));
        var openapi = Platform.http().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/openapi")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(openapi.body()).contains("/notifications/unread-count").contains("/notifications/unsubscribe")
                .contains("/notifications/preferences");
    }
}
