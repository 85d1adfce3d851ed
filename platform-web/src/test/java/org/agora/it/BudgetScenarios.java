package org.agora.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;
import org.agora.it.Api.Reply;
import org.agora.it.Platform.DemoUser;

/**
 * The state a stage of the budget journey starts from, set up through the REST API as the office's and the agents'
 * forms would: a knapsack call of its own (a unique name) in the phase the stage needs, projects on its ballot,
 * comments, ballots online, at the desk and on paper. Nothing of the demo data is changed.
 */
final class BudgetScenarios {

    /** A call of the tests: its id, its name and its envelopes as the API returned them. */
    record Call(long id, String name, JsonObject json) {

        long envelope(String district) {
            return BudgetScenarios.envelope(json, district);
        }

        /** Its calendar moved so that the review is under way (the office's form would). */
        Call inReview() {
            Instant now = Instant.now();
            return move(callJson(name, now.minusSeconds(60), now.plus(1, ChronoUnit.DAYS), now.plus(1, ChronoUnit.DAYS),
                    now.plus(2, ChronoUnit.DAYS)));
        }

        /** Its calendar moved so that the vote is open for a day. */
        Call inVote() {
            Instant now = Instant.now();
            return move(callJson(name, now.minus(2, ChronoUnit.HOURS), now.minusSeconds(60), now.minusSeconds(30),
                    now.plus(1, ChronoUnit.DAYS)));
        }

        private Call move(String body) {
            Reply moved = Api.as(DemoUser.OFFICE_ADMIN).put("/api/budget/calls/" + id, body);
            assertThat(moved.status()).as(moved.body()).isEqualTo(200);
            return new Call(id, name, moved.json());
        }
    }

    /** Nord's ballot of the journey once reviewed: the garden at its revised cost, the benches, the cycle lane. */
    record NordBallot(Call call, long nord, long garden, long benches, long lane) {
    }

    private BudgetScenarios() {
    }

    /** A knapsack call (greedy count) whose four phases are placed around now as the stage needs. */
    static String callJson(String name, Instant submissionEnd, Instant reviewEnd, Instant voteStart, Instant voteEnd) {
        return callJson(name, submissionEnd.minus(3, ChronoUnit.DAYS), submissionEnd, reviewEnd, voteStart, voteEnd,
                voteEnd, voteEnd.plus(30, ChronoUnit.DAYS), null);
    }

    /**
     * A knapsack call (greedy count) of 1,000,000 for the five districts (150,000 each) and the whole city (250,000),
     * with these dates (the review starts when the submission ends) and, if not null, this minimum age.
     */
    static String callJson(String name, Instant submissionStart, Instant submissionEnd, Instant reviewEnd,
                           Instant voteStart, Instant voteEnd, Instant resultsFrom, Instant implementationFrom,
                           Integer minimumAge) {
        return """
                {"name": "%s", "year": 2027, "total": 1000000, "tallyRule": "GREEDY", "minimumAge": %s,
                 "votingRule": {"kind": "KNAPSACK"},
                 "envelopes": [{"district": "centre", "amount": 150000}, {"district": "nord", "amount": 150000},
                               {"district": "sud", "amount": 150000}, {"district": "est", "amount": 150000},
                               {"district": "ouest", "amount": 150000}, {"district": null, "amount": 250000}],
                 "phases": {"submissionStart": "%s", "submissionEnd": "%s", "reviewStart": "%s", "reviewEnd": "%s",
                            "voteStart": "%s", "voteEnd": "%s", "resultsFrom": "%s", "implementationFrom": "%s"}}"""
                .formatted(name, minimumAge, submissionStart, submissionEnd, submissionEnd, reviewEnd, voteStart,
                        voteEnd, resultsFrom, implementationFrom);
    }

    static long envelope(JsonObject call, String district) {
        return call.getJsonArray("envelopes").getValuesAs(JsonObject.class).stream()
                .filter(e -> Objects.equals(district, e.getString("district", null)))
                .findFirst().orElseThrow().getJsonNumber("id").longValue();
    }

    static String uniqueName(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 6);
    }

    /** A new call of its own, open for projects for a day (review the next day, vote the day after). */
    static Call openForProjects() {
        String name = uniqueName("Budget");
        Instant now = Instant.now();
        Reply created = Api.as(DemoUser.OFFICE_ADMIN).post("/api/budget/calls", callJson(name,
                now.plus(1, ChronoUnit.DAYS), now.plus(2, ChronoUnit.DAYS), now.plus(2, ChronoUnit.DAYS),
                now.plus(3, ChronoUnit.DAYS)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new Call(created.json().getJsonNumber("id").longValue(), name, created.json());
    }

    /** A project the district's agent puts on the ballot (before the vote). */
    static long onBallot(long envelope, String title, long cost) {
        Reply added = Api.as(DemoUser.AGENT).post("/api/budget/envelopes/" + envelope + "/projects",
                "{\"title\": \"%s\", \"cost\": %d}".formatted(title, cost));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        return added.json().getJsonNumber("id").longValue();
    }

    /**
     * A call whose vote is open with Nord's ballot as the journey's review leaves it: "Un jardin partagé rue des
     * Lilas" at 42,000, "Des bancs au square" at 20,000 and "Une piste cyclable" at 120,000 (Nord's envelope: 150,000).
     */
    static NordBallot voteOpenInNord() {
        Call call = openForProjects().inReview();
        long nord = call.envelope("nord");
        long garden = onBallot(nord, "Un jardin partagé rue des Lilas", 42000);
        long benches = onBallot(nord, "Des bancs au square", 20000);
        long lane = onBallot(nord, "Une piste cyclable", 120000);
        return new NordBallot(call.inVote(), nord, garden, benches, lane);
    }

    /** A comment on a project, or a reply to {@code parent}; its id. */
    static long comment(DemoUser author, long project, String body, Long parent) {
        String json = jakarta.json.Json.createObjectBuilder().add("body", body).build().toString();
        if (parent != null) {
            json = json.substring(0, json.length() - 1) + ", \"parent\": " + parent + "}";
        }
        Reply posted = Api.as(author).post("/api/budget/projects/" + project + "/comments", json);
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        return posted.json().getJsonNumber("id").longValue();
    }

    /** The resident's own ballot, cast online. */
    static void votesOnline(long envelope, long... projects) {
        Reply cast = Api.as(DemoUser.RESIDENT).put("/api/budget/envelopes/" + envelope + "/ballot", ballot(projects));
        assertThat(cast.status()).as(cast.body()).isEqualTo(204);
    }

    /** A person without an account entered on Nord's register by the agent; their id on the register. */
    static long registeredInNord(String fullName, String birthDate) {
        Reply entered = Api.as(DemoUser.AGENT).post("/api/register",
                "{\"fullName\": \"%s\", \"birthDate\": \"%s\", \"district\": \"nord\", \"duplicatesChecked\": true}"
                        .formatted(fullName, birthDate));
        assertThat(entered.status()).as(entered.body()).isEqualTo(201);
        return entered.json().getJsonNumber("id").longValue();
    }

    /** The ballot of a person on the register, entered at a town-hall desk. */
    static void votesAtTheDesk(long envelope, long person, long... projects) {
        Reply cast = Api.as(DemoUser.AGENT).put("/api/budget/envelopes/" + envelope + "/desk/" + person, ballot(projects));
        assertThat(cast.status()).as(cast.body()).isEqualTo(204);
    }

    /** A person on the register marked as a paper voter, and one paper ballot entered in a batch. */
    static void votesOnPaper(long envelope, long person, long... projects) {
        Api agent = Api.as(DemoUser.AGENT);
        Reply marked = agent.put("/api/budget/envelopes/" + envelope + "/paper-voters/" + person, "");
        assertThat(marked.status()).as(marked.body()).isEqualTo(204);
        Reply batch = agent.put("/api/budget/envelopes/" + envelope + "/paper-batches/" + UUID.randomUUID(),
                "{\"ballots\": [%s]}".formatted(ballot(projects)));
        assertThat(batch.status()).as(batch.body()).isEqualTo(200);
    }

    private static String ballot(long... projects) {
        return "{\"projects\": %s}".formatted(java.util.Arrays.toString(projects));
    }
}
