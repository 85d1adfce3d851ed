package org.agora.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.agora.it.Api.Reply;
import org.agora.it.Platform.DemoUser;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

/**
 * A council's documents, news and ideas on a real Payara Micro with real Keycloak sign-ins, in the demo council of
 * Les Aubiers (led by the Nord agent; the demo resident is a member): members-only documents and news are hidden
 * from others on the pages, at the download address and in the API; a document that is not what its name says is
 * refused with its reason; a member posts an idea another member supports, once.
 */
abstract class CouncilContentTests {

    @Test
    void agentPublishesForMembersOnlyAndAMemberPostsAnIdeaAnotherSupports() throws Exception {
        long council = aubiers();
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String title = "Liste des bénévoles " + suffix;
        String news = "Fête de quartier " + suffix;
        String idea = "Un composteur au square " + suffix;
        long document;

        try (Browser agent = new Browser()) {
            agent.signIn(DemoUser.AGENT);
            agent.open("/councils/documents.xhtml?id=" + council);
            agent.type("upload:title", title);
            agent.css("#upload input[type=file]").sendKeys(file("benevoles.pdf", "pas un PDF".getBytes()).toString());
            agent.go("upload:publish");
            assertThat(agent.find("upload:file-message").getText())
                    .startsWith("Le nom de ce fichier se termine par « .pdf », mais son contenu n'est pas un document PDF");

            agent.type("upload:title", title);
            agent.css("#upload input[type=file]").sendKeys(file("benevoles.pdf", pdf()).toString());
            agent.click("upload:membersOnly");
            agent.go("upload:publish");
            assertThat(agent.text()).contains("Le document « " + title + " » est publié.");
            String rowId = agent.css("#document-list li.council-document").getAttribute("id");
            document = Long.parseLong(rowId.substring("document-".length()));
            assertThat(agent.css("#" + rowId).getText()).contains(title).contains("Réservé aux membres")
                    .contains("benevoles.pdf (PDF, 1 Ko)");
            agent.screenshot("council-documents");

            agent.open("/councils/news.xhtml?id=" + council);
            agent.type("post:title", news);
            agent.css("#post\\:body .ql-editor").sendKeys("Le 12 juin, place des Lilas : venez nombreux !");
            agent.go("post:publish");
            assertThat(agent.text()).contains("L'actualité « " + news + " » est publiée.");
            assertThat(agent.css("article.news-post").getText()).contains(news).contains("Le 12 juin, place des Lilas");
            agent.screenshot("council-news");
        }

        try (Browser outsider = new Browser()) {
            outsider.signIn(DemoUser.ANALYST); // signed in, not a member
            outsider.open("/councils/documents.xhtml?id=" + council);
            assertThat(outsider.text()).doesNotContain(title).contains("Les membres du conseil voient aussi");
            outsider.open("/councils/document?id=" + document);
            assertThat(outsider.heading()).isEqualTo("Page introuvable");
            outsider.open("/councils/view.xhtml?id=" + council);
            assertThat(outsider.text()).contains(news); // the news was public
        }

        try (Browser member = new Browser()) {
            member.signIn(DemoUser.RESIDENT);
            member.open("/councils/documents.xhtml?id=" + council);
            assertThat(member.text()).contains(title);
            Path downloaded = member.download("download-" + document);
            assertThat(downloaded.getFileName().toString()).isEqualTo("benevoles.pdf");
            assertThat(Files.readAllBytes(downloaded)).isEqualTo(pdf());

            member.open("/councils/ideas.xhtml?id=" + council);
            member.type("idea:title", idea);
            member.type("idea:text", "Près des jeux,\npour les épluchures des voisins.");
            member.go("idea:post");
            assertThat(member.text()).contains("Votre idée « " + idea + " » est publiée.");
        }

        long ideaId = ideaCalled(council, idea);
        try (Browser neighbour = new Browser()) {
            neighbour.signIn(DemoUser.RESIDENT_SUD);
            neighbour.open("/councils/view.xhtml?id=" + council);
            if (neighbour.has("membership:join")) {
                neighbour.go("membership:join");
            }
            neighbour.open("/councils/ideas.xhtml?id=" + council + "&order=newest");
            neighbour.goCss("#idea-" + ideaId + " button[id$=':support']");
            assertThat(neighbour.text()).contains("Votre soutien est enregistré.");
            assertThat(neighbour.css("#idea-" + ideaId + " .support-count").getText()).isEqualTo("1 soutien");
            assertThat(neighbour.all(org.openqa.selenium.By.cssSelector("#idea-" + ideaId + " button[id$=':support']")))
                    .isEmpty(); // once: the button now takes the support back
            neighbour.screenshot("council-ideas");

            neighbour.open("/councils/idea.xhtml?id=" + ideaId);
            assertThat(neighbour.heading()).isEqualTo(idea);
            assertThat(neighbour.find("support-count").getText()).isEqualTo("1 soutien");
            assertThat(neighbour.has("supported-by-me")).isTrue();

            // members discuss the idea under it
            org.openqa.selenium.WebElement editor = neighbour.css("[id='comments:body'] .ql-editor");
            editor.click();
            editor.sendKeys("Bonne idée : j'apporterai un seau.");
            neighbour.find("comments:send").click();
            neighbour.waitForAjax();
            assertThat(neighbour.find("comments-title").getText()).isEqualTo("1 commentaire");
            assertThat(neighbour.css("#comments-section .comment .comment-body").getText())
                    .isEqualTo("Bonne idée : j'apporterai un seau.");
        }
    }

    @Test
    void theApiHidesMembersOnlyContentRefusesWrongFilesAndTakesOneSupportPerMember() throws Exception {
        long council = aubiers();
        String documents = "/api/councils/" + council + "/documents";
        Api agent = Api.as(DemoUser.AGENT);

        Reply notAPdf = agent.post(documents, newDocument("Plan", true, "plan.pdf", "du texte".getBytes()));
        assertThat(notAPdf.status()).isEqualTo(400);
        assertThat(notAPdf.json().getString("field")).isEqualTo("file");
        assertThat(notAPdf.json().getString("detail")).startsWith("Le nom de ce fichier se termine par « .pdf »");
        Reply wrongName = agent.inEnglish().post(documents, newDocument("Plan", true, "plan.pdf", docx()));
        assertThat(wrongName.status()).isEqualTo(400);
        assertThat(wrongName.json().getString("detail"))
                .isEqualTo("This file is a Word document, but its name ends in \".pdf\". Rename it before sending it.");
        byte[] large = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(pdf(), 0, large, 0, pdf().length);
        Reply tooLarge = agent.post(documents, newDocument("Plan", true, "plan.pdf", large));
        assertThat(tooLarge.status()).isEqualTo(400);
        assertThat(tooLarge.json().getString("detail")).isEqualTo("Le document dépasse 10 Mo.");
        assertThat(Api.as(DemoUser.RESIDENT).post(documents, newDocument("Plan", false, "plan.pdf", pdf())).status())
                .isEqualTo(403);
        assertThat(Api.anonymous().post(documents, newDocument("Plan", false, "plan.pdf", pdf())).status())
                .isEqualTo(401);

        byte[] docx = docx();
        Reply published = agent.post(documents, newDocument("Comptes de l'association", true, "comptes", docx));
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        long id = published.json().getJsonNumber("id").longValue();
        assertThat(published.json().getString("fileName")).isEqualTo("comptes.docx");
        String file = documents + "/" + id + "/file";

        assertThat(ids(Api.anonymous().get(documents))).doesNotContain(id);
        assertThat(ids(Api.as(DemoUser.ANALYST).get(documents))).doesNotContain(id);
        assertThat(Api.anonymous().get(documents + "/" + id).status()).isEqualTo(404);
        assertThat(download(file, null).statusCode()).isEqualTo(404);
        assertThat(download(file, DemoUser.ANALYST).statusCode()).isEqualTo(404);
        assertThat(download("/api/councils/" + (council + 1) + "/documents/" + id + "/file", DemoUser.RESIDENT)
                .statusCode()).isEqualTo(404); // not that council's

        assertThat(ids(Api.as(DemoUser.RESIDENT).get(documents))).contains(id);
        HttpResponse<byte[]> got = download(file, DemoUser.RESIDENT);
        assertThat(got.statusCode()).isEqualTo(200);
        assertThat(got.headers().firstValue("Content-Type"))
                .contains("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(got.headers().firstValue("Content-Disposition")).get().asString().startsWith("attachment; filename=\"comptes.docx\"");
        assertThat(got.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(got.body()).isEqualTo(docx);

        String newsPath = "/api/councils/" + council + "/news";
        Reply posted = agent.post(newsPath, "{\"title\": \"Réunion du bureau\", \"body\": \"<p>Ordre du jour<script>x()</script></p>\","
                + " \"membersOnly\": true}");
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        assertThat(posted.json().getString("body")).isEqualTo("<p>Ordre du jour</p>");
        long post = posted.json().getJsonNumber("id").longValue();
        assertThat(ids(Api.anonymous().get(newsPath))).doesNotContain(post);
        assertThat(Api.as(DemoUser.ANALYST).get(newsPath + "/" + post).status()).isEqualTo(404);
        assertThat(ids(Api.as(DemoUser.RESIDENT).get(newsPath))).contains(post);
        assertThat(download("/councils/post.xhtml?id=" + post, null).statusCode()).isEqualTo(404); // its own page too
        String postComments = "/api/councils/news/" + post + "/comments";
        Reply comment = Api.as(DemoUser.RESIDENT).post(postComments, "{\"body\": \"<p>J'y serai</p>\"}");
        assertThat(comment.status()).as(comment.body()).isEqualTo(201);
        assertThat(Api.as(DemoUser.RESIDENT).get(postComments).json().getJsonNumber("count").longValue()).isEqualTo(1);
        assertThat(Api.anonymous().get(postComments).status()).isEqualTo(404); // a members-only post's comments too
        assertThat(Api.as(DemoUser.ANALYST).post(postComments, "{\"body\": \"Vu\"}").status()).isEqualTo(404);

        String ideas = "/api/councils/" + council + "/ideas";
        Reply idea = Api.as(DemoUser.RESIDENT).post(ideas, "{\"title\": \"Des bancs\", \"text\": \"Devant l'école\"}");
        assertThat(idea.status()).as(idea.body()).isEqualTo(201);
        long ideaId = idea.json().getJsonNumber("id").longValue();
        String ideaComments = "/api/councils/ideas/" + ideaId + "/comments";
        Reply answer = Api.as(DemoUser.AGENT).post(ideaComments, "{\"body\": \"<p>À l'étude</p>\"}");
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        assertThat(answer.json().getString("badge")).isEqualTo("TOWN_HALL");
        assertThat(Api.anonymous().get(ideaComments).json().getJsonNumber("count").longValue()).isEqualTo(1);
        assertThat(Api.anonymous().post(ideaComments, "{\"body\": \"Anonyme\"}").status()).isEqualTo(401);
        assertThat(Api.as(DemoUser.ANALYST).post(ideas, "{\"title\": \"Idée\", \"text\": \"Texte\"}").status())
                .isEqualTo(403);
        String support = ideas + "/" + ideaId + "/support";
        assertThat(Api.as(DemoUser.RESIDENT).put(support, "").status()).isEqualTo(403); // one's own idea
        Api neighbour = Api.as(DemoUser.RESIDENT_SUD);
        assertThat(neighbour.post("/api/councils/" + council + "/membership", "").status()).isIn(200, 201, 409);
        Reply supported = neighbour.put(support, "");
        assertThat(supported.status()).as(supported.body()).isEqualTo(200);
        assertThat(supported.json().getInt("supports")).isEqualTo(1);
        assertThat(supported.json().getBoolean("supportedByMe")).isTrue();
        assertThat(neighbour.put(support, "").status()).isEqualTo(409);
        JsonObject read = Api.anonymous().get(ideas + "/" + ideaId).json();
        assertThat(read.getInt("supports")).isEqualTo(1);

        Reply closed = agent.post(ideas + "/" + ideaId + "/close", "{\"answer\": \"Deux bancs en mai.\"}");
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        assertThat(closed.json().getString("status")).isEqualTo("CLOSED");
        assertThat(agent.post(ideas + "/" + ideaId + "/close", "{\"answer\": \"Encore\"}").status()).isEqualTo(409);
    }

    private static long aubiers() {
        return Api.anonymous().get("/api/councils").array().getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("name").equals("Conseil de quartier des Aubiers"))
                .mapToLong(c -> c.getJsonNumber("id").longValue()).findFirst().orElseThrow();
    }

    private static long ideaCalled(long council, String title) {
        return Api.anonymous().get("/api/councils/" + council + "/ideas?order=newest").array()
                .getValuesAs(JsonObject.class).stream().filter(i -> i.getString("title").equals(title))
                .mapToLong(i -> i.getJsonNumber("id").longValue()).findFirst().orElseThrow();
    }

    private static List<Long> ids(Reply list) {
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        return list.array().getValuesAs(JsonObject.class).stream().map(o -> o.getJsonNumber("id").longValue()).toList();
    }

    private static String newDocument(String title, boolean membersOnly, String fileName, byte[] content) {
        return jakarta.json.Json.createObjectBuilder().add("title", title).add("membersOnly", membersOnly)
                .add("fileName", fileName).add("content", Base64.getEncoder().encodeToString(content)).build().toString();
    }

    private static HttpResponse<byte[]> download(String path, DemoUser user) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Platform.APP + path)).GET();
        if (user != null) {
            request.header("Authorization", "Bearer " + Platform.token(user));
        }
        return Platform.http().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A small, whole PDF (one empty page). */
    private static byte[] pdf() {
        return ("%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
                + "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] docx() throws IOException {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.createParagraph().createRun().setText("Comptes 2026");
            document.write(out);
            return out.toByteArray();
        }
    }

    private static Path file(String name, byte[] bytes) throws IOException {
        Path folder = Files.createTempDirectory("agora-upload");
        Path file = folder.resolve(name);
        Files.write(file, bytes);
        return file;
    }
}
