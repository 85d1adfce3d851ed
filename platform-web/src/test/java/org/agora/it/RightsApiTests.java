package org.agora.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.agora.it.Api.Reply;
import org.agora.it.Platform.DemoUser;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * Residents' rights through the REST API with real tokens: a resident downloads their data (JSON and a workbook in
 * their language), with their own comment and not another resident's; nobody gets anything without a token.
 */
abstract class RightsApiTests {

    @Test
    void aResidentDownloadsTheirOwnDataAndNobodyElses() {
        long consultation = ConsultationApiTests.openCityConsultation();
        String mine = "Mon avis " + UUID.randomUUID();
        String theirs = "Son avis " + UUID.randomUUID();
        assertThat(Api.as(DemoUser.RESIDENT).post("/api/consultations/" + consultation + "/comments",
                "{\"body\": \"<p>" + mine + "</p>\"}").status()).isEqualTo(201);
        assertThat(Api.as(DemoUser.RESIDENT_SUD).post("/api/consultations/" + consultation + "/comments",
                "{\"body\": \"<p>" + theirs + "</p>\"}").status()).isEqualTo(201);

        Reply data = Api.as(DemoUser.RESIDENT).get("/api/me/data");
        assertThat(data.status()).as(data.body()).isEqualTo(200);
        JsonObject json = data.json();
        assertThat(json.getString("person")).isEqualTo("resident");
        assertThat(json.getJsonObject("records").getJsonArray("comments").getValuesAs(JsonObject.class))
                .anyMatch(c -> c.getString("text").equals(mine));
        assertThat(data.body()).doesNotContain(theirs).doesNotContain("<p>");

        Reply nobody = Api.anonymous().get("/api/me/data");
        assertThat(nobody.status()).isEqualTo(401);
        assertThat(nobody.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aResidentDeletesTheirAccountTheirWordsStayUnsignedAndTheyCanNoLongerSignIn() {
        String username = "leaving-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "Leaving-2026-" + UUID.randomUUID();
        KeycloakAdmin keycloak = new KeycloakAdmin();
        keycloak.createResident(username, password);
        Api leaving = Api.withToken(Platform.token(username, password));
        long consultation = ConsultationApiTests.openCityConsultation();
        String words = "Des arbres rue Pasteur " + UUID.randomUUID();
        Reply comment = leaving.post("/api/consultations/" + consultation + "/comments", "{\"body\": \"<p>" + words + "</p>\"}");
        assertThat(comment.status()).as(comment.body()).isEqualTo(201);
        assertThat(leaving.get("/api/me/data").body()).contains(words);

        assertThat(Api.as(DemoUser.AGENT).delete("/api/me").status()).as("staff accounts are the office's").isEqualTo(403);
        Reply deleted = leaving.delete("/api/me");
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);

        assertThat(keycloak.exists(username)).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Platform.token(username, password))
                .isInstanceOf(IllegalStateException.class);
        String thread = Api.anonymous().get("/api/consultations/" + consultation + "/comments").body();
        assertThat(thread).contains(words, "Compte supprimé").doesNotContain(username);
    }

    @Test
    void theOfficeReadsTheRetentionDryRunAndEveryVisitIsTheAccountsLastActivity() {
        Reply plan = Api.as(DemoUser.OFFICE_ADMIN).get("/api/retention");
        assertThat(plan.status()).as(plan.body()).isEqualTo(200);
        assertThat(plan.json().getString("mode")).isEqualTo("DRY_RUN");
        assertThat(plan.json().getInt("inactiveDays")).isEqualTo(1095);
        assertThat(plan.json().getJsonNumber("accounts").longValue()).isGreaterThanOrEqualTo(0);
        for (DemoUser refused : java.util.List.of(DemoUser.AGENT, DemoUser.RESIDENT, DemoUser.MODERATOR)) {
            assertThat(Api.as(refused).get("/api/retention").status()).as(refused.username).isEqualTo(403);
        }
        assertThat(Api.anonymous().get("/api/retention").status()).isEqualTo(401);

        assertThat(Api.as(DemoUser.RESIDENT_SUD).get("/api/me").status()).isEqualTo(200);
        JsonObject activity = Api.as(DemoUser.RESIDENT_SUD).get("/api/me/data").json().getJsonObject("records")
                .getJsonArray("activity").getJsonObject(0);
        assertThat(activity.getString("last_seen_on"))
                .isEqualTo(java.time.LocalDate.now(java.time.ZoneId.of("Europe/Paris")).toString());
    }

    @Test
    void aFloodOfReportsIsCutAtTheMinutesLimitWithoutStoppingOthers() {
        String username = "flood-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "Flood-2026-" + UUID.randomUUID();
        KeycloakAdmin keycloak = new KeycloakAdmin();
        keycloak.createResident(username, password);
        try {
            flood(Api.withToken(Platform.token(username, password)));
        } finally {
            keycloak.deleteUser(username);
        }
    }

    private static void flood(Api flooder) {
        String report = "{\"kind\": \"COMMENT\", \"item\": 999999999, \"reason\": \"SPAM\"}";
        Reply last;
        int handled = 0;
        do {
            last = flooder.post("/api/moderation/reports", report);
            if (last.status() != 429) {
                assertThat(last.status()).as("handled: no such comment").isEqualTo(404);
                handled++;
            }
        } while (last.status() != 429 && handled <= 60);
        // 30 a minute of the clock: the 31st is refused (up to the 61st when the run crossed into the next minute)
        assertThat(handled).as("reports handled before the first refusal").isBetween(30, 60);
        assertThat(last.status()).as(last.body()).isEqualTo(429);
        assertThat(last.json().getString("type")).isEqualTo("urn:agora:api.tooManyRequests");
        assertThat(Api.as(DemoUser.RESIDENT_SUD).post("/api/moderation/reports", report).status())
                .as("another person is not slowed down").isNotEqualTo(429);
    }

    @Test
    void theWorkbookHasASheetPerKindOfRecordInTheCallersLanguage() throws Exception {
        long consultation = ConsultationApiTests.openCityConsultation();
        assertThat(Api.as(DemoUser.RESIDENT_SUD).post("/api/consultations/" + consultation + "/comments",
                "{\"body\": \"<p>Pour le classeur</p>\"}").status()).isEqualTo(201);
        HttpResponse<byte[]> file = Platform.http().send(HttpRequest.newBuilder(
                        URI.create(Platform.APP + "/api/me/data.xlsx")).GET()
                .header("Authorization", "Bearer " + Platform.token(DemoUser.RESIDENT_SUD))
                .header("Accept-Language", "en").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Cache-Control")).contains("no-store");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file.body()))) {
            assertThat(workbook.getSheetAt(0).getSheetName()).isEqualTo("About");
            assertThat(workbook.getSheetAt(0).getRow(0).getCell(1).getStringCellValue()).isEqualTo("resident.sud");
            assertThat(workbook).extracting(s -> s.getSheetName()).anyMatch(name -> name.endsWith("Comments"));
        }
    }
}
