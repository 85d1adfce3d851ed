package org.agora.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;
import java.util.UUID;
import org.agora.it.Api.Reply;
import org.agora.it.Platform.DemoUser;
import org.junit.jupiter.api.Test;

/**
 * The REST API on a real Payara Micro, with real Keycloak tokens: public reads, who may change what, and every
 * kind of bad input answered by a clear problem JSON while nothing is stored.
 */
abstract class ApiTests {

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static int districtCount() {
        return Api.anonymous().get("/api/districts").array().size();
    }

    /**
     * A body larger than the largest upload is refused before the caller is known and before it is read: the request
     * announces 26 MB and sends a few bytes, and the answer (a 413 problem) comes at once, for the API and a page.
     */
    @Test
    void anOversizedBodyIsRefusedBeforeAnyoneIsAuthenticated() throws Exception {
        java.net.URI app = java.net.URI.create(Platform.APP);
        for (String path : java.util.List.of("/api/consultations", "/consultations/index.xhtml")) {
            try (java.net.Socket socket = new java.net.Socket(app.getHost(), app.getPort())) {
                socket.setSoTimeout(10_000);
                String request = "POST " + app.getPath() + path + " HTTP/1.1\r\nHost: " + app.getHost() + "\r\n"
                        + "Content-Type: application/json\r\nContent-Length: " + (26L * 1024 * 1024) + "\r\n"
                        + "Accept-Language: en\r\n\r\n{\"title\":";
                socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                StringBuilder read = new StringBuilder();
                java.io.InputStream in = socket.getInputStream();
                int next;
                while (!read.toString().contains("tooLarge\"") && (next = in.read()) >= 0) {
                    read.append((char) next); // the status line, the headers and the problem's type, then stop
                }
                String answer = read.toString();
                assertThat(answer).as(path).startsWith("HTTP/1.1 413").contains("application/problem+json")
                        .contains("urn:agora:api.body.tooLarge");
            }
        }
    }

    /**
     * A body sent in chunks has no length to check before it is read: it is refused (411 problem) before the caller is
     * known, for the API and a page, though it would be small.
     */
    @Test
    void aBodyInChunksWithoutALengthIsRefusedBeforeAnyoneIsAuthenticated() throws Exception {
        java.net.URI app = java.net.URI.create(Platform.APP);
        for (String path : java.util.List.of("/api/consultations", "/consultations/index.xhtml")) {
            try (java.net.Socket socket = new java.net.Socket(app.getHost(), app.getPort())) {
                socket.setSoTimeout(10_000);
                String request = "POST " + app.getPath() + path + " HTTP/1.1\r\nHost: " + app.getHost() + "\r\n"
                        + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
                        + "Accept-Language: en\r\n\r\n9\r\n{\"title\":\r\n";
                socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                StringBuilder read = new StringBuilder();
                java.io.InputStream in = socket.getInputStream();
                int next;
                while (!read.toString().contains("lengthRequired\"") && (next = in.read()) >= 0) {
                    read.append((char) next);
                }
                assertThat(read.toString()).as(path).startsWith("HTTP/1.1 411").contains("application/problem+json")
                        .contains("urn:agora:api.body.lengthRequired");
            }
        }
    }

    /**
     * No account gets an offline token (one that outlives the sign-in session, kept by a client for months): asked for,
     * Keycloak refuses the scope before any sign-in, as the web client offers no optional scope.
     */
    @Test
    void noResidentGetsAnOfflineToken() throws Exception {
        java.net.http.HttpResponse<String> answer = Platform.http().send(java.net.http.HttpRequest.newBuilder(
                        HttpSignIn.authorization("openid offline_access", Platform.APP + "/test-callback")).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location").orElse(""))
                .as("refused for the scope, not another reason").contains("error=invalid_scope");
    }

    /**
     * The web client takes no password grant: a script or a phishing page holding a resident's password cannot turn it
     * into tokens without Keycloak's own login page (where brute-force protection, and a second factor, apply).
     */
    @Test
    void theWebClientTakesNoPassword() throws Exception {
        String form = "grant_type=password&client_id=agora-web&client_secret=agora-dev-secret&scope=openid&username="
                + Platform.DemoUser.RESIDENT.username + "&password=" + Platform.DemoUser.RESIDENT.password;
        java.net.http.HttpResponse<String> answer = Platform.http().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(Platform.KEYCLOAK + "/realms/agora/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isIn(400, 401);
        assertThat(answer.body()).contains("unauthorized_client");
    }

    /**
     * A page's forms are limited too (a vote, a comment, a report sent as the page's postback, not through the API):
     * the 301st postback of one person within a minute (of the clock) is refused with 429 and Retry-After, another person is not.
     */
    @Test
    void onePersonsPagePostbacksAreLimitedAndAnothersAreNot() throws Exception {
        String username = "pages-" + UUID.randomUUID().toString().substring(0, 8);
        KeycloakAdmin admin = new KeycloakAdmin();
        admin.createResident(username, "Pages-Limit-2026");
        try {
            String session = HttpSignIn.cookies(username, "Pages-Limit-2026");
            java.net.http.HttpRequest postback = java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(Platform.APP + "/no-such-page.xhtml"))
                    .header("Cookie", session).header("Accept-Language", "fr")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("form=form")).build();
            int served = 0;
            java.net.http.HttpResponse<String> answer;
            do {
                answer = Platform.http().send(postback, java.net.http.HttpResponse.BodyHandlers.ofString());
                served++;
            } while (answer.statusCode() != 429 && served <= 700);

            // 300 a minute, the sign-in's acceptance of the terms the first: the 300th here is refused (up to the
            // 599th when the run crossed into the next minute)
            assertThat(answer.statusCode()).isEqualTo(429);
            assertThat(served).as("the postback refused first").isBetween(300, 599);
            assertThat(answer.headers().firstValue("Retry-After")).isPresent();
            assertThat(answer.body()).contains("api.tooManyRequests");
            java.net.http.HttpResponse<String> another = Platform.http().send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(Platform.APP + "/no-such-page.xhtml"))
                    .header("Cookie", HttpSignIn.cookies(DemoUser.RESIDENT)).header("Accept-Language", "fr")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("form=form")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(another.statusCode()).as("another person's postback").isNotEqualTo(429);
        } finally {
            admin.deleteUser(username);
        }
    }

    /**
     * Signed out at Keycloak (an administrator ends the account's sessions, or the person signs out of another
     * application of the realm): Keycloak tells the platform (back-channel logout) and the person's next page is a
     * visitor's, a protected one sending them to Keycloak's login; another person's session carries on. A logout token
     * that is not the realm's signed one for this client (here none, and a forged one) ends nothing: 400.
     */
    @Test
    void aPersonSignedOutAtKeycloakIsSignedOutOfThePlatformAtTheirNextPage() throws Exception {
        KeycloakAdmin admin = new KeycloakAdmin();
        admin.backChannelLogoutTo(Platform.APP + "/api/backchannel-logout");
        String leaving = "leaving-" + UUID.randomUUID().toString().substring(0, 8);
        String staying = "staying-" + UUID.randomUUID().toString().substring(0, 8);
        admin.createResident(leaving, "Back-Channel-2026");
        admin.createResident(staying, "Back-Channel-2026");
        try {
            String leavingSession = HttpSignIn.cookies(leaving, "Back-Channel-2026");
            String stayingSession = HttpSignIn.cookies(staying, "Back-Channel-2026");
            assertThat(page("/me.xhtml", leavingSession).statusCode()).as("signed in: their page").isEqualTo(200);
            assertThat(page("/index.xhtml", leavingSession).body()).as("the home page signed in").contains("userMenu");

            String unsigned = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                    "{\"alg\":\"none\"}".getBytes()) + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                    .encodeToString("{\"events\":{\"http://schemas.openid.net/event/backchannel-logout\":{}}}".getBytes()) + ".";
            for (String forged : List.of("", "logout_token=", "logout_token=" + unsigned)) {
                java.net.http.HttpResponse<String> refused = Platform.http().send(java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create(Platform.APP + "/api/backchannel-logout"))
                        .header("Content-Type", "application/x-www-form-urlencoded").header("Accept-Language", "en")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(forged)).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                assertThat(refused.statusCode()).as(forged).isEqualTo(400);
                assertThat(refused.body()).contains("Send a logout token signed by the realm");
            }
            assertThat(page("/me.xhtml", leavingSession).statusCode()).as("still signed in").isEqualTo(200);

            admin.signOut(leaving);

            java.net.http.HttpResponse<String> next = page("/me.xhtml", leavingSession);
            assertThat(next.statusCode()).as("their next page").isEqualTo(302);
            String again = next.headers().firstValue("Location").orElseThrow();
            assertThat(again).as("asked again, without the session").endsWith("/me.xhtml");
            java.net.http.HttpResponse<String> signIn = page("/me.xhtml", leavingSession);
            assertThat(signIn.statusCode()).isEqualTo(302);
            assertThat(signIn.headers().firstValue("Location").orElseThrow()).as("the old cookie signs nobody in")
                    .contains("/protocol/openid-connect/auth");
            assertThat(page("/index.xhtml", leavingSession).body()).as("a visitor's home page").doesNotContain("userMenu");
            assertThat(page("/me.xhtml", stayingSession).statusCode()).as("another person's session").isEqualTo(200);
        } finally {
            admin.deleteUser(leaving);
            admin.deleteUser(staying);
        }
    }

    private static java.net.http.HttpResponse<String> page(String path, String session) throws Exception {
        return Platform.http().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(Platform.APP + path))
                .header("Cookie", session).header("Accept-Language", "fr").GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anyoneReadsTheDemoTerritory() {
        Reply districts = Api.anonymous().get("/api/districts");
        assertThat(districts.status()).isEqualTo(200);
        assertThat(districts.array().getValuesAs(JsonObject.class)).extracting(d -> d.getString("code"))
                .contains("centre", "nord", "sud", "est", "ouest");
        JsonObject nord = Api.anonymous().get("/api/districts/nord").json();
        assertThat(nord.getInt("population")).isEqualTo(61_500);
        assertThat(nord.getJsonArray("neighbourhoods")).isNotEmpty();
        assertThat(Api.anonymous().get("/api/themes").array()).hasSizeGreaterThanOrEqualTo(8);
    }

    @Test
    void unknownDistrictIs404AndMalformedCodeIs400() {
        Reply unknown = Api.anonymous().get("/api/districts/nowhere");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.json().getString("detail")).contains("nowhere");

        Reply malformed = Api.anonymous().get("/api/districts/NORD%20x");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().getString("field")).isEqualTo("code");
    }

    @Test
    void theBenchmarksNoOpNeedsAValidTokenAndDoesNothingElse() {
        assertThat(Api.anonymous().get("/api/ping").status()).isEqualTo(401);
        assertThat(Api.anonymous().put("/api/ping", "{\"projects\": [1]}").status()).isEqualTo(401);
        assertThat(Api.withToken("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl").put("/api/ping", "{}").status())
                .isEqualTo(401);
        Reply ping = Api.as(DemoUser.RESIDENT).put("/api/ping", "{\"projects\": [1]}");
        assertThat(ping.status()).isEqualTo(204);
        assertThat(ping.body()).isEmpty();
        assertThat(Api.as(DemoUser.RESIDENT).get("/api/ping").status()).isEqualTo(204);
    }

    /** Errors outside the domain's refusals answer in problem JSON too, never as an HTML error page. */
    @Test
    void unknownAddressesAndMethodsAnswerInProblemJson() {
        Reply nowhere = Api.anonymous().get("/api/no-such-thing");
        assertThat(nowhere.status()).isEqualTo(404);
        assertThat(nowhere.contentType()).startsWith("application/problem+json");
        assertThat(nowhere.json().getString("detail")).startsWith("Cette adresse n'existe pas dans l'API");

        Reply wrongMethod = Api.as(DemoUser.OFFICE_ADMIN).delete("/api/themes");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.contentType()).startsWith("application/problem+json");
        assertThat(wrongMethod.json().getString("title")).isEqualTo("Méthode non prise en charge");
    }

    @Test
    void meNeedsAValidTokenAndCarriesRolesAndDistricts() {
        assertThat(Api.anonymous().get("/api/me").status()).isEqualTo(401);
        Reply forged = Api.withToken("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl").get("/api/me");
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.json().getString("type")).isEqualTo("urn:agora:api.signInRequired");
        // an ID token, signed by the same realm for the same client, says who signed in: it opens no API
        Reply idToken = Api.withToken(Platform.idToken(DemoUser.RESIDENT)).get("/api/me");
        assertThat(idToken.status()).isEqualTo(401);

        JsonObject resident = Api.as(DemoUser.RESIDENT).get("/api/me").json();
        assertThat(resident.getString("username")).isEqualTo("resident");
        assertThat(resident.getJsonArray("roles").getValuesAs(JsonString::getString)).containsExactly("resident");
        assertThat(resident.getString("district")).isEqualTo("nord");

        JsonObject agent = Api.as(DemoUser.AGENT).get("/api/me").json();
        assertThat(agent.getJsonArray("roles").getValuesAs(JsonString::getString)).containsExactly("district-agent");
        assertThat(agent.getJsonArray("agentDistricts").getValuesAs(JsonString::getString)).containsExactly("nord");
    }

    @Test
    void officeCreatesADistrictAndEditsIt() {
        String code = unique("rives");
        Api office = Api.as(DemoUser.OFFICE_ADMIN);
        Reply created = office.post("/api/districts", "{\"code\":\"" + code + "\",\"name\":\"" + code + " Rives\",\"population\":12000}");
        assertThat(created.status()).isEqualTo(201);

        Reply edited = office.put("/api/districts/" + code, "{\"name\":\"" + code + " Les Rives\",\"population\":12500}");
        assertThat(edited.status()).isEqualTo(200);
        JsonObject read = Api.anonymous().get("/api/districts/" + code).json();
        assertThat(read.getString("name")).isEqualTo(code + " Les Rives");
        assertThat(read.getInt("population")).isEqualTo(12_500);
    }

    @Test
    void duplicateDistrictNameIs409AndNothingIsStored() {
        int before = districtCount();
        Reply reply = Api.as(DemoUser.OFFICE_ADMIN).inEnglish()
                .post("/api/districts", "{\"code\":\"" + unique("dup") + "\",\"name\":\"nord\",\"population\":3}");
        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.json().getString("field")).isEqualTo("name");
        assertThat(reply.json().getString("detail")).isEqualTo("A district named \"nord\" already exists.");
        assertThat(districtCount()).isEqualTo(before);
    }

    @Test
    void emptyRequiredFieldIs400InTheCallersLanguageAndNothingIsStored() {
        int before = districtCount();
        Reply reply = Api.as(DemoUser.OFFICE_ADMIN)
                .post("/api/districts", "{\"code\":\"" + unique("vide") + "\",\"name\":\"  \",\"population\":3}");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().getString("field")).isEqualTo("name");
        assertThat(reply.json().getString("detail")).isEqualTo("Ce champ est obligatoire.");
        assertThat(districtCount()).isEqualTo(before);
    }

    @Test
    void malformedBodiesAre400AndNothingIsStored() {
        int before = districtCount();
        Api office = Api.as(DemoUser.OFFICE_ADMIN);
        assertThat(office.post("/api/districts", "{\"code\":").status()).isEqualTo(400);
        assertThat(office.post("/api/districts", "{\"code\":\"x1\",\"name\":\"X\",\"population\":\"many\"}").status())
                .isEqualTo(400);
        assertThat(office.post("/api/districts", "{\"code\":\"Bad Code\",\"name\":\"X\",\"population\":1}").json()
                .getString("field")).isEqualTo("code");
        assertThat(office.post("/api/districts", "{\"code\":\"negative\",\"name\":\"Négatif\",\"population\":-1}").json()
                .getString("field")).isEqualTo("population");
        assertThat(districtCount()).isEqualTo(before);
    }

    @Test
    void onlyTheOfficeChangesDistricts() {
        String body = "{\"code\":\"" + unique("nope") + "\",\"name\":\"" + unique("Nope") + "\",\"population\":1}";
        assertThat(Api.anonymous().post("/api/districts", body).status()).isEqualTo(401);
        for (DemoUser user : new DemoUser[] {DemoUser.RESIDENT, DemoUser.AGENT, DemoUser.MODERATOR, DemoUser.ANALYST}) {
            assertThat(Api.as(user).post("/api/districts", body).status()).as(user.username).isEqualTo(403);
        }
    }

    @Test
    void agentAddsNeighbourhoodsInTheirDistrictOnly() {
        String name = unique("Les Prés");
        Api agent = Api.as(DemoUser.AGENT);
        assertThat(agent.post("/api/districts/nord/neighbourhoods", "{\"name\":\"" + name + "\"}").status()).isEqualTo(201);

        int sudBefore = Api.anonymous().get("/api/districts/sud").json().getJsonArray("neighbourhoods").size();
        Reply refused = agent.post("/api/districts/sud/neighbourhoods", "{\"name\":\"" + name + "\"}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(Api.anonymous().get("/api/districts/sud").json().getJsonArray("neighbourhoods")).hasSize(sudBefore);
    }

    @Test
    void readinessReportsTheDatabaseAndOpenApiDescribesTheApi() throws Exception {
        String base = Platform.APP.substring(0, Platform.APP.lastIndexOf('/'));
        var ready = Platform.http().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/health/ready")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("\"database\"").contains("UP");

        var openapi = Platform.http().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/openapi")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(openapi.body()).contains("/districts").contains("keycloak");
    }
}
