package org.agora.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.agora.it.Api.Download;
import org.agora.it.Api.Posted;
import org.agora.it.Api.Reply;
import org.agora.it.Platform.DemoUser;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * Background exports through the API (issue 15): a consultation answered through the API, its raw answers queued as
 * CSV and as a workbook, followed until done, downloaded and read back; nobody else sees the export or its file; an
 * agent refused another district, nothing queued; refusals as problem JSON.
 */
abstract class ExportApiTests {

    static final LocalDate TODAY = LocalDate.now(ConsultationScenarios.PARIS);
    static final String FILTERS = "\"from\": \"" + TODAY + "\", \"to\": \"" + TODAY.plusDays(30) + "\", \"district\": \"nord\"";

    /** An export queued: 202 with its address, which answers its status. */
    private static String queued(DemoUser user, String kind) {
        Posted posted = Api.as(user).postForLocation("/api/exports", "{\"kind\": \"" + kind + "\", " + FILTERS + "}");
        assertThat(posted.status()).as(posted.body()).isEqualTo(202);
        assertThat(posted.location()).startsWith(Platform.APP + "/api/exports/");
        assertThat(posted.json().getString("kind")).isEqualTo(kind.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        return posted.location().substring(Platform.APP.length());
    }

    /** Polls the export every 100 ms until it is done (a minute at most). */
    private static JsonObject done(DemoUser user, String address) throws InterruptedException {
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(1));
        while (true) {
            Reply reply = Api.as(user).get(address);
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            JsonObject export = reply.json();
            String status = export.getString("status");
            assertThat(status).isIn("QUEUED", "RUNNING", "DONE");
            if ("DONE".equals(status)) {
                return export;
            }
            assertThat(Instant.now()).as("the export is still " + status).isBefore(giveUp);
            Thread.sleep(100);
        }
    }

    @Test
    void theAnalystQueuesTheRawAnswersFollowsThemAndDownloadsThemAsCsvAndAsAWorkbook() throws Exception {
        String title = "Export " + UUID.randomUUID().toString().substring(0, 8);
        long id = ConsultationScenarios.marketOpen(title);
        ConsultationScenarios.answeredByTheResident(id);

        String csvAddress = queued(DemoUser.ANALYST, "RAW_CSV");
        String workbookAddress = queued(DemoUser.ANALYST, "raw-workbook");
        JsonObject csvExport = done(DemoUser.ANALYST, csvAddress);

        assertThat(csvExport.getInt("percent")).isEqualTo(100);
        assertThat(csvExport.getString("fileName")).isEqualTo("agora-raw-csv-district-nord-" + TODAY + "_"
                + TODAY.plusDays(30) + ".zip");
        assertThat(csvExport.getString("expiresAt")).isNotBlank();
        Download zip = Api.as(DemoUser.ANALYST).download(csvExport.getString("file"));
        assertThat(zip.status()).isEqualTo(200);
        assertThat(zip.contentType()).startsWith("application/zip");
        assertThat(zip.disposition()).contains("attachment").contains(csvExport.getString("fileName"));
        Map<String, byte[]> files = unzip(zip.bytes());
        assertThat(files).containsKeys("answers.csv", "ballots.csv", "comments.csv", "meetings.csv");
        List<List<String>> answers = csv(files.get("answers.csv")).stream()
                .filter(r -> r.get(0).equals(String.valueOf(id))).map(CSVRecord::toList).toList();
        // one response, one row per answer in the questionnaire's order; its free text is not public: left out
        assertThat(answers).extracting(r -> r.get(7) + "|" + r.get(8) + "|" + r.get(9) + "|" + r.get(10) + "|" + r.get(12)
                + "|" + r.get(13)).containsExactly(
                "q1||yes|Oui||", "q2||benches|Des bancs||", "q2||fountain|Une fontaine||", "q3|||||",
                "q5|market|good|Bien||", "q5|square|fair|Moyen||", "q4||||4|", "q6||||45|");
        assertThat(answers).allSatisfy(r -> {
            assertThat(r.subList(1, 7)).containsExactly(title, "nord", "false", "1", TODAY.toString(), "nord");
        });
        for (String table : List.of("answers.csv", "ballots.csv", "comments.csv", "meetings.csv")) {
            assertThat(csv(files.get(table))).as(table + " names nobody")
                    .noneMatch(r -> r.toList().contains("resident") || r.toList().contains("Mes courses au marché"));
        }

        JsonObject workbookExport = done(DemoUser.ANALYST, workbookAddress);
        Download workbook = Api.as(DemoUser.ANALYST).download(workbookExport.getString("file"));
        assertThat(workbook.status()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook.bytes()))) {
            assertThat(book.getSheetAt(0).getDrawingPatriarch().getCharts()).hasSize(3);
            XSSFSheet sheet = book.getSheet("Réponses (brut)");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("N° consultation");
            List<String> rows = new ArrayList<>();
            for (Row row : sheet) {
                if (row.getRowNum() > 0 && (long) row.getCell(0).getNumericCellValue() == id) {
                    rows.add(row.getCell(7).getStringCellValue() + (row.getCell(12) == null ? ""
                            : "=" + (long) row.getCell(12).getNumericCellValue()));
                }
            }
            assertThat(rows).containsExactly("q1", "q2", "q2", "q3", "q5", "q5", "q4=4", "q6=45");
        }

        Reply mine = Api.as(DemoUser.ANALYST).get("/api/exports");
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.array().getValuesAs(JsonObject.class)).extracting(e -> e.getJsonNumber("id").longValue())
                .contains(csvExport.getJsonNumber("id").longValue(), workbookExport.getJsonNumber("id").longValue());
    }

    @Test
    void nobodyElseSeesAnExportOrItsFileAndAnAgentIsRefusedAnotherDistrictWithNothingQueued() throws Exception {
        String address = queued(DemoUser.ANALYST, "KPI_WORKBOOK");
        JsonObject export = done(DemoUser.ANALYST, address);
        long id = export.getJsonNumber("id").longValue();

        for (DemoUser other : List.of(DemoUser.OFFICE_ADMIN, DemoUser.AGENT)) {
            Reply seen = Api.as(other).get(address);
            assertThat(seen.status()).isEqualTo(404);
            assertThat(seen.contentType()).startsWith("application/problem+json");
            assertThat(Api.as(other).download(address + "/file").status()).isEqualTo(404);
            assertThat(Api.as(other).get("/api/exports").array().getValuesAs(JsonObject.class))
                    .noneMatch(e -> e.getJsonNumber("id").longValue() == id);
        }
        assertThat(Api.anonymous().get(address).status()).isEqualTo(401);
        assertThat(Api.as(DemoUser.ANALYST).download(address + "/file").status()).isEqualTo(200);

        int before = Api.as(DemoUser.AGENT).get("/api/exports").array().size();
        Posted sud = Api.as(DemoUser.AGENT).postForLocation("/api/exports", "{\"kind\": \"RAW_CSV\", \"from\": \""
                + TODAY + "\", \"district\": \"sud\"}");
        assertThat(sud.status()).isEqualTo(403);
        assertThat(sud.location()).isNull();
        assertThat(sud.json().getString("detail")).contains("vos arrondissements");
        Posted city = Api.as(DemoUser.AGENT).postForLocation("/api/exports", "{\"kind\": \"RAW_CSV\", \"district\": \"\"}");
        assertThat(city.status()).as("an agent's default scope is their district").isEqualTo(202);
        assertThat(city.json().getString("district")).isEqualTo("nord");
        assertThat(Api.as(DemoUser.AGENT).get("/api/exports").array().size()).isEqualTo(before + 1);
        done(DemoUser.AGENT, city.location().substring(Platform.APP.length()));
    }

    @Test
    void residentsVisitorsAndMalformedRequestsAreRefusedWithProblems() {
        assertThat(Api.as(DemoUser.RESIDENT).postForLocation("/api/exports", "{\"kind\": \"RAW_CSV\", \"district\": \"nord\"}")
                .status()).isEqualTo(403);
        assertThat(Api.as(DemoUser.MODERATOR).get("/api/exports").status()).isEqualTo(403);
        assertThat(Api.anonymous().get("/api/exports").status()).isEqualTo(401);
        Posted kind = Api.as(DemoUser.ANALYST).postForLocation("/api/exports", "{\"kind\": \"voters\"}");
        assertThat(kind.status()).isEqualTo(400);
        assertThat(kind.json().getString("detail")).contains("voters");
        assertThat(Api.as(DemoUser.ANALYST).postForLocation("/api/exports", "{\"kind\": \"RAW_CSV\", \"from\": \"hier\"}")
                .status()).isEqualTo(400);
        Posted table = Api.as(DemoUser.ANALYST).postForLocation("/api/exports",
                "{\"kind\": \"RAW_CSV\", \"tables\": [\"answers\", \"voters\"]}");
        assertThat(table.status()).isEqualTo(400);
        assertThat(table.json().getString("detail")).contains("voters");
        assertThat(Api.as(DemoUser.ANALYST).postForLocation("/api/exports",
                "{\"kind\": \"RAW_CSV\", \"district\": \"atlantide\"}").status()).isEqualTo(404);
        assertThat(Api.as(DemoUser.ANALYST).get("/api/exports/999999999").status()).isEqualTo(404);
        assertThat(Api.as(DemoUser.ANALYST).get("/api/exports/word").status()).isEqualTo(404);
    }

    @Test
    void theExportApiIsDescribedInOpenApi() throws IOException, InterruptedException {
        String base = Platform.APP.substring(0, Platform.APP.lastIndexOf('/'));
        var openapi = Platform.http().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/openapi"))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(openapi.body()).contains("/exports", "/exports/{id}", "/exports/{id}/file");
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream entries = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                files.put(entry.getName(), entries.readAllBytes());
            }
        }
        return files;
    }

    private static List<CSVRecord> csv(byte[] bytes) throws IOException {
        try (CSVParser parser = CSVParser.parse(new InputStreamReader(new ByteArrayInputStream(bytes),
                StandardCharsets.UTF_8), CSVFormat.RFC4180)) {
            return parser.getRecords();
        }
    }
}
