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

    @Test
    void aResidentDeletesTheirAccountFromTheirProfileAndIsSignedOut() {
        String username = "parti-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String password = "Parti-2026-" + java.util.UUID.randomUUID();
        KeycloakAdmin keycloak = new KeycloakAdmin();
        keycloak.createResident(username, password);
        try (Browser resident = new Browser()) {
            resident.signIn(username, password);
            resident.open("/me.xhtml");
            resident.type("delete-account:confirmation", "quelqu'un d'autre");
            resident.go("delete-account:delete");
            assertThat(resident.find("delete-account:confirmation-message").getText())
                    .isEqualTo("Saisissez exactement votre identifiant, " + username + ", pour confirmer.");
            assertThat(keycloak.exists(username)).isTrue();
            resident.screenshot("delete-account");

            resident.type("delete-account:confirmation", username);
            resident.go("delete-account:delete");
            assertThat(resident.find("goodbye").getText()).startsWith("Votre compte est supprimé");
            assertThat(resident.has("sign-in")).as("signed out").isTrue();
        }
        assertThat(keycloak.exists(username)).isFalse();
    }

    @Test
    void aFirstSignInAsksForTheTermsBeforeAnyPageAndRecordsTheVersion() {
        String username = "nouveau-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String password = "Nouveau-2026-" + java.util.UUID.randomUUID();
        KeycloakAdmin keycloak = new KeycloakAdmin();
        keycloak.createResident(username, password);
        try {
            firstSignIn(username, password);
        } finally {
            keycloak.deleteUser(username);
        }
    }

    private static void firstSignIn(String username, String password) {
        try (Browser resident = new Browser()) {
            resident.signInOnly(username, password);
            assertThat(resident.driver().getCurrentUrl()).contains("/terms.xhtml");
            resident.open("/me.xhtml");
            assertThat(resident.driver().getCurrentUrl()).contains("/terms.xhtml?back=%2Fme.xhtml");
            resident.screenshot("terms");
            resident.go("terms-form:accept");
            assertThat(resident.find("terms-form:agreed-message").getText())
                    .isEqualTo("Cochez la case pour accepter les conditions.");
            resident.find("terms-form:agreed").click();
            resident.go("terms-form:accept");
            assertThat(resident.driver().getCurrentUrl()).endsWith("/me.xhtml");
            resident.open("/consultations/index.xhtml");
            assertThat(resident.driver().getCurrentUrl()).as("asked once").contains("/consultations/index.xhtml");
        }
        String data = Api.withToken(Platform.token(username, password)).get("/api/me/data").body();
        assertThat(data).contains("\"terms_accepted\"", "\"version\": \"2026-12\"");
    }

    @Test
    void theOfficeSeesTheRetentionDryRunAndAnAgentIsRefused() {
        try (Browser office = new Browser()) {
            office.signIn(DemoUser.OFFICE_ADMIN);
            office.go("nav-retention");
            assertThat(office.find("retention-days").getText()).isEqualTo("1095");
            assertThat(office.find("retention-mode").getText()).isEqualTo("Essai (rien n'est effacé)");
            assertThat(Long.parseLong(office.find("retention-accounts").getText())).isGreaterThanOrEqualTo(0);
            office.screenshot("retention");
        }
        try (Browser agent = new Browser()) {
            agent.signIn(DemoUser.AGENT);
            assertThat(agent.has("nav-retention")).isFalse();
            agent.open("/participation/manage/retention.xhtml");
            assertThat(agent.has("retention-days")).isFalse();
            assertThat(agent.heading()).isNotEqualTo("Conservation des données des comptes inactifs");
        }
    }
}
