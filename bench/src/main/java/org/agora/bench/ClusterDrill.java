package org.agora.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.agora.bench.FaultDrills.Outcome;
import org.agora.bench.FaultDrills.Vote;
import org.agora.bench.Keycloak.Resident;

/**
 * Two app instances (a and b) behind nginx, sharing PostgreSQL (bench/nginx-faults.conf): a resident signs in, saves
 * a draft, answers and votes, the API calls alternating between the instances and the pages staying on the instance
 * that holds the browser session; that instance is killed (kill -9) and the resident carries on on the other; the
 * schedulers of both instances count an ended vote once and write each export once.
 */
final class ClusterDrill {

    private static final String USER = "cluster-drill-resident";
    private static final String RESIDENT_PAGE = "/budget/resident/mine.xhtml";

    private final FaultDrills d;

    ClusterDrill(FaultDrills drills) {
        this.d = drills;
    }

    void run() throws Exception {
        d.ctl("app-start", "b");
        d.ctl("nginx-start");
        String lb = d.nginx;
        d.keycloak.createOrKeep(List.of(new Resident(USER, "sud")));
        d.db.number("with x as (insert into terms_consents (username, version, accepted_at) values (?, '2026-12',"
                + " now()) on conflict do nothing returning 1) select count(*) from x", USER);
        d.forgetTokens();
        Vote vote = d.openVote(lb, "Budget de l'exercice à deux instances", 4);

        // signed in through nginx: the pages stay on one instance, the API alternates
        BrowserSession browser = new BrowserSession();
        BrowserSession.Page signedIn = browser.signIn(lb, USER, Keycloak.RESIDENT_PASSWORD);
        String session = browser.session();
        String home = session == null ? "?" : session.substring(session.lastIndexOf('.') + 1);
        Map<String, Integer> pageInstances = new TreeMap<>();
        int pagesOk = 0;
        for (int i = 0; i < 6; i++) {
            BrowserSession.Page page = browser.open(lb + RESIDENT_PAGE);
            pagesOk += page.signedIn() ? 1 : 0;
            pageInstances.merge(String.valueOf(page.instance()), 1, Integer::sum);
        }
        d.check(pagesOk == 6 && pageInstances.size() == 1, "cluster: signed in through nginx (%s; session on instance"
                + " %s): 6 of 6 pages signed in, all from one instance %s", signedIn.describe(), home, pageInstances);

        String token = d.keycloak.token(USER, Keycloak.RESIDENT_PASSWORD);
        Map<String, Integer> apiInstances = new TreeMap<>();
        List<String> apiFailures = new ArrayList<>();
        api(apiInstances, apiFailures, "PUT", lb + "/api/consultations/1/draft", token,
                "{\"answers\": {\"cycles\": [\"sometimes\"], \"safety\": 3}}", 200);
        for (int i = 0; i < 4; i++) {
            api(apiInstances, apiFailures, "GET", lb + "/api/consultations/1/response", token, null, 200);
        }
        d.check(apiFailures.isEmpty() && apiInstances.size() == 2, "cluster: the resident's API calls alternate"
                + " between the instances (round-robin): %s; failures %s", apiInstances, apiFailures);

        // the instance holding the browser session is killed
        String victim = home.equals("b") ? "b" : "a";
        String survivor = victim.equals("a") ? "b" : "a";
        d.ctl("app-kill", victim);
        long killed = System.nanoTime();
        BrowserSession.Page after = browser.open(lb + RESIDENT_PAGE);
        String newSession = browser.session();
        d.check(after.signedIn() && newSession != null && newSession.endsWith("." + survivor), "cluster: instance %s"
                + " killed; the resident's next page is served signed in by instance %s after %s (a new session through"
                + " Keycloak's single sign-on, no password asked: %d hops)", victim, survivor,
                FaultDrills.seconds(System.nanoTime() - killed), after.hops().size());

        apiInstances.clear();
        apiFailures.clear();
        api(apiInstances, apiFailures, "PUT", lb + "/api/consultations/1/response", token,
                "{\"answers\": {\"cycles\": [\"sometimes\"], \"improvements\": [\"lanes\"], \"safety\": 3}}", 200);
        long envelope = vote.envelopes().get("sud");
        api(apiInstances, apiFailures, "PUT", lb + "/api/budget/envelopes/" + envelope + "/ballot", token,
                vote.ballot(envelope, 1), 204);
        for (int i = 0; i < 6; i++) {
            api(apiInstances, apiFailures, "GET", lb + "/api/consultations/1/response", token, null, 200);
        }
        d.check(apiFailures.isEmpty(), "cluster: after the kill the resident submits the questionnaire and votes, every"
                + " call answered (%s); failures %s", apiInstances, apiFailures);
        long responses = d.db.number("select count(*) from responses where consultation_id = 1 and respondent = ?"
                + " and status = 'SUBMITTED'", USER);
        long marks = d.db.number("select count(*) from vote_marks m join residents r on r.id = m.resident_id"
                + " where m.call_id = ? and r.account = ?", vote.call(), USER);
        d.check(responses == 1 && marks == 1, "cluster: in the database, one submitted response (%d) and one ballot"
                + " mark (%d) of the resident", responses, marks);

        // schedulers with both instances up: the killed one comes back
        d.ctl("app-start", victim);
        schedulersRunOnce(lb);
    }

    private void schedulersRunOnce(String lb) throws Exception {
        // an ended vote: both instances' BallotCountScheduler try to count it at the same second, every minute
        Vote ended = d.openVote(lb, "Budget compté une fois", 3);
        List<Resident> voters = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            voters.add(new Resident("cluster-voter-" + i, FaultDrills.DISTRICTS.get(i % FaultDrills.DISTRICTS.size())));
        }
        d.keycloak.createOrKeep(voters);
        int cast = 0;
        for (int i = 0; i < voters.size(); i++) {
            long envelope = ended.envelopes().get(voters.get(i).district());
            Outcome o = d.send(FaultDrills.put(lb + "/api/budget/envelopes/" + envelope + "/ballot",
                    d.keycloak.token(voters.get(i).username(), Keycloak.RESIDENT_PASSWORD), ended.ballot(envelope, i),
                    Duration.ofSeconds(30)));
            cast += o.status() == 204 ? 1 : 0;
        }
        d.db.endVote(ended.call());
        // three exports queued: whichever instance claims each writes it
        String analyst = d.token("analyst", "Analyst-2026");
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        List<Long> exports = new ArrayList<>();
        for (String table : List.of("comments", "meetings", "ballots")) {
            exports.add(d.http.json("POST", lb + "/api/exports", analyst, "{\"kind\": \"RAW_CSV\", \"from\": \""
                    + today.minusDays(120) + "\", \"to\": \"" + today + "\", \"tables\": [\"" + table + "\"],"
                    + " \"language\": \"en\"}").expect(202, "export").json().getJsonNumber("id").longValue());
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(150);
        long sealedLeft;
        long exportsLeft;
        do {
            Thread.sleep(2000);
            sealedLeft = d.db.number("select count(*) from sealed_ballots s join envelopes e on e.id = s.envelope_id"
                    + " where e.call_id = ?", ended.call());
            exportsLeft = d.db.number("select count(*) from export_jobs where status in ('QUEUED', 'RUNNING')");
        } while ((sealedLeft > 0 || exportsLeft > 0) && System.nanoTime() < deadline);
        long ballots = d.db.number("select count(*) from ballots b join envelopes e on e.id = b.envelope_id"
                + " where e.call_id = ?", ended.call());
        long keysCounted = d.db.number("select count(*) from election_keys k join envelopes e on e.id = k.envelope_id"
                + " where e.call_id = ? and k.status = 'COUNTED'", ended.call());
        long keys = d.db.number("select count(*) from election_keys k join envelopes e on e.id = k.envelope_id"
                + " where e.call_id = ?", ended.call());
        d.check(sealedLeft == 0 && ballots == cast && keysCounted == keys, "cluster: the ended vote counted once by"
                + " the two instances' schedulers (both running, each trying every minute): %d ballots cast, %d in the"
                + " count (a second count would double them or fail), %d left sealed; %d of %d envelope keys COUNTED",
                cast, ballots, sealedLeft, keysCounted, keys);
        StringBuilder jobs = new StringBuilder();
        boolean eachOnce = true;
        for (long id : exports) {
            String status = d.http.get(lb + "/api/exports/" + id, analyst).expect(200, "export").json().getString("status");
            long attempts = d.db.number("select attempts from export_jobs where id = ?", id);
            long files = files(d.work.resolve("exports-files"), id);
            eachOnce &= "DONE".equals(status) && attempts == 1 && files == 1;
            jobs.append(String.format("%d %s attempt %d, %d file; ", id, status, attempts, files));
        }
        d.check(eachOnce, "cluster: each export written once by one of the two instances' workers: %s", jobs);
    }

    private static long files(Path directory, long id) throws IOException {
        try (Stream<Path> all = Files.list(directory)) {
            return all.filter(p -> p.getFileName().toString().startsWith("export-" + id + "-")).count();
        }
    }

    private void api(Map<String, Integer> instances, List<String> failures, String method, String url, String token,
                     String body, int expected) {
        var builder = Http.request(url, token).timeout(Duration.ofSeconds(30));
        if (body == null) {
            builder.GET();
        } else {
            builder.header("Content-Type", "application/json").method(method,
                    java.net.http.HttpRequest.BodyPublishers.ofString(body));
        }
        try {
            var response = d.http.client().send(builder.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            instances.merge(response.headers().firstValue("X-Agora-Instance").orElse("?"), 1, Integer::sum);
            if (response.statusCode() != expected) {
                failures.add(method + " " + url.replaceFirst("^https?://[^/]+", "") + " " + response.statusCode() + " "
                        + response.body());
            }
        } catch (IOException e) {
            failures.add(method + " " + url + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
