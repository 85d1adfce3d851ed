package org.agora.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.agora.it.Api.Download;
import org.agora.it.Api.Reply;
import org.agora.it.Platform.DemoUser;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * The participation KPIs through the API (issue 15): figures of a consultation made and answered through the API,
 * the district scoping of agents, refusals as problem JSON, and the workbook and CSV downloads.
 */
abstract class KpiApiTests {

    static final LocalDate TODAY = LocalDate.now(ConsultationScenarios.PARIS);
    static final String PERIOD = "from=" + TODAY + "&to=" + TODAY.plusDays(30);

    @Test
    void theAnalystReadsTheFiguresOfAConsultationAnsweredThroughTheApi() {
        long id = ConsultationScenarios.marketOpen("Indicateurs " + UUID.randomUUID().toString().substring(0, 8));
        ConsultationScenarios.answeredByTheResident(id);

        Reply reply = Api.as(DemoUser.ANALYST).get("/api/kpis?" + PERIOD + "&district=nord");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonObject kpis = reply.json();
        assertThat(kpis.getString("district")).isEqualTo("nord");
        assertThat(kpis.getInt("participantDefinition")).isEqualTo(1);
        JsonObject line = kpis.getJsonArray("consultations").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getJsonNumber("id").longValue() == id).findFirst().orElseThrow();
        // one response, sent without a draft: one started, all of them completed; each of the six questions answered
        // once (q3 is shown, since q1 is "yes")
        assertThat(line.getInt("responses")).isEqualTo(1);
        assertThat(line.getInt("started")).isEqualTo(1);
        assertThat(line.getJsonNumber("completionRate").bigDecimalValue()).isEqualByComparingTo("100");
        assertThat(line.getJsonArray("questions").getValuesAs(JsonObject.class))
                .extracting(q -> q.getString("code") + "=" + q.getInt("answers"))
                .containsExactly("q1=1", "q2=1", "q3=1", "q5=1", "q4=1", "q6=1");
        assertThat(kpis.getJsonObject("participantsByCapability").getInt("CONSULTATION")).isPositive();
        assertThat(kpis.getJsonNumber("participants").longValue()).isPositive();
        // no one named: the body holds no account
        assertThat(reply.body()).doesNotContain("\"resident\"").doesNotContain("Mes courses");
    }

    @Test
    void anAgentReadsTheirDistrictAndIsRefusedAnotherWithAProblem() {
        Reply nord = Api.as(DemoUser.AGENT).get("/api/kpis?" + PERIOD + "&district=nord");
        assertThat(nord.status()).as(nord.body()).isEqualTo(200);

        Reply sud = Api.as(DemoUser.AGENT).get("/api/kpis?" + PERIOD + "&district=sud");
        assertThat(sud.status()).isEqualTo(403);
        assertThat(sud.contentType()).startsWith("application/problem+json");
        assertThat(sud.json().getString("detail")).contains("vos arrondissements");
        assertThat(Api.as(DemoUser.AGENT).download("/api/kpis/workbook?" + PERIOD + "&district=sud").status())
                .isEqualTo(403);
        assertThat(Api.as(DemoUser.AGENT).download("/api/kpis/csv?" + PERIOD + "&district=sud").status())
                .isEqualTo(403);
    }

    @Test
    void residentsModeratorsAndVisitorsAreRefusedAndMalformedFiltersAreProblems() {
        assertThat(Api.as(DemoUser.RESIDENT).get("/api/kpis?" + PERIOD).status()).isEqualTo(403);
        assertThat(Api.as(DemoUser.MODERATOR).get("/api/kpis?" + PERIOD).status()).isEqualTo(403);
        assertThat(Api.anonymous().get("/api/kpis?" + PERIOD).status()).isEqualTo(401);

        Reply badDate = Api.as(DemoUser.ANALYST).get("/api/kpis?from=hier");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.contentType()).startsWith("application/problem+json");
        Reply reversed = Api.as(DemoUser.ANALYST).get("/api/kpis?from=2026-06-30&to=2026-01-01");
        assertThat(reversed.status()).isEqualTo(400);
        assertThat(Api.as(DemoUser.ANALYST).get("/api/kpis?" + PERIOD + "&district=atlantide").status()).isEqualTo(404);
        assertThat(Api.as(DemoUser.ANALYST).get("/api/kpis/csv?" + PERIOD + "&table=voters").status()).isEqualTo(404);
    }

    @Test
    void theKpiApiIsDescribedInOpenApi() throws IOException, InterruptedException {
        String base = Platform.APP.substring(0, Platform.APP.lastIndexOf('/'));
        var openapi = Platform.http().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/openapi"))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(openapi.body()).contains("/kpis", "/kpis/workbook", "/kpis/csv");
    }

    @Test
    void theWorkbookOpensWithItsChartsAndTheCsvHoldsTheSameFigures() throws IOException {
        long id = ConsultationScenarios.marketOpen("Classeur " + UUID.randomUUID().toString().substring(0, 8));
        ConsultationScenarios.answeredByTheResident(id);
        String filters = "from=" + TODAY + "&to=" + TODAY.plusDays(30) + "&district=nord";

        Download workbook = Api.as(DemoUser.ANALYST).download("/api/kpis/workbook?" + filters);

        assertThat(workbook.status()).isEqualTo(200);
        assertThat(workbook.disposition()).contains("agora-kpi-district-nord-" + TODAY + "_" + TODAY.plusDays(30)
                + ".xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook.bytes()))) {
            assertThat(book.getSheetAt(0).getDrawingPatriarch().getCharts()).hasSize(3);
            assertThat(book.getSheet("Consultations")).isNotNull();
            boolean found = false;
            for (var row : book.getSheet("Consultations")) {
                if (row.getRowNum() > 0 && (long) row.getCell(0).getNumericCellValue() == id) {
                    found = true;
                    assertThat(row.getCell(4).getNumericCellValue()).isEqualTo(1);
                }
            }
            assertThat(found).isTrue();
        }

        Download zip = Api.as(DemoUser.ANALYST).download("/api/kpis/csv?" + filters);
        assertThat(zip.status()).isEqualTo(200);
        assertThat(zip.contentType()).startsWith("application/zip");
        int files = 0;
        try (java.util.zip.ZipInputStream entries = new java.util.zip.ZipInputStream(new ByteArrayInputStream(zip.bytes()))) {
            while (entries.getNextEntry() != null) {
                files++;
            }
        }
        assertThat(files).isEqualTo(org.agora.reports.KpiTables.NAMES.size() + 1); // the tables and the definitions

        Download csv = Api.as(DemoUser.ANALYST).download("/api/kpis/csv?" + filters + "&table=consultations");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        try (CSVParser parser = CSVParser.parse(new InputStreamReader(new ByteArrayInputStream(csv.bytes()),
                StandardCharsets.UTF_8), CSVFormat.RFC4180)) {
            List<CSVRecord> records = parser.getRecords();
            assertThat(records.get(0).get(0)).isEqualTo("N°");
            assertThat(records).anySatisfy(r -> {
                assertThat(r.get(0)).isEqualTo(String.valueOf(id));
                assertThat(r.get(4)).isEqualTo("1");
                assertThat(r.get(6)).isEqualTo("100.00");
            });
        }
    }
}
