package org.agora.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.CookieHandler;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.agora.it.Api.Reply;
import org.agora.it.Platform.DemoUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The audience of the real application (issue 15): pages visited by a browser are counted once the instance stored
 * its batch (the staff's {@code POST /api/audience/flush}), once a visitor a day, under the district their item is in,
 * signed in or not; robots, the API, files and pages that are not found are not; no cookie is added; the figures come
 * back in {@code /api/kpis} and its CSV; and the maps' tile server is the configured one (arquillian.xml), named in the
 * privacy notice and allowed by the Content-Security-Policy. Each test makes its own visitors (a User-Agent of its
 * own: the address is always 127.0.0.1) and compares before and after.
 */
abstract class AudienceApiTests {

    static final LocalDate TODAY = LocalDate.now(ConsultationScenarios.PARIS);
    static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
    static final String TODAY_ONLY = "from=" + TODAY + "&to=" + TODAY;

    /** A browser never seen before: its own User-Agent. */
    private static String newBrowser() {
        return FIREFOX + " agora-it/" + UUID.randomUUID();
    }

    private static HttpResponse<String> visit(String path, String userAgent, HttpClient client) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Platform.APP + path)).GET();
        if (userAgent != null) {
            request.header("User-Agent", userAgent);
        }
        return send(client, request.build());
    }

    private static HttpResponse<String> visit(String path, String userAgent) {
        return visit(path, userAgent, Platform.http());
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A client with a browser's session of this demo user: signed in through Keycloak's login form, as a browser does
     * (cookies kept, redirects followed). Its requests name no browser, so the sign-in's pages count as a robot's.
     */
    private static HttpClient signedIn(DemoUser user) {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new LoopbackCookies())
                .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> login = send(client, HttpRequest.newBuilder(URI.create(Platform.APP + "/signin")).GET().build());
        Matcher form = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"").matcher(login.body());
        if (!form.find()) {
            form = Pattern.compile("<form[^>]*action=\"([^\"]+)\"[^>]*id=\"kc-form-login\"").matcher(login.body());
            assertThat(form.find()).as("Keycloak's login form: %s", login.body()).isTrue();
        }
        String action = form.group(1).replace("&amp;", "&");
        String credentials = "username=" + URLEncoder.encode(user.username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(user.password, StandardCharsets.UTF_8) + "&credentialId=";
        HttpResponse<String> back = send(client, HttpRequest.newBuilder(URI.create(action))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(credentials)).build());
        assertThat(back.uri().toString()).as("back on the platform after signing in: %s", back.body())
                .startsWith(Platform.APP);
        return client;
    }

    /**
     * The cookies of a browser on 127.0.0.1, by host and port: Keycloak's are {@code Secure}, which a browser sends to
     * a loopback address over plain HTTP and Java's {@code CookieManager} does not.
     */
    private static final class LoopbackCookies extends CookieHandler {
        private final Map<String, Map<String, String>> jars = new ConcurrentHashMap<>();

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) {
            Map<String, String> jar = jars.getOrDefault(uri.getHost() + ":" + uri.getPort(), Map.of());
            if (jar.isEmpty()) {
                return Map.of();
            }
            List<String> pairs = new ArrayList<>();
            jar.forEach((name, value) -> pairs.add(name + "=" + value));
            return Map.of("Cookie", List.of(String.join("; ", pairs)));
        }

        @Override
        public void put(URI uri, Map<String, List<String>> headers) {
            Map<String, String> jar = jars.computeIfAbsent(uri.getHost() + ":" + uri.getPort(), k -> new ConcurrentHashMap<>());
            headers.forEach((name, values) -> {
                if ("Set-Cookie".equalsIgnoreCase(name)) {
                    for (String cookie : values) {
                        String pair = cookie.split(";", 2)[0];
                        int equals = pair.indexOf('=');
                        if (equals > 0) {
                            String key = pair.substring(0, equals).strip();
                            String value = pair.substring(equals + 1).strip();
                            if (value.isEmpty() || cookie.toLowerCase(java.util.Locale.ROOT).contains("max-age=0")) {
                                jar.remove(key);
                            } else {
                                jar.put(key, value);
                            }
                        }
                    }
                }
            });
        }
    }

    /** The instance stores its counts, then today's audience as the analyst reads it (city, or one district). */
    private static JsonObject audienceToday(String district) {
        Reply flushed = Api.as(DemoUser.ANALYST).post("/api/audience/flush", "");
        assertThat(flushed.status()).as(flushed.body()).isEqualTo(200);
        Reply kpis = Api.as(DemoUser.ANALYST).get("/api/kpis?" + TODAY_ONLY + (district == null ? "" : "&district=" + district));
        assertThat(kpis.status()).as(kpis.body()).isEqualTo(200);
        return kpis.json().getJsonObject("audience");
    }

    /** views, visitors, signed-in visitors of a funnel line (null: all pages) or of a page. */
    private static List<Long> funnel(JsonObject audience, String capability) {
        return audience.getJsonArray("funnel").getValuesAs(JsonObject.class).stream()
                .filter(f -> capability == null ? !f.containsKey("capability")             // all pages: no capability
                        : capability.equals(f.getString("capability", null)))
                .map(AudienceApiTests::figures).findFirst().orElseThrow();
    }

    private static List<Long> page(JsonObject audience, String page) {
        return audience.getJsonArray("pages").getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getString("page").equals(page)).map(AudienceApiTests::figures).findFirst()
                .orElse(List.of(0L, 0L, 0L));
    }

    private static List<Long> figures(JsonObject line) {
        return List.of(line.getJsonNumber("views").longValue(), line.getJsonNumber("visitors").longValue(),
                line.getJsonNumber("signedInVisitors").longValue());
    }

    private static List<Long> minus(List<Long> after, List<Long> before) {
        List<Long> difference = new ArrayList<>();
        for (int i = 0; i < after.size(); i++) {
            difference.add(after.get(i) - before.get(i));
        }
        return difference;
    }

    /** Nothing left waiting for the next batch, which would change the table under another test's feet. */
    @AfterEach
    void storeWhatWasCounted() {
        assertThat(Api.as(DemoUser.ANALYST).post("/api/audience/flush", "").status()).isEqualTo(200);
    }

    @Test
    void pagesVisitedByBrowsersAreCountedOnceAVisitorADayRobotsApiAndMissingPagesAreNot() {
        JsonObject before = audienceToday(null);
        String first = newBrowser();
        String second = newBrowser();

        assertThat(visit("/budget/index.xhtml", first).statusCode()).isEqualTo(200);
        assertThat(visit("/budget/index.xhtml?from=newsletter", first).statusCode()).isEqualTo(200);   // the page, not its address
        assertThat(visit("/consultations/", first).statusCode()).isEqualTo(200);
        assertThat(visit("/budget/index.xhtml", second).statusCode()).isEqualTo(200);
        // not counted: robots, a client that names no agent, the API, a resource, a page that is not found
        assertThat(visit("/budget/index.xhtml", "Mozilla/5.0 (compatible; Googlebot/2.1)").statusCode()).isEqualTo(200);
        assertThat(visit("/budget/index.xhtml", null).statusCode()).isEqualTo(200);           // Java-http-client
        assertThat(visit("/api/districts", first).statusCode()).isEqualTo(200);
        assertThat(visit("/budget/project.xhtml?id=999999999", first).statusCode()).isEqualTo(404);
        assertThat(visit("/budget/nothing-here.xhtml", first).statusCode()).isEqualTo(404);

        JsonObject after = audienceToday(null);

        // the budget's index: three views by two visitors; the consultations' index: one view; nobody signed in
        assertThat(minus(page(after, "/budget/index.xhtml"), page(before, "/budget/index.xhtml")))
                .containsExactly(3L, 2L, 0L);
        assertThat(minus(page(after, "/consultations/index.xhtml"), page(before, "/consultations/index.xhtml")))
                .containsExactly(1L, 1L, 0L);
        assertThat(minus(funnel(after, "BUDGET"), funnel(before, "BUDGET"))).containsExactly(3L, 2L, 0L);
        // all pages: four views, two visitors (the first one counts once over both capabilities)
        assertThat(minus(funnel(after, null), funnel(before, null))).containsExactly(4L, 2L, 0L);
        assertThat(page(after, "/budget/project.xhtml")).isEqualTo(page(before, "/budget/project.xhtml"));

        // the same visitor later the same day is not a new visitor
        visit("/budget/index.xhtml", first);
        JsonObject later = audienceToday(null);
        assertThat(minus(page(later, "/budget/index.xhtml"), page(after, "/budget/index.xhtml")))
                .containsExactly(1L, 0L, 0L);
    }

    @Test
    void aPageAboutAnItemOfADistrictCountsInThatDistrictAndASignedInVisitorCountsAsSuch() {
        // a council of the demo data, and its district (no new item: nothing else in the suite moves)
        JsonObject council = Api.anonymous().get("/api/councils").array().getValuesAs(JsonObject.class).get(0);
        String district = council.getString("district");
        String other = district.equals("nord") ? "sud" : "nord";
        JsonObject districtBefore = audienceToday(district);
        JsonObject otherBefore = audienceToday(other);
        JsonObject cityBefore = audienceToday(null);
        String browser = newBrowser();

        assertThat(visit("/councils/view.xhtml?id=" + council.getJsonNumber("id").longValue(), browser).statusCode())
                .isEqualTo(200);
        // the privacy notice is open before the terms are accepted: a signed-in view by the same browser
        assertThat(visit("/privacy.xhtml", browser, signedIn(DemoUser.RESIDENT)).statusCode()).isEqualTo(200);

        JsonObject districtAfter = audienceToday(district);
        assertThat(minus(page(districtAfter, "/councils/view.xhtml"), page(districtBefore, "/councils/view.xhtml")))
                .containsExactly(1L, 1L, 0L);
        assertThat(minus(funnel(districtAfter, "COUNCIL"), funnel(districtBefore, "COUNCIL"))).containsExactly(1L, 1L, 0L);
        assertThat(funnel(audienceToday(other), "COUNCIL")).isEqualTo(funnel(otherBefore, "COUNCIL"));
        JsonObject cityAfter = audienceToday(null);
        // the privacy notice is about no district: counted in the city's figures only, as a signed-in visitor
        assertThat(minus(funnel(cityAfter, "INFORMATION"), funnel(cityBefore, "INFORMATION")))
                .containsExactly(1L, 1L, 1L);
        assertThat(minus(funnel(cityAfter, null), funnel(cityBefore, null))).containsExactly(2L, 1L, 1L);
        JsonObject all = cityAfter.getJsonArray("funnel").getValuesAs(JsonObject.class).get(0);
        assertThat(all.containsKey("capability")).isFalse();
        assertThat(all.getJsonNumber("participants")).as("all pages: the participants beside the visitors").isNotNull();
        // the information pages lead to no participation: no participants there
        assertThat(cityAfter.getJsonArray("funnel").getValuesAs(JsonObject.class).stream()
                .filter(f -> "INFORMATION".equals(f.getString("capability", null))).findFirst().orElseThrow()
                .containsKey("participants")).isFalse();
    }

    @Test
    void countingAddsNoCookieForAnAnonymousVisitor() {
        String browser = newBrowser();
        for (String path : List.of("/", "/budget/index.xhtml", "/consultations/index.xhtml", "/councils/index.xhtml",
                "/privacy.xhtml")) {
            HttpResponse<String> page = visit(path, browser);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            // the only cookie the pages may set is the servlet session's (Faces' view state), as before counting
            List<String> cookies = page.headers().allValues("Set-Cookie");
            assertThat(cookies).as(path).allSatisfy(cookie -> assertThat(cookie).startsWith("JSESSIONID="));
        }
    }

    @Test
    void onlyAnalystsAndTheOfficeHaveTheCountsStoredOnDemand() {
        assertThat(Api.anonymous().post("/api/audience/flush", "").status()).isEqualTo(401);
        Reply resident = Api.as(DemoUser.RESIDENT).post("/api/audience/flush", "");
        assertThat(resident.status()).isEqualTo(403);
        assertThat(resident.contentType()).startsWith("application/problem+json");
        assertThat(Api.as(DemoUser.AGENT).post("/api/audience/flush", "").status()).isEqualTo(403);
        assertThat(Api.as(DemoUser.OFFICE_ADMIN).post("/api/audience/flush", "").status()).isEqualTo(200);
    }

    @Test
    void theFunnelIsInTheCsvAndTheWorkbook() throws IOException {
        Api.Download csv = Api.as(DemoUser.ANALYST).download("/api/kpis/csv?" + TODAY_ONLY + "&table=funnel");
        assertThat(csv.status()).isEqualTo(200);
        String text = new String(csv.bytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).startsWith("Espace,Pages vues,Visiteurs,Visiteurs connectés,Participants,")
                .contains("Toutes les pages,").contains("Budget participatif,");
        Api.Download workbook = Api.as(DemoUser.ANALYST).download("/api/kpis/workbook?" + TODAY_ONLY);
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(workbook.bytes()))) {
            assertThat(book.getSheet("Audience et participation")).isNotNull();
            assertThat(book.getSheetAt(0).getDrawingPatriarch().getCharts()).hasSize(3);
        }
    }

    @Test
    void theMapsTileServerIsTheConfiguredOneNamedInThePrivacyNoticeAndAllowedByThePolicy() {
        HttpResponse<String> privacy = visit("/privacy.xhtml", newBrowser());
        assertThat(privacy.body()).contains("tiles.agora-test.example").doesNotContain("openstreetmap");
        for (String path : List.of("/", "/privacy.xhtml", "/api/districts")) {
            String policy = visit(path, newBrowser()).headers().firstValue("Content-Security-Policy").orElseThrow();
            assertThat(policy).as(path).contains("img-src 'self' data: blob: https://tiles.agora-test.example")
                    .doesNotContain("openstreetmap").contains("frame-ancestors 'none'");
        }
    }
}
