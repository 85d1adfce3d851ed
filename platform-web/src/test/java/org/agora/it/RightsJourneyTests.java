package org.agora.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.agora.it.Platform.DemoUser;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * Residents' rights in a real browser: from "my profile", a resident downloads their data as a workbook in their
 * language; the download's address gives nothing to someone signed out.
 */
abstract class RightsJourneyTests {

    @Test
    void aResidentDownloadsTheirDataFromTheirProfile() throws Exception {
        try (Browser resident = new Browser()) {
            resident.signIn(DemoUser.RESIDENT);
            resident.open("/me.xhtml");
            assertThat(resident.find("my-data-title").getText()).isEqualTo("Mes données");
            resident.screenshot("my-data");
            Path workbook = resident.download("my-data-xlsx");
            try (InputStream in = Files.newInputStream(workbook); XSSFWorkbook book = new XSSFWorkbook(in)) {
                Sheet about = book.getSheetAt(0);
                assertThat(about.getSheetName()).isEqualTo("À propos");
                assertThat(about.getRow(0).getCell(1).getStringCellValue()).isEqualTo("resident");
                assertThat(book.getNumberOfSheets()).as("the demo resident is on a council at least").isGreaterThan(1);
            }
        }
        Api.Reply signedOut = Api.anonymous().get("/me/data.json");
        assertThat(signedOut.status()).isNotEqualTo(200);
        assertThat(signedOut.body()).doesNotContain("\"person\"");
    }
}
