package org.agora.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.agora.it.Api.Reply;
import org.agora.it.Platform.DemoUser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Neighbourhood councils in headless Chromium against the real platform: the Nord agent creates the council of
 * Champ-Fleuri and schedules a meeting (a date in the past and a meeting without place nor link refused next to
 * their fields), the resident joins, registers (on the waiting list while the one seat is taken, promoted when it
 * frees up) and finds it in "my councils", the agent publishes the minutes once it has started (a file that is not a
 * PDF refused) and the resident reads them. Members-only content of Saint-Roch (demo data) is refused to a resident
 * who is not a member, by direct address and through the API, until an animator accepts their request.
 */
abstract class CouncilJourneyTests {

    private static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final ZoneId CITY = ZoneId.of("Europe/Paris");

    @Test
    void anAgentRunsACouncilAResidentJoinsRegistersAndReadsTheMinutes() throws Exception {
        long councilId;
        long meetingId;
        Instant startsAt;
        try (Browser agent = new Browser()) {
            agent.signIn(DemoUser.AGENT);
            agent.go("nav-councils");
            agent.go("create");
            new Select(agent.find("council:neighbourhood")).selectByVisibleText("Champ-Fleuri");
            agent.type("council:name", "Conseil de quartier de Champ-Fleuri");
            write(agent, "council:presentation", "Les habitants de Champ-Fleuri se retrouvent chaque mois.");
            agent.type("council:contact", "Mairie du secteur Nord");
            tall(agent, "council-form");
            agent.go("council:save");
            assertThat(agent.text()).contains("Le conseil « Conseil de quartier de Champ-Fleuri » est créé.");
            assertThat(agent.heading()).isEqualTo("Conseil de quartier de Champ-Fleuri");
            councilId = idInAddress(agent);

            agent.go("new-meeting");
            agent.type("meeting:title", "Réunion de rentrée");
            typeDate(agent, LocalDateTime.now(CITY).minusDays(1));
            agent.type("meeting:place", "Salle Champ-Fleuri, 3 place du Marché");
            agent.go("meeting:save");
            assertThat(agent.find("meeting:startsAt-message").getText())
                    .isEqualTo("Une nouvelle réunion ne peut pas commencer dans le passé.");
            startsAt = Instant.now().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofDays(1));
            typeDate(agent, LocalDateTime.ofInstant(startsAt, CITY));
            agent.type("meeting:place", " ");
            agent.go("meeting:save");
            assertThat(agent.find("meeting:place-message").getText())
                    .isEqualTo("Indiquez un lieu (une adresse), un lien de visioconférence, ou les deux.");
            assertThat(agent.find("meeting:title").getAttribute("value")).isEqualTo("Réunion de rentrée");
            agent.type("meeting:place", "Salle Champ-Fleuri, 3 place du Marché");
            agent.type("meeting:capacity", "1");
            write(agent, "meeting:agenda", "La fête de quartier; les travaux, de la rue.");
            tall(agent, "council-meeting-form");
            agent.go("meeting:save");
            assertThat(agent.text()).contains("La réunion « Réunion de rentrée » est programmée.");
            meetingId = idInAddress(agent);
        }

        // another resident takes the only seat first
        Reply taken = Api.as(DemoUser.RESIDENT_SUD).post("/api/councils/meetings/" + meetingId + "/registration", "");
        assertThat(taken.status()).as(taken.body()).isEqualTo(200);
        assertThat(taken.json().getString("status")).isEqualTo("REGISTERED");

        try (Browser resident = new Browser()) {
            resident.signIn(DemoUser.RESIDENT);
            resident.open("/councils/view.xhtml?id=" + councilId);
            assertThat(resident.has("members")).isFalse();
            resident.go("membership:join");
            assertThat(resident.text()).contains("Vous êtes membre du conseil « Conseil de quartier de Champ-Fleuri ».");
            assertThat(resident.find("member-count").getText()).isEqualTo("1 membre");
            tall(resident, "council-page");
            resident.go("members");
            assertThat(resident.all(By.cssSelector("#member-list li"))).extracting(WebElement::getText)
                    .containsExactly("Camille Martin");
            assertThat(resident.text()).doesNotContain("@");

            resident.open("/councils/meeting.xhtml?id=" + meetingId);
            resident.go("registration:register");
            assertThat(resident.find("my-registration").getText())
                    .isEqualTo("Vous êtes en position 1 sur la liste d'attente.");
            Reply cancelled = Api.as(DemoUser.RESIDENT_SUD).delete("/api/councils/meetings/" + meetingId + "/registration");
            assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
            resident.open("/councils/meeting.xhtml?id=" + meetingId);
            assertThat(resident.find("my-registration").getText()).isEqualTo("Vous êtes inscrit à cette réunion.");
            assertThat(resident.find("seats").getText()).isEqualTo("1 inscrit(s) sur 1 places, 0 sur liste d'attente");
            tall(resident, "council-meeting");

            resident.open("/councils/member/mine.xhtml");
            assertThat(resident.find("my-meetings").getText()).contains("Réunion de rentrée", "Inscrit");
            assertThat(resident.find("my-councils").getText()).contains("Conseil de quartier de Champ-Fleuri", "Membre");
            tall(resident, "council-mine");
        }

        Reply ics = Api.anonymous().get("/councils/meeting.ics?id=" + meetingId);
        assertThat(ics.status()).isEqualTo(200);
        assertThat(ics.contentType()).startsWith("text/calendar");
        assertThat(ics.body()).startsWith("BEGIN:VCALENDAR\r\n").contains("SUMMARY:Réunion de rentrée",
                "DTSTART:" + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneId.of("UTC")).format(startsAt),
                "LOCATION:Salle Champ-Fleuri\\, 3 place du Marché");

        // the minutes come once the meeting has started
        Elapse.untilMeetingStarts(meetingId);
        try (Browser agent = new Browser()) {
            agent.signIn(DemoUser.AGENT);
            agent.open("/councils/member/manage.xhtml?id=" + councilId);
            agent.goCss("li[data-meeting='" + meetingId + "'] .minutes-link");
            write(agent, "minutes:minutes", "Douze habitants présents. La fête aura lieu le 14 juin.");
            agent.type("minutes:attendance", "12");
            agent.css("form[id='minutes'] input[type=file]").sendKeys(file("compte-rendu.pdf",
                    "ceci n'est pas un pdf".getBytes(StandardCharsets.UTF_8)).toString());
            agent.go("minutes:publish");
            assertThat(agent.find("minutes:pdf-message").getText()).isEqualTo("Ce fichier n'est pas un PDF.");
            agent.css("form[id='minutes'] input[type=file]").sendKeys(file("compte-rendu.pdf", pdf()).toString());
            tall(agent, "council-minutes-form");
            agent.go("minutes:publish");
            assertThat(agent.text()).contains("Le compte rendu de « Réunion de rentrée » est publié.");
        }

        try (Browser resident = new Browser()) {
            resident.signIn(DemoUser.RESIDENT);
            resident.open("/councils/meeting.xhtml?id=" + meetingId);
            assertThat(resident.find("minutes").getText()).isEqualTo("Douze habitants présents. La fête aura lieu le 14 juin.");
            assertThat(resident.find("attendance").getText()).isEqualTo("12 participants");
            assertThat(resident.has("minutes-pdf")).isTrue();
            tall(resident, "council-minutes");
        }
        HttpResponse<String> pdf = Platform.http().send(HttpRequest.newBuilder(
                URI.create(Platform.APP + "/councils/minutes.pdf?id=" + meetingId)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).contains("application/pdf");
        assertThat(pdf.body()).startsWith("%PDF-");
        // a PDF opened in the browser runs nothing of ours: sandboxed like the other downloads
        assertThat(pdf.headers().firstValue("Content-Security-Policy")).contains("sandbox; default-src 'none'");
    }

    @Test
    void membersOnlyContentIsRefusedToOthersByDirectAddressAndThroughTheApi() {
        JsonObject saintRoch = Api.anonymous().get("/api/councils").array().getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("neighbourhood").equals("Saint-Roch")).findFirst().orElseThrow();
        long councilId = saintRoch.getJsonNumber("id").longValue();
        long closed = Api.as(DemoUser.OFFICE_ADMIN).get("/api/councils/" + councilId + "/meetings").array()
                .getValuesAs(JsonObject.class).stream().filter(m -> m.getBoolean("membersOnly")).findFirst()
                .orElseThrow().getJsonNumber("id").longValue();
        // a resident of Nord who is not (or no longer) a member
        Api.as(DemoUser.RESIDENT).delete("/api/councils/" + councilId + "/membership");

        assertThat(Api.anonymous().get("/api/councils/" + councilId + "/meetings").array()
                .getValuesAs(JsonObject.class)).noneMatch(m -> m.getBoolean("membersOnly"));
        assertThat(Api.anonymous().get("/api/councils/meetings/" + closed).status()).isEqualTo(401);
        assertThat(Api.as(DemoUser.RESIDENT).get("/api/councils/meetings/" + closed).status()).isEqualTo(403);
        assertThat(Api.as(DemoUser.RESIDENT).get("/api/councils/" + councilId + "/members").status()).isEqualTo(403);
        assertThat(Api.as(DemoUser.AGENT).get("/api/councils/" + councilId + "/members").status()).isEqualTo(403);
        assertThat(Api.as(DemoUser.RESIDENT).get("/api/councils/meetings/" + closed + "/calendar").status()).isEqualTo(403);
        assertThat(Api.anonymous().get("/councils/meeting.ics?id=" + closed).status()).isEqualTo(403);
        assertThat(Api.anonymous().get("/councils/minutes.pdf?id=" + closed).status()).isEqualTo(403);

        try (Browser visitor = new Browser()) {
            visitor.open("/councils/index.xhtml");
            assertThat(visitor.find("district-sud").getText()).contains("Conseil de quartier de Saint-Roch",
                    "Assemblée plénière de printemps");
            tall(visitor, "council-directory");
        }

        try (Browser resident = new Browser()) {
            resident.signIn(DemoUser.RESIDENT);
            resident.open("/councils/meeting.xhtml?id=" + closed);
            assertThat(resident.heading()).isEqualTo("Accès refusé");
            resident.open("/councils/member/members.xhtml?id=" + councilId);
            assertThat(resident.heading()).isEqualTo("Accès refusé");
            resident.open("/councils/view.xhtml?id=" + councilId);
            assertThat(resident.all(By.cssSelector("#upcoming li[data-meeting='" + closed + "']"))).isEmpty();
            assertThat(resident.has("members-only-notice")).isTrue();
            resident.go("membership:ask");
            assertThat(resident.text()).contains("Votre demande pour rejoindre « Conseil de quartier de Saint-Roch » est envoyée aux animateurs.");
            assertThat(resident.find("my-status").getText()).contains("Demande en attente");
        }
        assertThat(Api.as(DemoUser.RESIDENT).get("/api/councils/meetings/" + closed).status()).isEqualTo(403);

        // the demo animator of Saint-Roch accepts the request
        try (Browser animator = new Browser()) {
            animator.signIn(DemoUser.RESIDENT_SUD);
            animator.open("/councils/member/manage.xhtml?id=" + councilId);
            assertThat(animator.css("#requests li[data-username='resident']").getText()).contains("Camille Martin");
            tall(animator, "council-manage");
            animator.goCss("li[data-username='resident'] button[id$='approve']");
            assertThat(animator.text()).contains("Camille Martin est maintenant membre du conseil.");
        }
        Reply seen = Api.as(DemoUser.RESIDENT).get("/api/councils/meetings/" + closed);
        assertThat(seen.status()).as(seen.body()).isEqualTo(200);
        assertThat(seen.json().getBoolean("membersOnly")).isTrue();
        assertThat(Api.as(DemoUser.RESIDENT).get("/api/councils/" + councilId + "/members").array()
                .getValuesAs(JsonObject.class)).extracting(m -> m.getString("displayName")).contains("Camille Martin");
        Api.as(DemoUser.RESIDENT).delete("/api/councils/" + councilId + "/membership");
    }

    @Test
    void anAgentCancelsAMeetingWithAReasonAndItsPeopleAreToldAndRegisterNoMore() {
        long aubiers = Api.anonymous().get("/api/councils").array().getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("name").equals("Conseil de quartier des Aubiers"))
                .mapToLong(c -> c.getJsonNumber("id").longValue()).findFirst().orElseThrow();
        long meetingId;
        try (Browser agent = new Browser()) {
            agent.signIn(DemoUser.AGENT);
            agent.open("/councils/view.xhtml?id=" + aubiers);
            agent.go("new-meeting");
            agent.type("meeting:title", "Balade urbaine");
            typeDate(agent, LocalDateTime.ofInstant(Instant.now().plus(Duration.ofDays(3)), CITY));
            agent.type("meeting:place", "Parvis de la médiathèque");
            agent.go("meeting:save");
            assertThat(agent.text()).contains("La réunion « Balade urbaine » est programmée.");
            meetingId = idInAddress(agent);

            Reply registered = Api.as(DemoUser.RESIDENT_SUD).post("/api/councils/meetings/" + meetingId + "/registration", "");
            assertThat(registered.status()).as(registered.body()).isEqualTo(200);

            agent.open("/councils/meeting.xhtml?id=" + meetingId);
            agent.go("cancel-meeting:cancel-button");
            assertThat(agent.find("cancel-meeting:reason-message").getText()).isEqualTo("Ce champ est obligatoire.");
            agent.type("cancel-meeting:reason", "La médiathèque est fermée pour travaux");
            agent.go("cancel-meeting:cancel-button");
            assertThat(agent.text()).contains("La réunion « Balade urbaine » est annulée ; les personnes concernées sont prévenues.");
            assertThat(agent.find("cancelled").getText()).contains("Annulée", "La médiathèque est fermée pour travaux");
            assertThat(agent.has("edit")).isFalse();
            assertThat(agent.has("cancel-meeting")).isFalse();
        }

        // the member of the council (the demo resident) and the registered resident are told
        for (DemoUser told : java.util.List.of(DemoUser.RESIDENT, DemoUser.RESIDENT_SUD)) {
            assertThat(Api.as(told).get("/api/notifications?max=20").json().getJsonArray("notifications")
                    .getValuesAs(JsonObject.class)).as(told.username)
                    .anyMatch(n -> n.getString("event").equals("meeting.cancelled")
                            && n.getString("text").contains("Balade urbaine")
                            && n.getString("link").endsWith("id=" + meetingId));
        }
        JsonObject meeting = Api.anonymous().get("/api/councils/meetings/" + meetingId).json();
        assertThat(meeting.getBoolean("cancelled")).isTrue();
        assertThat(meeting.getString("cancelReason")).isEqualTo("La médiathèque est fermée pour travaux");
        Reply late = Api.as(DemoUser.RESIDENT).post("/api/councils/meetings/" + meetingId + "/registration", "");
        assertThat(late.status()).as(late.body()).isEqualTo(403);
        assertThat(late.json().getString("type")).isEqualTo("urn:agora:council.meeting.cancelled");
        Reply again = Api.as(DemoUser.AGENT).post("/api/councils/meetings/" + meetingId + "/cancellation",
                "{\"reason\": \"Encore\"}");
        assertThat(again.status()).as(again.body()).isEqualTo(409);

        try (Browser resident = new Browser()) {
            resident.signIn(DemoUser.RESIDENT);
            resident.open("/councils/meeting.xhtml?id=" + meetingId);
            assertThat(resident.find("cancelled").getText()).contains("La médiathèque est fermée pour travaux");
            assertThat(resident.find("registration-cancelled").getText())
                    .isEqualTo("La réunion est annulée : plus aucune inscription.");
            assertThat(resident.has("registration:register")).isFalse();
            resident.open("/councils/view.xhtml?id=" + aubiers);
            assertThat(resident.driver().findElement(By.cssSelector("li[data-meeting='" + meetingId + "']")).getText())
                    .contains("Annulée");
        }
    }

    @Test
    void anAgentTurnsACouncilsPreModerationOnFromItsForm() {
        long aubiers = Api.anonymous().get("/api/councils").array().getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("name").equals("Conseil de quartier des Aubiers"))
                .mapToLong(c -> c.getJsonNumber("id").longValue()).findFirst().orElseThrow();
        try (Browser agent = new Browser()) {
            agent.signIn(DemoUser.AGENT);
            agent.open("/councils/manage/edit.xhtml?id=" + aubiers);
            assertThat(agent.find("council:preModerated").isSelected()).isFalse();
            agent.find("council:preModerated").click();
            agent.go("council:save");
            assertThat(agent.find("pre-moderated").getText()).isEqualTo("Les nouvelles idées et les commentaires des "
                    + "membres de ce conseil sont publiés après l’accord d’un modérateur.");
        } finally {
            Reply off = Api.as(DemoUser.AGENT).put("/api/councils/" + aubiers + "/pre-moderation",
                    "{\"preModerated\": false}");
            assertThat(off.status()).as(off.body()).isEqualTo(200);
        }
    }

    /** Writes into a rich-text editor as a person would. */
    private static void write(Browser browser, String editorId, String text) {
        WebElement editor = browser.driver().findElement(By.cssSelector("[id='" + editorId + "'] .ql-editor"));
        editor.click();
        editor.sendKeys(text);
    }

    private static void typeDate(Browser browser, LocalDateTime value) {
        WebElement input = browser.find("meeting:startsAt_input");
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"));
        input.sendKeys(value.format(TYPED));
        input.sendKeys(Keys.ESCAPE);
    }

    private static long idInAddress(Browser browser) {
        return Long.parseLong(browser.driver().getCurrentUrl().replaceAll(".*[?&]id=(\\d+).*", "$1"));
    }

    /** A screenshot of the whole page for the user guide. */
    private static void tall(Browser browser, String name) {
        var window = browser.driver().manage().window();
        Dimension usual = window.getSize();
        Object height = browser.driver().executeScript("return document.documentElement.scrollHeight;");
        window.setSize(new Dimension(usual.getWidth(), Math.min(((Number) height).intValue() + 150, 2400)));
        browser.screenshot(name);
        window.setSize(usual);
    }

    private static Path file(String name, byte[] bytes) throws IOException {
        Path folder = Files.createTempDirectory("agora-upload");
        return Files.write(folder.resolve(name), bytes);
    }

    private static byte[] pdf() {
        return ("%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
                + "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
    }
}
