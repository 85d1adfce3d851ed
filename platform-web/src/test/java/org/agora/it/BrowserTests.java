package org.agora.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.agora.it.Platform.DemoUser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Each role's journey in headless Chromium: sign in through Keycloak's real login page, see the menu the role
 * allows, be refused (in French, then English) what it does not, and for the office, manage the territory with
 * errors shown next to the fields.
 */
abstract class BrowserTests {

    /** Pages carry the headers that keep them out of other sites' frames and their addresses to themselves. */
    @Test
    void pagesCarryTheSecurityHeaders() throws Exception {
        for (String path : List.of("/", "/api/districts", "/budget/index.xhtml")) {
            HttpResponse<Void> reply = Platform.http().send(HttpRequest.newBuilder(URI.create(Platform.APP + path))
                    .GET().build(), HttpResponse.BodyHandlers.discarding());
            assertThat(reply.headers().firstValue("Content-Security-Policy")).as(path)
                    .hasValueSatisfying(csp -> assertThat(csp).contains("frame-ancestors 'none'"));
            assertThat(reply.headers().firstValue("X-Frame-Options")).as(path).contains("DENY");
            assertThat(reply.headers().firstValue("Referrer-Policy")).as(path).contains("same-origin");
            assertThat(reply.headers().firstValue("Strict-Transport-Security")).as("plain HTTP: " + path).isEmpty();
        }
        HttpResponse<Void> proxied = Platform.http().send(HttpRequest.newBuilder(URI.create(Platform.APP + "/"))
                .header("X-Forwarded-Proto", "https").GET().build(), HttpResponse.BodyHandlers.discarding());
        assertThat(proxied.headers().firstValue("Strict-Transport-Security")).contains("max-age=31536000");
    }

    /** A session id known before the sign-in (planted by someone else) is not the signed-in person's session. */
    @Test
    void signingInChangesTheSessionId() {
        try (Browser browser = new Browser()) {
            browser.open("/");
            org.openqa.selenium.Cookie before = browser.driver().manage().getCookieNamed("JSESSIONID");
            assertThat(before).as("a session before signing in").isNotNull();
            browser.signInOnThePage(DemoUser.RESIDENT);
            assertThat(browser.driver().manage().getCookieNamed("JSESSIONID").getValue()).isNotEqualTo(before.getValue());
        }
    }

    /**
     * The API takes bearer tokens only: a signed-in browser's session cookie opens none of its addresses, however the
     * address is spelled (a path parameter or an escaped letter still reaches the API's servlet).
     */
    @Test
    void aBrowserSessionOpensNoApiAddressHoweverItIsSpelled() throws Exception {
        try (Browser browser = new Browser()) {
            browser.signIn(DemoUser.RESIDENT);
            String cookies = browser.driver().manage().getCookies().stream()
                    .map(c -> c.getName() + "=" + c.getValue()).reduce((a, b) -> a + "; " + b).orElseThrow();
            for (String path : List.of("/api/me", "/api;x/me", "/%61pi/me", "/api/./me", "/x/../api/me")) {
                HttpResponse<String> reply = Platform.http().send(HttpRequest.newBuilder(URI.create(Platform.APP + path))
                        .header("Cookie", cookies).GET().build(), HttpResponse.BodyHandlers.ofString());
                assertThat(reply.statusCode()).as(path).isNotEqualTo(200);
                assertThat(reply.body()).as(path).doesNotContain("\"username\"");
            }
        }
    }

    @Test
    void visitorSeesTheCityAndIsSentToKeycloakForStaffPages() {
        try (Browser browser = new Browser()) {
            browser.open("/");
            assertThat(browser.text()).contains("Ville de Belrive").contains("Nord").contains("Champ-Fleuri");
            assertThat(browser.has("sign-in")).isTrue();
            assertThat(browser.has("nav-districts")).isFalse();
            browser.screenshot("home-visitor");

            // accessible structure: page language, skip link to the main landmark, navigation landmark
            assertThat(browser.driver().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");
            assertThat(browser.driver().findElement(By.cssSelector("a.skip-link")).getAttribute("href")).endsWith("#main");
            assertThat(browser.all(By.cssSelector("main#main"))).hasSize(1);
            assertThat(browser.all(By.cssSelector("nav[aria-label]"))).hasSize(1);

            // usable on a phone: nothing wider than the screen
            browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
            browser.open("/");
            Object overflow = browser.driver().executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
            browser.screenshot("home-phone");
            browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));

            browser.open("/territory/admin/districts.xhtml");
            browser.waitFor("username");
            assertThat(browser.driver().getCurrentUrl()).startsWith(Platform.KEYCLOAK + "/realms/agora/");
        }
    }

    @Test
    void residentSeesOnlyPublicMenuAndIsRefusedStaffPagesInTheirLanguage() {
        try (Browser browser = new Browser()) {
            browser.signIn(DemoUser.RESIDENT);
            assertThat(browser.find("home-district").getText()).isEqualTo("Votre arrondissement : Nord");
            assertThat(browser.has("nav-agent")).isFalse();
            assertThat(browser.has("nav-districts")).isFalse();
            assertThat(browser.has("nav-reports")).isFalse();
            browser.screenshot("home-resident");

            browser.open("/territory/admin/districts.xhtml");
            assertThat(browser.heading()).isEqualTo("Accès refusé");
            browser.open("/territory/manage/district.xhtml?district=nord");
            assertThat(browser.heading()).isEqualTo("Accès refusé");
            browser.screenshot("forbidden-fr");

            browser.go("language-switch");
            browser.open("/reports/index.xhtml");
            assertThat(browser.heading()).isEqualTo("Access denied");

            browser.open("/me.xhtml");
            assertThat(browser.find("profile-username").getText()).isEqualTo("resident");
            assertThat(browser.find("profile-district").getText()).isEqualTo("nord");
        }
    }

    @Test
    void formerAddressesLeadPermanentlyToThePagesWhereTheyLiveNow() throws Exception {
        Map<String, String> moved = Map.of(
                "/council/view.xhtml?id=1", "/councils/view.xhtml?id=1",
                "/council/manage.xhtml?id=1", "/councils/member/manage.xhtml?id=1",
                "/council/meeting.ics?id=1", "/councils/meeting.ics?id=1",
                "/manage/budget/desk.xhtml?envelope=2", "/budget/manage/desk.xhtml?envelope=2",
                "/manage/register.xhtml", "/participation/manage/register.xhtml",
                "/budget/ballot.xhtml?envelope=3", "/budget/resident/ballot.xhtml?envelope=3",
                "/budget/mine.xhtml", "/budget/resident/mine.xhtml",
                "/organise/consultations.xhtml", "/consultations/manage/index.xhtml",
                "/admin/themes.xhtml", "/territory/admin/themes.xhtml",
                "/agent/district.xhtml?district=nord", "/territory/manage/district.xhtml?district=nord");
        for (Map.Entry<String, String> move : moved.entrySet()) {
            HttpResponse<Void> reply = Platform.http().send(
                    HttpRequest.newBuilder(URI.create(Platform.APP + move.getKey())).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(reply.statusCode()).as(move.getKey()).isEqualTo(301);
            assertThat(reply.headers().firstValue("Location")).as(move.getKey())
                    .hasValueSatisfying(location -> assertThat(location).endsWith("/agora" + move.getValue()));
        }

        try (Browser browser = new Browser()) {
            browser.open("/council/index.xhtml");
            assertThat(browser.driver().getCurrentUrl()).isEqualTo(Platform.APP + "/councils/index.xhtml");
            assertThat(browser.has("district-nord")).isTrue();

            browser.open("/manage/register.xhtml");
            browser.waitFor("username");
            assertThat(browser.driver().getCurrentUrl()).startsWith(Platform.KEYCLOAK + "/realms/agora/");
        }
        try (Browser agent = new Browser()) {
            agent.signIn(DemoUser.AGENT);
            agent.open("/agent/district.xhtml?district=nord");
            assertThat(agent.driver().getCurrentUrl())
                    .isEqualTo(Platform.APP + "/territory/manage/district.xhtml?district=nord");
            assertThat(agent.has("neighbourhoods:list")).isTrue();
        }
    }

    @Test
    void agentManagesTheNeighbourhoodsOfTheirDistrictOnly() {
        try (Browser browser = new Browser()) {
            browser.signIn(DemoUser.AGENT);
            assertThat(browser.has("nav-agent")).isTrue();
            assertThat(browser.has("nav-districts")).isFalse();

            browser.go("nav-agent");
            assertThat(browser.find("agent-districts").getText()).contains("Nord").doesNotContain("Sud");

            browser.open("/territory/manage/district.xhtml?district=nord");
            String name = "Les Prés " + UUID.randomUUID().toString().substring(0, 6);
            browser.type("newNeighbourhood:name", name);
            browser.go("newNeighbourhood:add");
            assertThat(browser.find("neighbourhoods:list").getText()).contains(name);

            browser.type("newNeighbourhood:name", name.toUpperCase());
            browser.go("newNeighbourhood:add");
            assertThat(browser.text()).contains("Cet arrondissement a déjà un quartier nommé");
            browser.screenshot("agent-neighbourhoods");

            browser.open("/territory/manage/district.xhtml?district=sud");
            assertThat(browser.heading()).isEqualTo("Accès refusé");
            browser.open("/territory/manage/district.xhtml?district=nowhere");
            assertThat(browser.heading()).isEqualTo("Page introuvable");
        }
    }

    @Test
    void officeCreatesADistrictWithErrorsShownNextToTheFields() {
        try (Browser browser = new Browser()) {
            browser.signIn(DemoUser.OFFICE_ADMIN);
            assertThat(browser.has("nav-districts")).isTrue();
            assertThat(browser.has("nav-themes")).isTrue();
            assertThat(browser.has("nav-reports")).isTrue();

            browser.go("nav-districts");
            browser.screenshot("office-districts");
            browser.go("new-district");

            String code = "rives-" + UUID.randomUUID().toString().substring(0, 6);
            browser.type("district:code", code);
            browser.type("district:name", "nord");
            browser.type("district:population", "beaucoup");
            browser.go("district:save");
            assertThat(fieldMessage(browser, "population")).isEqualTo("Saisissez un nombre entier.");
            assertThat(browser.find("district:code").getAttribute("value")).isEqualTo(code);

            browser.type("district:population", "12000");
            browser.go("district:save");
            assertThat(fieldMessage(browser, "name")).isEqualTo("Un arrondissement s'appelle déjà « nord ».");
            browser.screenshot("office-district-form-errors");

            browser.type("district:name", "Les Rives " + code);
            browser.go("district:save");
            assertThat(browser.heading()).isEqualTo("Arrondissements");
            assertThat(browser.find("districts").getText().replaceAll("[\\u00a0\\u202f]", " "))
                    .contains("Les Rives " + code).contains("12 000");

            browser.go("nav-themes");
            browser.type("newTheme:name", "Mobilité");
            browser.go("newTheme:add");
            assertThat(fieldMessage(browser, "name", "newTheme")).isEqualTo("Un thème s'appelle déjà « Mobilité ».");
        }
    }

    @Test
    void theAnalystReadsTheKpiDashboardAndDownloadsTheWorkbook() throws java.io.IOException {
        String title = "Tableau de bord " + UUID.randomUUID().toString().substring(0, 8);
        long id = ConsultationScenarios.marketOpen(title);
        ConsultationScenarios.answeredByTheResident(id);
        java.time.LocalDate today = java.time.LocalDate.now(ConsultationScenarios.PARIS);
        try (Browser browser = new Browser()) {
            browser.signIn(DemoUser.ANALYST);
            browser.go("nav-reports");
            assertThat(browser.heading()).isEqualTo("Indicateurs de participation");
            assertThat(browser.find("kpi-definition").getText()).startsWith("Participant (définition v1)");

            browser.open("/reports/?from=" + today + "&to=" + today.plusDays(30) + "&district=nord");
            assertThat(browser.find("kpi-scope").getText()).startsWith("Arrondissement Nord");
            assertThat(browser.find("district").getAttribute("value")).isEqualTo("nord");
            // the consultation's row: its title, one response
            org.openqa.selenium.WebElement row = browser.find("kpi-consultations")
                    .findElements(By.cssSelector("tbody tr")).stream()
                    .filter(r -> r.getText().contains(title)).findFirst().orElseThrow();
            assertThat(row.findElements(By.tagName("td")).get(4).getText()).isEqualTo("1");
            assertThat(browser.all(By.cssSelector("canvas"))).hasSizeGreaterThanOrEqualTo(2);
            browser.screenshot("analyst-kpi-dashboard");

            java.nio.file.Path workbook = browser.download("download-workbook");
            assertThat(workbook.getFileName().toString())
                    .isEqualTo("agora-kpi-district-nord-" + today + "_" + today.plusDays(30) + ".xlsx");
            try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(java.nio.file.Files.newInputStream(workbook))) {
                assertThat(book.getSheetAt(0).getDrawingPatriarch().getCharts()).hasSize(3);
                assertThat(book.getSheet("Consultations")).anySatisfy(r -> {
                    if (r.getRowNum() > 0 && (long) r.getCell(0).getNumericCellValue() == id) {
                        assertThat(r.getCell(1).getStringCellValue()).isEqualTo(title);
                        assertThat(r.getCell(4).getNumericCellValue()).isEqualTo(1);
                    } else {
                        throw new AssertionError("not this row");
                    }
                });
            }
        }
        try (Browser browser = new Browser()) {
            browser.signIn(DemoUser.AGENT);
            browser.go("nav-reports");
            assertThat(browser.find("kpi-scope").getText()).startsWith("Arrondissement Nord");
            browser.open("/reports/?district=sud");
            assertThat(browser.heading()).isEqualTo("Accès refusé");
            browser.open("/reports/kpi.xlsx?district=sud");
            assertThat(browser.heading()).isEqualTo("Accès refusé");
        }
    }

    @Test
    void theAnalystPreparesTheRawDataInTheBackgroundFollowsItAndDownloadsIt() throws java.io.IOException {
        String title = "Données brutes " + UUID.randomUUID().toString().substring(0, 8);
        long id = ConsultationScenarios.marketOpen(title);
        ConsultationScenarios.answeredByTheResident(id);
        java.time.LocalDate today = java.time.LocalDate.now(ConsultationScenarios.PARIS);
        String exportId;
        try (Browser browser = new Browser()) {
            browser.signIn(DemoUser.ANALYST);
            browser.open("/reports/?from=" + today + "&to=" + today.plusDays(30) + "&district=nord");
            browser.click("exports:queue-raw-csv");
            browser.waitForAjax();
            assertThat(browser.find("exports:export-messages").getText()).contains("agora-raw-csv-district-nord-" + today);
            // the list is polled until the export is ready, then offers its file and says when it is deleted (the
            // analyst's other exports, of other tests, may be listed too: this one is found by its file's name)
            String fileName = "agora-raw-csv-district-nord-" + today;
            org.openqa.selenium.WebElement row = new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(),
                    java.time.Duration.ofSeconds(30)).ignoring(org.openqa.selenium.WebDriverException.class)
                    .until(d -> d.findElements(By.cssSelector("#my-exports tbody tr.export-DONE")).stream()
                            .filter(r -> r.getText().contains(fileName)).findFirst().orElse(null));
            org.openqa.selenium.WebElement link = row.findElement(By.cssSelector("a.export-download"));
            assertThat(row.getText()).contains("Données brutes en CSV", "Prêt", "100 %");
            assertThat(row.findElement(By.tagName("progress")).getAttribute("value")).isEqualTo("100");
            browser.driver().executeScript("arguments[0].scrollIntoView({block: 'start'});",
                    browser.find("exports-heading"));
            browser.screenshot("analyst-exports");
            exportId = link.getAttribute("href").replaceAll(".*id=", "");

            java.nio.file.Path zip = browser.download(link.getAttribute("id"));
            assertThat(zip.getFileName().toString())
                    .isEqualTo("agora-raw-csv-district-nord-" + today + "_" + today.plusDays(30) + ".zip");
            String answers = null;
            try (var entries = new java.util.zip.ZipInputStream(java.nio.file.Files.newInputStream(zip))) {
                for (var entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                    if (entry.getName().equals("answers.csv")) {
                        answers = new String(entries.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                    }
                }
            }
            assertThat(answers).startsWith("consultation_id,consultation,").contains(id + "," + title + ",nord,false,1,");
        }
        try (Browser browser = new Browser()) {
            // the office reads every figure, but another person's export is not found
            browser.signIn(DemoUser.OFFICE_ADMIN);
            browser.open("/reports/");
            assertThat(browser.has("my-exports")).isFalse();
            browser.open("/reports/export?id=" + exportId);
            assertThat(browser.heading()).isEqualTo("Page introuvable");
        }
    }

    @Test
    void moderatorAndAnalystSeeTheirMenus() {
        try (Browser browser = new Browser()) {
            browser.signIn(DemoUser.ANALYST);
            assertThat(browser.has("nav-reports")).isTrue();
            assertThat(browser.has("nav-districts")).isFalse();
            browser.go("nav-reports");
            assertThat(browser.has("reports:territory")).isTrue();
            browser.screenshot("analyst-reports");
            browser.open("/territory/admin/themes.xhtml");
            assertThat(browser.heading()).isEqualTo("Accès refusé");
        }
        try (Browser browser = new Browser()) {
            browser.signIn(DemoUser.MODERATOR);
            assertThat(browser.has("nav-reports")).isFalse();
            assertThat(browser.has("nav-agent")).isFalse();
            browser.open("/me.xhtml");
            assertThat(browser.find("profile-roles").getText()).isEqualTo("Modérateur");
        }
    }

    @Test
    void signingOutEndsTheKeycloakSessionToo() {
        try (Browser browser = new Browser()) {
            browser.signInOnThePage(DemoUser.RESIDENT);
            // a plain GET of /signout (a link or an image on another site) signs nobody out
            browser.open("/signout");
            browser.open("/");
            assertThat(browser.has("userMenu:user")).as("still signed in after a GET of /signout").isTrue();

            browser.click("userMenu:user");
            browser.waitFor("userMenu:signOut");
            browser.driver().findElement(By.cssSelector("#userMenu\\:signOut a, a#userMenu\\:signOut")).click();
            browser.waitFor("sign-in");

            browser.go("sign-in");
            browser.waitFor("username");
            assertThat(browser.driver().getCurrentUrl()).startsWith(Platform.KEYCLOAK);
        }
    }

    /**
     * Registration on Keycloak's page, the address checked by a mail before the account is any use: until its link is
     * followed, the account gets no token (a script cannot sign up accounts with made-up addresses and use them).
     */
    @Test
    void aNewResidentRegistersWithAHomeDistrictChecksTheirAddressAndIsSignedIn() throws Exception {
        String username = "habitant-" + UUID.randomUUID().toString().substring(0, 8);
        String address = username + "@belrive.example";
        TestMailbox.server();
        new KeycloakAdmin().mailTo(TestMailbox.PORT);
        try (Browser browser = new Browser()) {
            browser.open("/");
            browser.go("sign-in");
            browser.waitFor("username");
            browser.driver().findElement(By.cssSelector("a[href*='login-actions/registration']")).click();
            browser.waitFor("email");
            browser.type("username", username);
            browser.type("email", address);
            browser.type("firstName", "Inès");
            browser.type("lastName", "Moreau");
            browser.type("password", "Nouvelle-2026");
            browser.type("password-confirm", "Nouvelle-2026");
            new org.openqa.selenium.support.ui.Select(browser.find("district")).selectByValue("ouest");
            browser.screenshot("register-keycloak");
            browser.driver().findElement(By.cssSelector("form#kc-register-form [type=submit]")).click();
            // Keycloak asks to check the address first, and the account is no use until then
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(30))
                    .until(d -> d.getPageSource().contains("login-actions/required-action")
                            || d.getPageSource().contains("kc-info-message"));
            browser.screenshot("register-verify-email");
            assertThat(browser.driver().getCurrentUrl()).startsWith(Platform.KEYCLOAK);
            assertThatThrownBy(() -> HttpSignIn.tokens(username, "Nouvelle-2026"))
                    .as("no token before the address is checked").isInstanceOf(IllegalStateException.class);
            jakarta.mail.internet.MimeMessage mail = TestMailbox.await(m -> TestMailbox.to(m, address), 30_000)
                    .orElseThrow(() -> new AssertionError("no mail to check " + address));
            java.util.regex.Matcher link = java.util.regex.Pattern.compile("https?://[^\\s\"<>]+action-token[^\\s\"<>]+")
                    .matcher(TestMailbox.text(mail));
            assertThat(link.find()).as("the mail's link").isTrue();
            browser.driver().get(link.group().replace("&amp;", "&"));
            // the same browser goes on from the link; another would be asked to confirm first
            if (!browser.driver().getCurrentUrl().startsWith(Platform.APP)
                    && !browser.all(By.cssSelector("#kc-info-message a, a[href*='action-token']")).isEmpty()) {
                browser.driver().findElement(By.cssSelector("#kc-info-message a, a[href*='action-token']")).click();
            }
            // a first sign-in asks for the terms, then comes back to the home page
            browser.waitFor("terms-form:agreed");
            browser.acceptTerms();
            browser.waitFor("home-district");

            assertThat(browser.find("home-district").getText()).isEqualTo("Votre arrondissement : Ouest");
            browser.open("/me.xhtml");
            assertThat(browser.find("profile-username").getText()).isEqualTo(username);
            assertThat(browser.find("profile-roles").getText()).isEqualTo("Habitant");
        }
    }

    /**
     * A staff account can be required a second factor: the office asks it of the account (Keycloak's required action
     * "Configure OTP"); at the next sign-in the agent sets up an authenticator app, and from then on every sign-in asks
     * its code after the password: a wrong code is refused, the right one lets the agent in with their rights.
     */
    @Test
    void aStaffAccountRequiredASecondFactorSignsInWithItsCodeOnly() {
        String username = "agent-otp-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "Agent-Otp-2026";
        KeycloakAdmin admin = new KeycloakAdmin();
        admin.createLike(DemoUser.AGENT, username, password);
        admin.requireAction(username, "CONFIGURE_TOTP");
        try {
            String secret;
            try (Browser browser = new Browser()) {
                passwordOnThePage(browser, username, password);
                browser.waitFor("kc-totp-settings-form");
                browser.screenshot("staff-otp-setup");
                secret = browser.find("totpSecret").getAttribute("value");
                browser.type("totp", OneTimeCodes.code(secret, java.time.Instant.now()));
                if (browser.has("userLabel")) {
                    browser.type("userLabel", "Téléphone");
                }
                browser.driver().findElement(By.cssSelector("form#kc-totp-settings-form [type=submit]")).click();
                browser.waitFor("terms-form:agreed");
                browser.acceptTerms();
                assertThat(browser.has("userMenu:user")).as("signed in once the second factor is set up").isTrue();
            }
            try (Browser browser = new Browser()) {
                passwordOnThePage(browser, username, password);
                browser.waitFor("kc-otp-login-form");
                browser.type("otp", OneTimeCodes.wrong(secret, java.time.Instant.now()));
                browser.driver().findElement(By.cssSelector("form#kc-otp-login-form [type=submit]")).click();
                new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(30))
                        .ignoring(org.openqa.selenium.WebDriverException.class)
                        .until(d -> browser.text().contains("authentification est invalide"));
                assertThat(browser.driver().getCurrentUrl()).as("a wrong code lets nobody in").startsWith(Platform.KEYCLOAK);
                // the next step's code (Keycloak takes one step of drift): the setup's own code is never taken twice
                browser.type("otp", OneTimeCodes.code(secret, java.time.Instant.now().plusSeconds(30)));
                browser.driver().findElement(By.cssSelector("form#kc-otp-login-form [type=submit]")).click();
                browser.waitFor("userMenu:user");
                browser.open("/me.xhtml");
                assertThat(browser.find("profile-roles").getText()).contains("Agent de mairie d'arrondissement");
            }
            assertThatThrownBy(() -> HttpSignIn.tokens(username, password))
                    .as("the password alone gets no token").isInstanceOf(IllegalStateException.class);
        } finally {
            admin.deleteUser(username);
        }
    }

    /** Opens Keycloak's login page from the platform's "Se connecter" and posts the username and password. */
    private static void passwordOnThePage(Browser browser, String username, String password) {
        browser.open("/");
        browser.go("sign-in");
        browser.waitFor("username");
        browser.type("username", username);
        browser.type("password", password);
        browser.driver().findElement(By.id("kc-login")).click();
    }

    private static String fieldMessage(Browser browser, String field) {
        return fieldMessage(browser, field, "district");
    }

    /** The message PrimeFaces shows next to the input (p:message for="field"). */
    private static String fieldMessage(Browser browser, String field, String form) {
        return browser.find(form + ":" + field + "-message").getText().trim();
    }
}
