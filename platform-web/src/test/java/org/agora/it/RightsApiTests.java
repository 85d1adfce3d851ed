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
