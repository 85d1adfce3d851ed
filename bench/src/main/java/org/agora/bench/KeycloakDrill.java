package org.agora.bench;

import jakarta.json.Json;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.agora.bench.FaultDrills.Outcome;
import org.agora.bench.Keycloak.Resident;

/**
 * Keycloak stopped for a while (ten minutes by default, as the issue says): public pages and the public API answer, a
 * browser session signed in before keeps working (also once its access token expired, when the outage outlasts the
 * tokens' lifespan), API calls with a valid token work and with an invalid one get a 401 problem JSON, and a new
 * sign-in shows a clear, translated message instead of sending the browser to a dead Keycloak. Once Keycloak is back,
 * signing in works again.
 */
final class KeycloakDrill {

    private static final String USER = "kc-drill-resident";
    private static final List<String> PUBLIC_PAGES = List.of("/", "/privacy.xhtml", "/accessibility.xhtml",
            "/consultations/view.xhtml?id=1");
    private static final String RESIDENT_PAGE = "/budget/resident/mine.xhtml";

    private final FaultDrills d;
    private final int downSeconds = Integer.getInteger("faults.keycloak-down-seconds", 600);
    private final int tokenSeconds = Integer.getInteger("faults.token-seconds", 60);

    KeycloakDrill(FaultDrills drills) {
        this.d = drills;
    }

    void run() throws Exception {
        d.keycloak.createOrKeep(List.of(new Resident(USER, "nord")));
        String apiToken = d.keycloak.token(USER, Keycloak.RESIDENT_PASSWORD); // a token of 3 h: valid all along
        d.db.number("with x as (insert into terms_consents (username, version, accepted_at) values (?, '2026-12',"
                + " now()) on conflict do nothing returning 1) select count(*) from x", USER);
        setTokenLifespan(tokenSeconds);
        BrowserSession browser = new BrowserSession();
        BrowserSession.Page signedIn = browser.signIn(d.app, USER, Keycloak.RESIDENT_PASSWORD);
        BrowserSession.Page mine = browser.open(d.app + RESIDENT_PAGE);
        d.check(mine.signedIn(), "keycloak: a browser signed in before the outage (code flow, access tokens of %d s):"
                + " %s, then %s", tokenSeconds, signedIn.describe(), mine.describe());

        d.ctl("kc-stop");
        long down = System.nanoTime();
        // the app asks Keycloak at most every 5 s: it knows of the outage 5 s after it began, at the latest
        Thread.sleep(6000);
        checkDuringOutage("at the start of the outage (6 s)", browser, apiToken);
        long wait = TimeUnit.SECONDS.toNanos(downSeconds) - (System.nanoTime() - down);
        if (wait > TimeUnit.SECONDS.toNanos(30)) {
            // the middle: the browser session's access token has expired by now when the outage outlasts it
            Thread.sleep(TimeUnit.NANOSECONDS.toMillis(wait / 2));
            checkDuringOutage(String.format("after %s of outage", FaultDrills.seconds(System.nanoTime() - down)), browser,
                    apiToken);
            wait = TimeUnit.SECONDS.toNanos(downSeconds) - (System.nanoTime() - down);
        }
        if (wait > 0) {
            Thread.sleep(TimeUnit.NANOSECONDS.toMillis(wait));
        }
        checkDuringOutage(String.format("after %s of outage", FaultDrills.seconds(System.nanoTime() - down)), browser,
                apiToken);

        long restart = System.nanoTime();
        d.ctl("kc-start");
        long back = System.nanoTime();
        FaultDrills.figure("Keycloak stopped for %s, then %s to start again (realm ready)",
                FaultDrills.seconds(restart - down), FaultDrills.seconds(back - restart));
        BrowserSession fresh = new BrowserSession();
        BrowserSession.Page again = fresh.signIn(d.app, USER, Keycloak.RESIDENT_PASSWORD);
        BrowserSession.Page page = fresh.open(d.app + RESIDENT_PAGE);
        d.check(page.signedIn(), "keycloak: once Keycloak is back, a new sign-in works: %s, then %s", again.describe(),
                page.describe());
        BrowserSession.Page old = browser.open(d.app + RESIDENT_PAGE);
        d.check(old.signedIn(), "keycloak: the session signed in before the outage still works after it: %s",
                old.describe());
        setTokenLifespan(3 * 3600);
        d.forgetTokens();
    }

    private void checkDuringOutage(String when, BrowserSession browser, String apiToken) {
        int publicOk = 0;
        StringBuilder publicPages = new StringBuilder();
        for (String path : PUBLIC_PAGES) {
            BrowserSession.Page page = new BrowserSession().open(d.app + path);
            publicOk += page.ok() ? 1 : 0;
            publicPages.append(path).append(' ').append(page.status()).append("; ");
        }
        Http.Reply publicApi = d.http.get(d.app + "/api/consultations", null);
        d.check(publicOk == PUBLIC_PAGES.size() && publicApi.status() == 200, "keycloak down, %s: public pages answer"
                + " (%s/api/consultations %d)", when, publicPages, publicApi.status());

        BrowserSession.Page mine = browser.open(d.app + RESIDENT_PAGE);
        d.check(mine.signedIn(), "keycloak down, %s: the browser signed in before still gets %s (%s)", when,
                RESIDENT_PAGE, mine.status() == 200 && !mine.signedIn() ? "200 but signed out" : mine.describe());

        Outcome valid = d.send(FaultDrills.put(d.app + "/api/consultations/1/draft", apiToken,
                "{\"answers\": {\"safety\": 3}}", java.time.Duration.ofSeconds(30)));
        d.check(valid.status() == 200, "keycloak down, %s: an API call with a valid token works (PUT a draft: %s)",
                when, valid.describe());
        String forged = apiToken.substring(0, apiToken.lastIndexOf('.') + 1) + "Zm9yZ2Vk";
        Outcome invalid = d.send(FaultDrills.put(d.app + "/api/consultations/1/draft", forged,
                "{\"answers\": {\"safety\": 3}}", java.time.Duration.ofSeconds(30)));
        Outcome garbage = d.send(FaultDrills.put(d.app + "/api/consultations/1/draft", "not-a-token",
                "{\"answers\": {\"safety\": 3}}", java.time.Duration.ofSeconds(30)));
        d.check(invalid.status() == 401 && invalid.problemJson() && garbage.status() == 401 && garbage.problemJson(),
                "keycloak down, %s: with a forged or malformed token the API answers a 401 problem (%s; %s)", when,
                invalid.describe(), garbage.describe());

        BrowserSession newcomer = new BrowserSession();
        BrowserSession.Page signIn = newcomer.open(d.app + "/signin");
        boolean clear = signIn.status() == 503 && signIn.uri().getPort() == java.net.URI.create(d.app).getPort()
                && signIn.body().contains("lang=\"fr\"") && !signIn.body().contains("Exception");
        d.check(clear, "keycloak down, %s: a new sign-in gets a clear translated message from the app: %s (%s)", when,
                signIn.describe(), String.join(" -> ", signIn.hops()));
    }

    private void setTokenLifespan(int seconds) {
        String admin = d.keycloak.adminToken();
        d.http.json("PUT", d.keycloakUrl + "/admin/realms/" + Keycloak.REALM, admin, Json.createObjectBuilder()
                .add("accessTokenLifespan", seconds).build().toString()).expect(204, "access token lifespan");
    }
}
