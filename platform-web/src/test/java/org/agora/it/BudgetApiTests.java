package org.agora.it;

import static org.agora.it.BudgetScenarios.envelope;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.agora.it.Api.Reply;
import org.agora.it.Platform.DemoUser;
import org.junit.jupiter.api.Test;

/**
 * The participatory budget's vote through the REST API on a real Payara Micro with real Keycloak tokens: one
 * ballot per resident and envelope even under simultaneous submits, invalid ballots refused with their reason,
 * results hidden during the vote, and a real Pabulib election imported, counted and exported again.
 */
abstract class BudgetApiTests {

    private static String call(String name, Instant voteStart) {
        return call(name, voteStart, voteStart.plus(10, ChronoUnit.DAYS));
    }

    /** A call for residents of 16 or more, its vote from {@code voteStart} to {@code voteEnd}, the results a day later. */
    private static String call(String name, Instant voteStart, Instant voteEnd) {
        Instant submission = voteStart.minus(30, ChronoUnit.DAYS);
        return BudgetScenarios.callJson(name, submission, submission.plus(10, ChronoUnit.DAYS),
                submission.plus(20, ChronoUnit.DAYS), voteStart, voteEnd, voteEnd.plus(1, ChronoUnit.DAYS),
                voteEnd.plus(60, ChronoUnit.DAYS), 16);
    }

    /** A knapsack call whose vote is open: projects put on the ballots first, then the vote moved to now. */
    private static JsonObject openVote(List<Long> nordProjects, List<Long> cityProjects) {
        String name = "Budget " + UUID.randomUUID().toString().substring(0, 6);
        Api office = Api.as(DemoUser.OFFICE_ADMIN);
        Reply created = office.post("/api/budget/calls", call(name, Instant.now().plus(5, ChronoUnit.DAYS)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonObject call = created.json();
        long nord = envelope(call, "nord");
        long city = envelope(call, null);
        for (String[] project : List.of(new String[]{"Un jardin partagé", "40000"}, new String[]{"Des bancs", "20000"},
                new String[]{"Une piste cyclable", "120000"})) {
            Reply added = Api.as(DemoUser.AGENT).post("/api/budget/envelopes/" + nord + "/projects",
                    "{\"title\": \"%s\", \"cost\": %s}".formatted(project[0], project[1]));
            assertThat(added.status()).as(added.body()).isEqualTo(201);
            nordProjects.add(added.json().getJsonNumber("id").longValue());
        }
        Reply cityProject = office.post("/api/budget/envelopes/" + city + "/projects", "{\"title\": \"Un festival\", \"cost\": 90000}");
        cityProjects.add(cityProject.json().getJsonNumber("id").longValue());
        Reply opened = office.put("/api/budget/calls/" + call.getJsonNumber("id"),
                call(name, Instant.now().minusSeconds(60)));
        assertThat(opened.status()).as(opened.body()).isEqualTo(200);
        return opened.json();
    }

    @Test
    void aResidentVotesOnceInTheirDistrictAndTheRulesAreLocked() {
        List<Long> projects = new ArrayList<>();
        List<Long> city = new ArrayList<>();
        JsonObject call = openVote(projects, city);
        long nord = envelope(call, "nord");
        String ballot = "/api/budget/envelopes/" + nord + "/ballot";

        Reply otherEnvelope = Api.as(DemoUser.RESIDENT).put(ballot, "{\"projects\": [%d]}".formatted(city.get(0)));
        assertThat(otherEnvelope.status()).isEqualTo(400);
        assertThat(otherEnvelope.json().getString("detail"))
                .isEqualTo("Le projet %d ne figure pas sur ce bulletin.".formatted(city.get(0)));

        Reply over = Api.as(DemoUser.RESIDENT).put(ballot, "{\"projects\": %s}".formatted(projects));
        assertThat(over.status()).isEqualTo(400);
        assertThat(over.json().getString("detail"))
                .isEqualTo("Vos choix coûtent 180\u202f000, plus que l'enveloppe de 150\u202f000.");
        Reply unknown = Api.as(DemoUser.RESIDENT).put(ballot, "{\"projects\": [987654]}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().getString("detail")).isEqualTo("Le projet 987654 ne figure pas sur ce bulletin.");

        assertThat(Api.as(DemoUser.RESIDENT).put(ballot, "{\"projects\": [%d, %d]}".formatted(projects.get(0), projects.get(1)))
                .status()).isEqualTo(204);
        Reply again = Api.as(DemoUser.RESIDENT).put(ballot, "{\"projects\": [%d]}".formatted(projects.get(2)));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().getString("detail")).startsWith("Vous avez déjà voté");

        Reply elsewhere = Api.as(DemoUser.RESIDENT_SUD).put(ballot, "{\"projects\": [%d]}".formatted(projects.get(0)));
        assertThat(elsewhere.status()).isEqualTo(403);
        assertThat(Api.anonymous().put(ballot, "{\"projects\": []}").status()).isEqualTo(401);

        assertThat(Api.as(DemoUser.RESIDENT).get("/api/budget/envelopes/" + nord + "/results").status()).isEqualTo(403);
        Reply late = Api.as(DemoUser.AGENT).post("/api/budget/envelopes/" + nord + "/projects", "{\"title\": \"Trop tard\", \"cost\": 1000}");
        assertThat(late.status()).isEqualTo(409);
        assertThat(Api.anonymous().get("/api/budget/envelopes/" + nord + "/projects").array()).hasSize(3);
    }

    @Test
    void editingOnesDistrictOrBirthYearInKeycloakGivesNoSecondBallot() {
        List<Long> projects = new ArrayList<>();
        List<Long> city = new ArrayList<>();
        JsonObject call = openVote(projects, city);
        long nord = envelope(call, "nord");
        long sud = envelope(call, "sud");
        assertThat(Api.as(DemoUser.RESIDENT).put("/api/budget/envelopes/" + nord + "/ballot",
                "{\"projects\": [%d]}".formatted(projects.get(0))).status()).isEqualTo(204);

        KeycloakAdmin keycloak = new KeycloakAdmin();
        String district = keycloak.setAttribute("resident", "district", "sud");
        String birthYear = keycloak.setAttribute("resident", "birth_year", "2015");
        try {
            // a new token says Sud (and 2015): the register still says Nord, where the ballot was cast
            Reply moved = Api.as(DemoUser.RESIDENT).put("/api/budget/envelopes/" + sud + "/ballot", "{\"projects\": []}");
            assertThat(moved.status()).as(moved.body()).isEqualTo(403);
            assertThat(moved.json().getString("detail")).contains("arrondissement");
            Reply again = Api.as(DemoUser.RESIDENT).put("/api/budget/envelopes/" + nord + "/ballot",
                    "{\"projects\": [%d]}".formatted(projects.get(1)));
            assertThat(again.status()).as(again.body()).isEqualTo(409);
            // nor is the city-wide ballot refused for the birth year typed since: the register's birth year counts
            Reply cityWide = Api.as(DemoUser.RESIDENT).put("/api/budget/envelopes/" + envelope(call, null) + "/ballot",
                    "{\"projects\": [%d]}".formatted(city.get(0)));
            assertThat(cityWide.status()).as(cityWide.body()).isEqualTo(204);
        } finally {
            keycloak.setAttribute("resident", "district", district);
            keycloak.setAttribute("resident", "birth_year", birthYear == null ? "1990" : birthYear);
        }
        // a second account with the same e-mail address is refused by the realm
        assertThat(keycloak.createUser("camille.bis", "camille.martin@belrive.example")).isEqualTo(409);
    }

    @Test
    void theDeskAndPaperBallotsKeepOneBallotPerPersonThroughTheApi() {
        List<Long> projects = new ArrayList<>();
        List<Long> city = new ArrayList<>();
        JsonObject call = openVote(projects, city);
        long nord = envelope(call, "nord");
        Api agent = Api.as(DemoUser.AGENT);
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String person = "{\"fullName\": \"Jeanne Guichet%s\", \"birthDate\": \"1970-03-02\", \"district\": \"nord\"%s}";

        Reply entered = agent.post("/api/register", person.formatted(suffix, ""));
        assertThat(entered.status()).as(entered.body()).isEqualTo(201);
        long jeanne = entered.json().getJsonNumber("id").longValue();
        Reply twice = agent.post("/api/register", person.formatted(suffix, ""));
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.json().getString("detail")).startsWith("Des personnes proches sont déjà inscrites");
        assertThat(Api.as(DemoUser.RESIDENT).post("/api/register", person.formatted("x" + suffix, "")).status())
                .isEqualTo(403);

        String desk = "/api/budget/envelopes/" + nord + "/desk/";
        String oneProject = "{\"projects\": [%d]}".formatted(projects.get(0));
        assertThat(Api.as(DemoUser.RESIDENT).put(desk + jeanne, oneProject).status()).isEqualTo(403);
        assertThat(agent.put(desk + jeanne, oneProject).status()).isEqualTo(204);
        Reply again = agent.put(desk + jeanne, oneProject);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().getString("detail")).contains("a déjà voté dans ce scrutin");

        // online first, then the desk: the same mark
        assertThat(Api.as(DemoUser.RESIDENT).put("/api/budget/envelopes/" + nord + "/ballot", oneProject).status())
                .isEqualTo(204);
        long camille = agent.get("/api/register?q=resident").array().getValuesAs(JsonObject.class).stream()
                .filter(p -> "resident".equals(p.getString("account", null))).findFirst().orElseThrow()
                .getJsonNumber("id").longValue();
        assertThat(agent.put(desk + camille, oneProject).status()).isEqualTo(409);
        assertThat(agent.put("/api/budget/envelopes/" + nord + "/paper-voters/" + camille, "").status()).isEqualTo(409);

        // two paper voters, then the ballot box: a batch of three is refused, one of two is stored once
        for (String name : List.of("Paul Papier", "Anne Papier")) {
            long voter = agent.post("/api/register", person.replace("Jeanne Guichet", name)
                            .formatted(suffix, ", \"duplicatesChecked\": true"))
                    .json().getJsonNumber("id").longValue();
            assertThat(agent.put("/api/budget/envelopes/" + nord + "/paper-voters/" + voter, "").status()).isEqualTo(204);
        }
        String batch = "/api/budget/envelopes/" + nord + "/paper-batches/" + UUID.randomUUID();
        String three = "{\"ballots\": [%s, %s, %s]}".formatted(oneProject, oneProject, oneProject);
        Reply tooMany = agent.put(batch, three);
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().getString("detail")).startsWith("Ce lot contient 3 bulletin(s), mais seulement 2");
        String two = "{\"ballots\": [%s, %s]}".formatted(oneProject, oneProject);
        Reply stored = agent.put(batch, two);
        assertThat(stored.status()).as(stored.body()).isEqualTo(200);
        assertThat(stored.json().getBoolean("alreadyEntered")).isFalse();
        Reply resent = agent.put(batch, two);
        assertThat(resent.json().getInt("ballots")).isEqualTo(2);
        assertThat(resent.json().getBoolean("alreadyEntered")).isTrue();
        assertThat(agent.put("/api/budget/envelopes/" + nord + "/paper-batches/not-a-uuid", two).status()).isEqualTo(400);

        Reply early = agent.post("/api/budget/envelopes/" + nord + "/count", "");
        assertThat(early.status()).isEqualTo(403);
        assertThat(early.json().getString("detail")).startsWith("Le vote n'est pas terminé");

        // the vote over and the count closed: no batch is added by someone who may now see the count
        Elapse.voteOf(call.getJsonNumber("id").longValue());
        assertThat(agent.post("/api/budget/envelopes/" + nord + "/count", "").status()).isEqualTo(204);
        Reply late = agent.put("/api/budget/envelopes/" + nord + "/paper-batches/" + UUID.randomUUID(),
                "{\"ballots\": [%s]}".formatted(oneProject));
        assertThat(late.status()).isEqualTo(403);
        assertThat(late.json().getString("detail")).startsWith("Le dépouillement de cette enveloppe est clos");
        // one ballot each: Jeanne at the desk, the resident online, the two paper voters; the batch sent twice once
        Reply results = agent.get("/api/budget/envelopes/" + nord + "/results");
        assertThat(results.status()).as(results.body()).isEqualTo(200);
        assertThat(results.json().getJsonObject("turnout").getJsonNumber("ballots").longValue()).isEqualTo(4);
        assertThat(results.json().getJsonObject("scores").getJsonNumber(String.valueOf(projects.get(0))).longValue())
                .isEqualTo(4);
    }

    /** A cumulative ballot whose points are missing for a project (null) is refused as such, not a server error. */
    @Test
    void aBallotWithoutPointsForAProjectIsABadRequest() {
        List<Long> projects = new ArrayList<>();
        JsonObject call = openVote(projects, new ArrayList<>());
        Reply refused = Api.as(DemoUser.RESIDENT).put("/api/budget/envelopes/" + envelope(call, "nord") + "/ballot",
                "{\"points\": {\"%d\": null}}".formatted(projects.get(0)));
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().getString("type")).isEqualTo("urn:agora:budget.ballot.pointsMissing");
    }

    @Test
    void aBallotStaysSealedUntilTheVoteEndsThenTheCountOpensIt() {
        List<Long> projects = new ArrayList<>();
        JsonObject call = openVote(projects, new ArrayList<>());
        long nord = envelope(call, "nord");

        assertThat(Api.as(DemoUser.RESIDENT).put("/api/budget/envelopes/" + nord + "/ballot",
                "{\"projects\": [%d, %d]}".formatted(projects.get(0), projects.get(1))).status()).isEqualTo(204);
        assertThat(Api.as(DemoUser.OFFICE_ADMIN).get("/api/budget/envelopes/" + nord + "/results").status())
                .as("nobody counts during the vote, not even the office").isEqualTo(403);
        Elapse.voteOf(call.getJsonNumber("id").longValue());

        assertThat(Api.as(DemoUser.OFFICE_ADMIN).get("/api/budget/envelopes/" + nord + "/results").status())
                .as("the managers see a count once they have closed it").isEqualTo(403);
        assertThat(Api.as(DemoUser.OFFICE_ADMIN).post("/api/budget/envelopes/" + nord + "/count", "").status())
                .isEqualTo(204);
        Reply results = Api.as(DemoUser.OFFICE_ADMIN).get("/api/budget/envelopes/" + nord + "/results");
        assertThat(results.status()).as(results.body()).isEqualTo(200);
        JsonObject scores = results.json().getJsonObject("scores");
        assertThat(scores.getJsonNumber(String.valueOf(projects.get(0))).longValue()).isEqualTo(1);
        assertThat(scores.getJsonNumber(String.valueOf(projects.get(1))).longValue()).isEqualTo(1);
        assertThat(scores.getJsonNumber(String.valueOf(projects.get(2))).longValue()).isZero();
    }

    @Test
    void theTurnoutCountsTheResidentsRegisteredInKeycloak() {
        // a call whose vote is over and whose results are out, without a ballot
        String name = "Budget " + UUID.randomUUID().toString().substring(0, 6);
        Reply created = Api.as(DemoUser.OFFICE_ADMIN).post("/api/budget/calls",
                call(name, Instant.now().minus(12, ChronoUnit.DAYS)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        // the demo realm: Nord has the resident and the agent (staff, not a resident), Sud one resident, Centre
        // only the moderator and the office
        JsonObject nord = results(envelope(created.json(), "nord")).getJsonObject("turnout");
        assertThat(nord.getJsonNumber("ballots").longValue()).isZero();
        assertThat(nord.getJsonNumber("population").longValue()).isEqualTo(61_500L);
        assertThat(nord.getJsonNumber("registeredResidents").longValue()).isEqualTo(1L);
        assertThat(nord.getJsonNumber("ofRegistered").bigDecimalValue()).isEqualByComparingTo("0");
        assertThat(results(envelope(created.json(), "sud")).getJsonObject("turnout")
                .getJsonNumber("registeredResidents").longValue()).isEqualTo(1L);
        JsonObject centre = results(envelope(created.json(), "centre")).getJsonObject("turnout");
        assertThat(centre.getJsonNumber("registeredResidents").longValue()).isZero();
        assertThat(centre.get("ofRegistered")).isIn(null, JsonValue.NULL); // no percentage of nobody
        // the city-wide envelope: every district's (Ouest's grows when a browser test registers someone)
        assertThat(results(envelope(created.json(), null)).getJsonObject("turnout")
                .getJsonNumber("registeredResidents").longValue()).isGreaterThanOrEqualTo(2L);
    }

    private static JsonObject results(long envelope) {
        Reply results = Api.anonymous().get("/api/budget/envelopes/" + envelope + "/results");
        assertThat(results.status()).as(results.body()).isEqualTo(200);
        return results.json();
    }

    @Test
    void residentsAndStaffDiscussAProjectAndAnyoneReadsTheThread() {
        String name = "Budget " + UUID.randomUUID().toString().substring(0, 6);
        Reply created = Api.as(DemoUser.OFFICE_ADMIN).post("/api/budget/calls", call(name, Instant.now().plus(5, ChronoUnit.DAYS)));
        long nord = envelope(created.json(), "nord");
        long garden = Api.as(DemoUser.AGENT).post("/api/budget/envelopes/" + nord + "/projects",
                "{\"title\": \"Un jardin\", \"cost\": 40000}").json().getJsonNumber("id").longValue();
        long benches = Api.as(DemoUser.AGENT).post("/api/budget/envelopes/" + nord + "/projects",
                "{\"title\": \"Des bancs\", \"cost\": 20000}").json().getJsonNumber("id").longValue();
        String comments = "/api/budget/projects/" + garden + "/comments";

        Reply first = Api.as(DemoUser.RESIDENT).post(comments,
                "{\"body\": \"<p>Où seront les bacs ?<script>alert(1)</script></p>\"}");
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().getString("body")).isEqualTo("<p>Où seront les bacs ?</p>");
        long question = first.json().getJsonNumber("id").longValue();
        Reply answer = Api.as(DemoUser.AGENT).post(comments,
                "{\"body\": \"<p>Le long du mur.</p>\", \"parent\": %d}".formatted(question));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        assertThat(answer.json().getString("badge")).isEqualTo("TOWN_HALL");
        assertThat(answer.json().getString("badgeText")).isEqualTo("Mairie");
        long reply = answer.json().getJsonNumber("id").longValue();
        long deepest = Api.as(DemoUser.RESIDENT).post(comments, "{\"body\": \"Merci\", \"parent\": %d}".formatted(reply))
                .json().getJsonNumber("id").longValue();

        Reply empty = Api.as(DemoUser.RESIDENT).post(comments, "{\"body\": \"<p><br></p>\"}");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().getString("field")).isEqualTo("body");
        assertThat(empty.json().getString("detail")).isEqualTo("Écrivez votre commentaire.");
        Reply tooDeep = Api.as(DemoUser.RESIDENT).inEnglish().post(comments,
                "{\"body\": \"Encore\", \"parent\": %d}".formatted(deepest));
        assertThat(tooDeep.status()).isEqualTo(400);
        assertThat(tooDeep.json().getString("field")).isEqualTo("parent");
        assertThat(tooDeep.json().getString("detail")).startsWith("Replies go 3 levels deep at most");
        Reply elsewhere = Api.as(DemoUser.RESIDENT).post("/api/budget/projects/" + benches + "/comments",
                "{\"body\": \"Ailleurs\", \"parent\": %d}".formatted(question));
        assertThat(elsewhere.status()).isEqualTo(400);
        assertThat(Api.anonymous().post(comments, "{\"body\": \"Anonyme\"}").status()).isEqualTo(401);
        assertThat(Api.as(DemoUser.ANALYST).post(comments, "{\"body\": \"Chiffres\"}").status()).isEqualTo(403);
        assertThat(Api.anonymous().get("/api/budget/projects/987654/comments").status()).isEqualTo(404);

        JsonObject thread = Api.anonymous().get(comments).json();
        assertThat(thread.getBoolean("open")).isTrue();
        assertThat(thread.getJsonNumber("count").longValue()).isEqualTo(3);
        assertThat(thread.getJsonArray("comments").getValuesAs(JsonObject.class))
                .extracting(c -> c.getJsonNumber("id").longValue()).containsExactly(question, reply, deepest);
        assertThat(Api.anonymous().get("/api/budget/projects/" + benches + "/comments").json()
                .getJsonArray("comments")).isEmpty();
    }

    @Test
    void simultaneousBallotsFromOneResidentStoreExactlyOne() throws InterruptedException {
        List<Long> city = new ArrayList<>();
        JsonObject call = openVote(new ArrayList<>(), city);
        String ballot = "/api/budget/envelopes/" + envelope(call, null) + "/ballot";
        String token = Platform.token(DemoUser.RESIDENT);
        List<Integer> statuses = Simultaneous.statuses(12,
                () -> Api.withToken(token).put(ballot, "{\"projects\": [%d]}".formatted(city.get(0))).status());

        assertThat(statuses).containsOnly(204, 409);
        assertThat(statuses).filteredOn(s -> s == 204).hasSize(1);
    }

    /**
     * A file whose rule the platform cannot count is imported with the rule's name and not counted (409, naming the
     * rule) until the office picks one with {@code PUT .../rule}; then the results say which rule counted, and the rule
     * no longer changes.
     */
    @Test
    void aFileWithARuleThePlatformCannotCountIsCountedOnceTheOfficePicksARule() {
        String file = "META\nkey;value\ndescription;Test\ncountry;Poland\nbudget;100\nvote_type;approval\n"
                + "rule;greedy-threshold\nnum_votes;3\nPROJECTS\nproject_id;cost;name\np1;60;Park\np2;50;Bench\n"
                + "p3;40;Trees\nVOTES\nvoter_id;vote\nv1;p1,p3\nv2;p1\nv3;p2,p3\n";
        String body = Json.createObjectBuilder().add("name", "Threshold " + UUID.randomUUID().toString().substring(0, 6))
                .add("year", 2024).add("pabulib", file).build().toString();
        Reply imported = Api.as(DemoUser.OFFICE_ADMIN).post("/api/budget/calls/import", body);
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        long envelope = imported.json().getJsonNumber("id").longValue();

        Reply notCounted = Api.anonymous().get("/api/budget/envelopes/" + envelope + "/results");
        assertThat(notCounted.status()).isEqualTo(409);
        assertThat(notCounted.json().getString("detail")).contains("« greedy-threshold »");
        assertThat(Api.as(DemoUser.AGENT).put("/api/budget/envelopes/" + envelope + "/rule", "{\"rule\": \"GREEDY\"}")
                .status()).isEqualTo(403);
        Reply page = Api.anonymous().get("/budget/results.xhtml?envelope=" + envelope);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"rule-unknown\"").contains("« greedy-threshold »")
                .doesNotContain("id=\"results\"").doesNotContain("id=\"choose-rule\""); // the form is the office's

        Reply chosen = Api.as(DemoUser.OFFICE_ADMIN).put("/api/budget/envelopes/" + envelope + "/rule",
                "{\"rule\": \"GREEDY\"}");
        assertThat(chosen.status()).as(chosen.body()).isEqualTo(200);
        JsonObject results = Api.anonymous().get("/api/budget/envelopes/" + envelope + "/results").json();
        assertThat(results.getString("rule")).isEqualTo("GREEDY");
        assertThat(results.getString("fileRule")).isEqualTo("greedy-threshold");
        assertThat(results.getBoolean("ruleChosenByOffice")).isTrue();
        assertThat(results.getJsonArray("winners")).hasSize(2); // p3 (2 votes, 40), p1 (2 votes, 60): 100
        assertThat(results.getJsonNumber("spent").longValue()).isEqualTo(100);
        assertThat(Api.as(DemoUser.OFFICE_ADMIN).put("/api/budget/envelopes/" + envelope + "/rule",
                "{\"rule\": \"EQUAL_SHARES\"}").status()).isEqualTo(409);
        String counted = Api.anonymous().get("/budget/results.xhtml?envelope=" + envelope).body();
        assertThat(counted).contains("id=\"results\"").contains("id=\"rule-chosen\"").contains("« greedy-threshold »")
                .contains("3 votant(s) dans le fichier importé, qui annonce 3 bulletins (num_votes)")
                .doesNotContain("id=\"turnout\"").doesNotContain("id=\"turnout-registered\"");
        assertThat(Api.anonymous().get("/api/budget/envelopes/" + envelope + "/pabulib").body())
                .contains("\nrule;greedy-threshold\n").contains("\np1;60;Park;");
    }

    @Test
    void aRealElectionIsImportedCountedAndExportedAgain() throws IOException {
        String toulouse;
        try (InputStream in = BudgetApiTests.class.getResourceAsStream("/pabulib/France_Toulouse_2019.pb")) {
            toulouse = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String body = Json.createObjectBuilder().add("name", "Toulouse " + UUID.randomUUID().toString().substring(0, 6))
                .add("year", 2019).add("pabulib", toulouse).build().toString();
        assertThat(Api.as(DemoUser.AGENT).post("/api/budget/calls/import", body).status()).isEqualTo(403);

        Reply imported = Api.as(DemoUser.OFFICE_ADMIN).post("/api/budget/calls/import", body);
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        long envelope = imported.json().getJsonNumber("id").longValue();

        JsonObject results = Api.anonymous().get("/api/budget/envelopes/" + envelope + "/results").json();
        assertThat(results.getString("rule")).isEqualTo("GREEDY");
        assertThat(results.getJsonArray("winners")).isNotEmpty();
        assertThat(results.getJsonNumber("spent").longValue() + results.getJsonNumber("leftover").longValue())
                .isEqualTo(1_000_000L);
        assertThat(results.getString("explained")).startsWith("Les projets sont retenus du plus soutenu");
        assertThat(results.getString("fileRule")).isEqualTo("greedy");
        assertThat(results.getBoolean("ruleChosenByOffice")).isFalse();
        assertThat(results.getJsonObject("fileCounts").getJsonNumber("voters").longValue()).isEqualTo(1494);
        assertThat(results.getJsonObject("fileCounts").getJsonNumber("numVotes").longValue()).isEqualTo(1494);
        assertThat(results.get("turnout")).as("no share of this city's residents").isIn(null, JsonValue.NULL);

        Reply exported = Api.anonymous().get("/api/budget/envelopes/" + envelope + "/pabulib");
        assertThat(exported.status()).isEqualTo(200);
        assertThat(exported.body()).startsWith("META\n").contains("\nPROJECTS\n").contains("\nVOTES\n")
                .contains("vote_type;cumulative").contains("rule;greedy").contains("\nunit;Toulouse\n")
                .contains("\ndate_begin;11.09.2019\n").contains("\n4;390000;471;1090;Tous à la Ramée à vélo !");

        String malformed = Json.createObjectBuilder().add("name", "Cassé").add("year", 2019)
                .add("pabulib", "META\nkey;value\nbudget;1000\nvote_type;approval\nPROJECTS\nproject_id;cost\n1;abc\n").build().toString();
        Reply refused = Api.as(DemoUser.OFFICE_ADMIN).post("/api/budget/calls/import", malformed);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().getString("detail")).startsWith("Ligne 7 :");
        assertThat(Api.anonymous().get("/api/budget/calls").array().getValuesAs(JsonObject.class))
                .extracting(c -> c.getString("name")).doesNotContain("Cassé");
    }
}
