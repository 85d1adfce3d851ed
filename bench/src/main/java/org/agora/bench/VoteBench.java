package org.agora.bench;

import static org.agora.bench.BenchConsole.say;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.agora.bench.Keycloak.Resident;
import org.agora.budget.counting.ProjectId;
import org.agora.budget.counting.Tally;
import org.agora.budget.counting.TallyRule;
import org.agora.budget.opendata.PabulibElection;
import org.agora.budget.opendata.PabulibFile;

/**
 * The vote benchmark (issues 5 and 12), run by bench/run against a Keycloak and a Payara Micro it started on
 * PostgreSQL, ballots sealed: residents arrive at a steady rate (open loop, Poisson) and vote over HTTP; at saturation
 * the vote is weighed against an authenticated request that does nothing, and pgbench does the same writes; the vote
 * ends and every envelope is unsealed and counted; a million sealed ballots are unsealed and counted against the raw
 * SQL aggregate; Equal Shares counts real elections. Every figure printed is measured in this run; a check that fails
 * ends the run with exit code 1.
 */
public final class VoteBench {

    /** Four more districts for the demo city's five: nine district envelopes. */
    private static final List<String[]> NEW_DISTRICTS = List.of(
            new String[]{"port", "Port", "41000"}, new String[]{"gare", "Gare", "38000"},
            new String[]{"colline", "Colline", "29000"}, new String[]{"lac", "Lac", "33000"});
    private static final long ENVELOPE = 600_000;
    private static final String PROBLEM = "FAILED";

    private final Http http = new Http();
    private final String app = System.getProperty("bench.app", "http://127.0.0.1:8090");
    private final Keycloak keycloak = new Keycloak(http, System.getProperty("bench.keycloak", "http://127.0.0.1:8183"));
    private final Schema db = new Schema(System.getProperty("bench.jdbc"), System.getProperty("bench.db.user", "postgres"),
            System.getProperty("bench.db.password", ""));
    private final List<Integer> levels = Arrays.stream(System.getProperty("bench.levels", "16,64").split(","))
            .map(String::trim).map(Integer::valueOf).toList();
    private final int votersPerLevel = Integer.getInteger("bench.voters-per-level", 2000);
    private final double openRate = Double.parseDouble(System.getProperty("bench.open-rate", "200"));
    private final int openSeconds = Integer.getInteger("bench.open-seconds", 180);
    private final int callCount = Integer.getInteger("bench.calls", 8);
    private final List<Long> calls = new ArrayList<>();
    private final Map<Long, Map<String, Long>> envelopesByCall = new HashMap<>();
    private final int probeConnections = Integer.getInteger("bench.probe-connections", 32);
    private final int probeIdle = Integer.getInteger("bench.probe-idle", 40);
    private final String sealingSecret = System.getProperty("bench.sealing-secret", System.getenv("AGORA_BALLOTS_SEALING_SECRET"));
    private final int warmupVoters = Integer.getInteger("bench.warmup-voters", 1000);
    private final int projectCount = Integer.getInteger("bench.projects", 500);
    private final int tallyBallots = Integer.getInteger("bench.tally-ballots", 1_000_000);
    private final int pgbenchSeconds = Integer.getInteger("bench.pgbench-seconds", 20);
    private final int pgbenchMaxClients = Integer.getInteger("bench.pgbench-max-clients", 32);
    private final int tallyRepeats = Integer.getInteger("bench.tally-repeats", 5);
    private final List<Path> pabulib = Arrays.stream(System.getProperty("bench.pabulib", "").split(","))
            .map(String::trim).filter(s -> !s.isEmpty()).map(Path::of).toList();
    private final int equalSharesTimeout = Integer.getInteger("bench.equal-shares-timeout", 300);
    private final PgBench pgbench = new PgBench(Path.of(System.getProperty("bench.work", ".work/bench")).resolve("pgbench"),
            System.getProperty("bench.pg.host", "127.0.0.1"), Integer.getInteger("bench.pg.port", 5432),
            System.getProperty("bench.db.user", "postgres"), System.getProperty("bench.pg.database", "test"),
            System.getProperty("bench.schema", "agora_bench"));
    private final long appPid = Long.getLong("bench.app-pid", 0);
    private final Random random = new Random(Long.getLong("bench.seed", 2026));
    private final BenchConsole console = new BenchConsole();
    private final List<String> failures = new ArrayList<>();

    private String officeToken;
    private long officeTokenAt;
    private long voteCall;
    private final Map<String, Long> envelopeOf = new TreeMap<>();
    private final Map<Long, List<Long>> projectsOf = new LinkedHashMap<>();
    private long votesAccepted;
    private long pgbenchTransactions;
    private long[] openSchedule;
    private final Map<String, String> tokenOf = new HashMap<>();
    /** By envelope, the votes per project of the ballots the app acknowledged: what its count must give. */
    private final Map<Long, Map<Long, Long>> expected = new HashMap<>();
    /** By envelope, the cost of each project on its ballot. */
    private final Map<Long, Map<Long, Long>> costsOf = new HashMap<>();

    public static void main(String[] args) throws Exception {
        VoteBench bench = new VoteBench();
        try {
            bench.run();
        } catch (Exception | AssertionError e) {
            System.out.println();
            System.out.println(PROBLEM + ": " + e);
            e.printStackTrace(System.out);
            System.exit(1);
        }
        System.exit(bench.failures.isEmpty() ? 0 : 1);
    }


    private void run() throws Exception {
        if (sealingSecret == null || sealingSecret.isBlank()) {
            throw new IllegalStateException("the app's sealing secret is needed (bench.sealing-secret)");
        }
        openSchedule = OpenLoop.schedule(openRate, openSeconds, Long.getLong("bench.seed", 2026));
        territory();
        List<Resident> residents = residents();
        openVote();
        tokens(residents);
        keepAliveProbe();
        // every resident votes once in each call, in a shuffled order: a resident's first vote enlists them
        List<Ticket> tickets = new ArrayList<>();
        for (long call : calls) {
            residents.forEach(r -> tickets.add(new Ticket(r, call)));
        }
        java.util.Collections.shuffle(tickets, random);
        int from = 0;
        List<Ticket> warmup = tickets.subList(from, from += warmupVoters);
        List<Ticket> open = tickets.subList(from, from += openSchedule.length);
        List<List<Ticket>> perLevel = new ArrayList<>();
        for (int level : levels) {
            perLevel.add(tickets.subList(from, from += votersPerLevel));
        }
        votes(warmup, open, perLevel);
        endVoteAndCount();
        tally();
        equalShares();
        say("");
        say("== Summary ==");
        console.summary().forEach(line -> say("  %s", line));
        if (!failures.isEmpty()) {
            say("");
            failures.forEach(f -> say(PROBLEM + ": " + f));
        }
    }

    // ------------------------------------------------------------------------------------------ seeding

    /** The office's token, fetched again before it expires (Keycloak gives 5 minutes). */
    private String office() {
        if (officeToken == null || System.nanoTime() - officeTokenAt > TimeUnit.MINUTES.toNanos(3)) {
            officeToken = keycloak.token("officeadmin", "Officeadmin-2026");
            officeTokenAt = System.nanoTime();
        }
        return officeToken;
    }

    private void territory() {
        for (String[] d : NEW_DISTRICTS) {
            http.json("POST", app + "/api/districts", office(),
                    Json.createObjectBuilder().add("code", d[0]).add("name", d[1]).add("population", Integer.parseInt(d[2]))
                            .build().toString()).expect(201, "district " + d[0]);
        }
        List<String> codes = http.get(app + "/api/districts", null).expect(200, "districts").array()
                .getValuesAs(JsonObject.class).stream().map(o -> o.getString("code")).sorted().toList();
        if (codes.size() != 9) {
            throw new IllegalStateException("9 districts expected, the API lists " + codes);
        }
        say("Territory: %d districts through the API as officeadmin (%s)", codes.size(), String.join(", ", codes));
        codes.forEach(c -> envelopeOf.put(c, null));
    }

    private List<Resident> residents() throws Exception {
        keycloak.allowDistricts(NEW_DISTRICTS.stream().map(d -> d[0]).toList());
        String policy = keycloak.cheapPasswordHashes(Integer.getInteger("bench.hash-iterations", 1000));
        int lifespan = keycloak.longTokens(Integer.getInteger("bench.token-lifespan", 3 * 3600));
        List<String> districts = new ArrayList<>(envelopeOf.keySet());
        int votes = warmupVoters + openSchedule.length + votersPerLevel * levels.size();
        int total = (votes + callCount - 1) / callCount;
        List<Resident> residents = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            residents.add(new Resident(String.format(Locale.ROOT, "bench-%05d", i + 1), districts.get(i % districts.size())));
        }
        long start = System.nanoTime();
        keycloak.create(residents);
        say("%d votes to cast in %d calls: %d residents", votes, callCount, total);
        say("Keycloak: %d residents created through the admin REST API in %.1f s (password policy of this"
                + " Keycloak only: %s; access tokens valid %d s)", total, (System.nanoTime() - start) / 1e9, policy, lifespan);
        return residents;
    }

    static String call(String name, Instant voteStart, Instant voteEnd, Instant resultsFrom, String tallyRule,
                               Map<String, Long> envelopes) {
        Instant submission = voteStart.minus(30, ChronoUnit.DAYS);
        JsonArrayBuilder list = Json.createArrayBuilder();
        envelopes.forEach((district, amount) -> list.add(Json.createObjectBuilder().add("district", district).add("amount", amount)));
        return Json.createObjectBuilder().add("name", name).add("year", 2027)
                .add("total", envelopes.values().stream().mapToLong(Long::longValue).sum())
                .add("tallyRule", tallyRule).add("votingRule", Json.createObjectBuilder().add("kind", "KNAPSACK"))
                .add("envelopes", list)
                .add("phases", Json.createObjectBuilder()
                        .add("submissionStart", submission.toString())
                        .add("submissionEnd", submission.plus(10, ChronoUnit.DAYS).toString())
                        .add("reviewStart", submission.plus(10, ChronoUnit.DAYS).toString())
                        .add("reviewEnd", submission.plus(20, ChronoUnit.DAYS).toString())
                        .add("voteStart", voteStart.toString()).add("voteEnd", voteEnd.toString())
                        .add("resultsFrom", resultsFrom.toString())
                        .add("implementationFrom", resultsFrom.plus(60, ChronoUnit.DAYS).toString()))
                .build().toString();
    }

    static Map<String, Long> envelopeIds(JsonObject call) {
        Map<String, Long> ids = new TreeMap<>();
        for (JsonObject e : call.getJsonArray("envelopes").getValuesAs(JsonObject.class)) {
            ids.put(e.getString("district"), e.getJsonNumber("id").longValue());
        }
        return ids;
    }

    /** Adds projects (costs of at most a third of the envelope: any three fit a knapsack ballot) to an envelope. */
    private void addProjects(long envelope, int count, String prefix) {
        for (int i = 0; i < count; i++) {
            long cost = 10_000 + 1_000L * random.nextInt(191); // 10,000 .. 200,000
            http.json("POST", app + "/api/budget/envelopes/" + envelope + "/projects", office(),
                    Json.createObjectBuilder().add("title", prefix + " " + (i + 1)).add("cost", cost).build().toString())
                    .expect(201, "project");
        }
    }

    /** The projects on an envelope's ballot and their costs, in the API's order. */
    private Map<Long, Long> costsOfBallot(long envelope) {
        Map<Long, Long> costs = new LinkedHashMap<>();
        http.get(app + "/api/budget/envelopes/" + envelope + "/projects", null).expect(200, "ballot").array()
                .getValuesAs(JsonObject.class).forEach(p -> costs.put(p.getJsonNumber("id").longValue(),
                        p.getJsonNumber("cost").longValue()));
        return costs;
    }

    /**
     * The call voted in: 9 district envelopes, 500 projects in all, knapsack ballots, greedy count; its vote opened ten
     * minutes ago (as in a vote that has been running for a while: the app keeps the locked terms of a ballot only
     * once the vote has been open longer than the clocks of two instances may differ, a minute).
     */
    private void openVote() throws Exception {
        long start = System.nanoTime();
        for (int c = 0; c < callCount; c++) {
            Map<String, Long> envelopes = openCall(c == 0 ? "Budget du banc d'essai" : "Budget du banc d'essai " + (c + 1));
            if (c == 0) {
                envelopeOf.putAll(envelopes);
                voteCall = calls.get(0);
                Map<Long, List<Long>> main = new LinkedHashMap<>();
                envelopes.values().forEach(e -> main.put(e, projectsOf.get(e)));
                pgbench.prepare(main);
            }
        }
        say("Vote calls %s: %d district envelopes of %,d each, %d projects each, added through the API in %.1f s;"
                + " knapsack ballots, greedy count; votes open (each resident votes once in each call)", calls,
                envelopeOf.size(), ENVELOPE, projectCount, (System.nanoTime() - start) / 1e9);
    }

    /** One call with a district envelope per district and its projects, its vote open since ten minutes. */
    private Map<String, Long> openCall(String name) throws Exception {
        Map<String, Long> amounts = new TreeMap<>();
        envelopeOf.keySet().forEach(d -> amounts.put(d, ENVELOPE));
        Instant later = Instant.now().plus(5, ChronoUnit.DAYS);
        JsonObject created = http.json("POST", app + "/api/budget/calls", office(),
                call(name, later, later.plus(10, ChronoUnit.DAYS), later.plus(11, ChronoUnit.DAYS), "GREEDY", amounts))
                .expect(201, "vote call").json();
        long id = created.getJsonNumber("id").longValue();
        Map<String, Long> ids = envelopeIds(created);
        List<String> districts = new ArrayList<>(ids.keySet());
        for (int d = 0; d < districts.size(); d++) {
            int share = projectCount / districts.size() + (d < projectCount % districts.size() ? 1 : 0);
            addProjects(ids.get(districts.get(d)), share, "Projet " + districts.get(d));
        }
        Instant now = Instant.now();
        JsonObject opened = http.json("PUT", app + "/api/budget/calls/" + id, office(),
                call(name, now.minus(10, ChronoUnit.MINUTES), now.plus(1, ChronoUnit.DAYS), now.plus(2, ChronoUnit.DAYS),
                        "GREEDY", amounts))
                .expect(200, "vote opened").json();
        Map<String, Long> envelopes = envelopeIds(opened);
        int projects = 0;
        for (long envelope : envelopes.values()) {
            Map<Long, Long> costs = costsOfBallot(envelope);
            costsOf.put(envelope, costs);
            projectsOf.put(envelope, new ArrayList<>(costs.keySet()));
            projects += costs.size();
        }
        if (projects != projectCount) {
            throw new IllegalStateException(projectCount + " projects expected on the ballots, found " + projects);
        }
        calls.add(id);
        envelopesByCall.put(id, envelopes);
        return envelopes;
    }

    // ------------------------------------------------------------------------------------------ votes

    /** One voter's ballot, built before the clock starts: three distinct projects of their envelope. */
    private record Vote(long envelope, List<Long> projects, HttpRequest request) {
    }

    /** A resident's vote in one of the calls. */
    record Ticket(Resident resident, long call) {
    }

    private Vote vote(Ticket ticket) {
        Resident resident = ticket.resident();
        String token = tokenOf.get(resident.username());
        long envelope = envelopesByCall.get(ticket.call()).get(resident.district());
        List<Long> ballot = new ArrayList<>(projectsOf.get(envelope));
        java.util.Collections.shuffle(ballot, random);
        List<Long> chosen = List.copyOf(ballot.subList(0, 3));
        String body = Json.createObjectBuilder().add("projects", Json.createArrayBuilder(chosen)).build().toString();
        return new Vote(envelope, chosen, http.prepared("PUT", app + "/api/budget/envelopes/" + envelope + "/ballot", token, body));
    }

    /** An authenticated request that does nothing, with the same token and a body like a ballot's. */
    private HttpRequest ping(String token) {
        return http.prepared("PUT", app + "/api/ping", token, "{\"projects\":[1,2,3]}");
    }

    private List<Vote> votesOf(List<Ticket> voters) {
        List<Vote> votes = new ArrayList<>(voters.size());
        for (Ticket t : voters) {
            votes.add(vote(t));
        }
        return votes;
    }

    /** The ballots the app acknowledged (204), added to what each envelope's count must give. */
    private void acknowledged(List<Vote> votes, int[] statuses) {
        for (int i = 0; i < votes.size(); i++) {
            if (statuses[i] == 204) {
                Map<Long, Long> scores = expected.computeIfAbsent(votes.get(i).envelope(), e -> new HashMap<>());
                votes.get(i).projects().forEach(p -> scores.merge(p, 1L, Long::sum));
                votesAccepted++;
            }
        }
    }

    private record Round(String what, int concurrency, int answered, double seconds, Latencies latencies,
                         Map<Integer, Integer> statuses, int[] byRequest, double appCpuMillis, double appDbCpuMillis,
                         double generatorCpuMillis) {

        double perSecond() {
            return answered / seconds;
        }

        String cpu() {
            return String.format(Locale.ROOT, "CPU per %s: app %.2f ms, its PostgreSQL backends %.2f ms, load generator"
                    + " %.2f ms", what, appCpuMillis / answered, appDbCpuMillis / answered, generatorCpuMillis / answered);
        }
    }

    /** The CPU the app, its PostgreSQL backends and this JVM use while {@code work} runs. */
    private interface Timed<T> {
        T run() throws Exception;
    }

    private record Measured<T>(T result, double appCpu, double appDbCpu, double generatorCpu) {
    }

    private <T> Measured<T> measured(Timed<T> work) throws Exception {
        try (java.sql.Connection c = db.connect();
             Cpu.Watch appDb = new Cpu.Watch(() -> {
                 try {
                     return db.backends(c, "agora-bench-app");
                 } catch (java.sql.SQLException e) {
                     return List.of();
                 }
             }, true)) {
            double appCpu = Cpu.millis(appPid);
            double generatorCpu = Cpu.self();
            T result = work.run();
            return new Measured<>(result, Cpu.millis(appPid) - appCpu, appDb.millis(), Cpu.self() - generatorCpu);
        }
    }

    /** Closed loop: {@code concurrency} clients, each sending its next request when the last one is answered. */
    private Round closedLoop(String what, List<HttpRequest> requests, int concurrency) throws Exception {
        long[] nanos = new long[requests.size()];
        int[] statuses = new int[requests.size()];
        Map<String, Integer> errors = new java.util.concurrent.ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        for (int t = 0; t < concurrency; t++) {
            pool.execute(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = next.getAndIncrement(); i < requests.size(); i = next.getAndIncrement()) {
                    long start = System.nanoTime();
                    try {
                        statuses[i] = http.send(requests.get(i)).status();
                    } catch (RuntimeException e) {
                        statuses[i] = -1; // no answer: the exchange failed (the counts check tells whether it was stored)
                        errors.merge(String.valueOf(e.getCause() == null ? e : e.getCause()), 1, Integer::sum);
                    }
                    nanos[i] = System.nanoTime() - start;
                }
            });
        }
        Measured<Double> m = measured(() -> {
            long start = System.nanoTime();
            go.countDown();
            pool.shutdown();
            if (!pool.awaitTermination(30, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the round of " + what + " at " + concurrency + " did not finish");
            }
            return (System.nanoTime() - start) / 1e9;
        });
        Map<Integer, Integer> byStatus = new TreeMap<>();
        for (int s : statuses) {
            byStatus.merge(s, 1, Integer::sum);
        }
        errors.forEach((error, times) -> say("  no answer (%d times): %s", times, error));
        return new Round(what, concurrency, byStatus.getOrDefault(204, 0), m.result(), new Latencies(nanos), byStatus,
                statuses, m.appCpu(), m.appDbCpu(), m.generatorCpu());
    }

    private Round voteRound(List<Vote> votes, int concurrency) throws Exception {
        Round r = closedLoop("ballot", votes.stream().map(Vote::request).toList(), concurrency);
        acknowledged(votes, r.byRequest());
        return r;
    }

    private Round pingRound(List<Ticket> voters, int concurrency) throws Exception {
        return closedLoop("ping", voters.stream().map(v -> ping(tokenOf.get(v.resident().username()))).toList(), concurrency);
    }

    /**
     * After each step: online ballots (sealed during the vote, plain after the count) equal the has-voted marks and the
     * distinct voters, overall and per envelope, and the marks of HTTP voters the ballots the app acknowledged.
     */
    private void check(String after, long pgbenchTransactions) throws Exception {
        Schema.Counts c = countsOfAllCalls();
        long benchMarks = db.marksOf("bench-");
        long pgbenchMarks = db.marksOf("pgbench-");
        boolean ok = c.ballots() == c.marks() && c.marks() == c.distinctVoters() && c.envelopesOff() == 0
                && benchMarks == votesAccepted && pgbenchMarks == pgbenchTransactions;
        say("  check after %s: %d online ballots (%d sealed, %d plain), %d has-voted marks, %d distinct voters, %d"
                        + " envelope(s) where they differ; %d marks of HTTP voters for %d ballots acknowledged, %d marks of"
                        + " pgbench for %d transactions: %s", after, c.ballots(), c.sealed(), c.ballots() - c.sealed(),
                c.marks(), c.distinctVoters(), c.envelopesOff(), benchMarks, votesAccepted, pgbenchMarks,
                pgbenchTransactions, ok ? "OK" : "MISMATCH");
        if (!ok) {
            throw new AssertionError("ballots and has-voted marks differ after " + after + ": " + c);
        }
    }

    /** The counts of every call voted in, summed; an envelope where they differ in any call counts. */
    private Schema.Counts countsOfAllCalls() throws Exception {
        long ballots = 0;
        long sealed = 0;
        long marks = 0;
        long distinct = 0;
        long off = 0;
        for (long call : calls) {
            Schema.Counts c = db.counts(call);
            ballots += c.ballots();
            sealed += c.sealed();
            marks += c.marks();
            distinct += c.distinctVoters();
            off += c.envelopesOff();
        }
        return new Schema.Counts(ballots, sealed, marks, distinct, off);
    }

    /** Keycloak tokens of every voter, fetched before any clock starts (the realm's tokens last the whole run). */
    private void tokens(List<Resident> residents) throws Exception {
        long start = System.nanoTime();
        List<String> tokens = keycloak.tokens(residents, 8);
        for (int i = 0; i < residents.size(); i++) {
            tokenOf.put(residents.get(i).username(), tokens.get(i));
        }
        say("Keycloak: %d tokens (password grant) in %.1f s", tokens.size(), (System.nanoTime() - start) / 1e9);
    }

    /**
     * Why requests went unanswered in an earlier run: two probes in JVMs of their own, at once, each opening
     * {@code probeConnections} connections, leaving them idle longer than the app's keep-alive timeout, then using them
     * again: one with the JDK client's default keep-alive (1200 s), one with this benchmark's (below the app's).
     */
    private void keepAliveProbe() throws Exception {
        say("");
        say("== Keep-alive probe: %d connections idle %d s, then used again (PUT /api/ping) ==", probeConnections, probeIdle);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("java.class.path");
        List<Process> probes = new ArrayList<>();
        for (String keepAlive : new String[]{null, System.getProperty("jdk.httpclient.keepalive.timeout")}) {
            List<String> command = new ArrayList<>(List.of(java, "-Xmx128m"));
            if (keepAlive != null) {
                command.add("-Djdk.httpclient.keepalive.timeout=" + keepAlive);
            }
            command.addAll(List.of("-cp", classpath, KeepAliveProbe.class.getName(), app, office(),
                    String.valueOf(probeConnections), String.valueOf(probeIdle)));
            probes.add(new ProcessBuilder(command).redirectErrorStream(true).start());
        }
        for (Process p : probes) {
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            p.waitFor();
            for (String line : output.split("\n")) {
                say("  %s", line);
                if (line.contains("idle") && line.contains("no answer")) {
                    console.keep("keep-alive probe: " + line.strip());
                } else if (line.contains("idle")) {
                    console.keep("keep-alive probe: " + line.strip());
                }
            }
        }
    }

    private void votes(List<Ticket> warmup, List<Ticket> open, List<List<Ticket>> perLevel) throws Exception {
        say("");
        say("== Warm-up (not counted): %d ballots and %d pings at 64 concurrent voters ==", warmup.size(), warmup.size());
        Round wp = pingRound(warmup, 64);
        Round w = voteRound(votesOf(warmup), 64);
        say("  warm-up: %.0f pings/s %s, %.0f ballots/s %s", wp.perSecond(), wp.statuses(), w.perSecond(), w.statuses());
        check("the warm-up", 0);
        openLoop(open);
        check("the open loop", 0);
        saturation(perLevel);
    }

    /** Voters arriving at a steady rate (Poisson), each request at its time, latency from its time. */
    private void openLoop(List<Ticket> voters) throws Exception {
        say("");
        say("== Open loop: %d voters arriving at %.0f ballots/s on average (Poisson) for %d s ==", voters.size(), openRate,
                openSeconds);
        List<Vote> votes = votesOf(voters);
        List<HttpRequest> requests = votes.stream().map(Vote::request).toList();
        Measured<OpenLoop.Result> m = measured(() -> OpenLoop.run(http.client(), requests, openSchedule));
        OpenLoop.Result r = m.result();
        acknowledged(votes, r.statuses());
        Map<Integer, Integer> byStatus = r.byStatus();
        long[] answered = java.util.stream.IntStream.range(0, r.statuses().length).filter(i -> r.statuses()[i] > 0)
                .mapToLong(i -> r.nanos()[i]).toArray();
        Latencies l = new Latencies(r.nanos()); // every request, answered or not, from its scheduled time
        int accepted = byStatus.getOrDefault(204, 0);
        int unanswered = byStatus.getOrDefault(-1, 0);
        r.errors().forEach((error, times) -> say("  no answer (%d times): %s", times, error));
        say("  %d requests in %.1f s = %.1f ballots/s acknowledged; latency from the scheduled time: p50 %.1f ms, p90 %.1f"
                        + " ms, p99 %.1f ms, p99.9 %.1f ms, max %.1f ms; answers %s; the sender was at most %.1f ms late",
                r.statuses().length, r.seconds(), accepted / r.seconds(), l.percentileMillis(50), l.percentileMillis(90),
                l.percentileMillis(99), l.percentileMillis(99.9), l.maxMillis(), byStatus, r.maxSendLagMillis());
        say("        CPU per ballot: app %.2f ms, its PostgreSQL backends %.2f ms, load generator %.2f ms; machine load"
                        + " average %s", m.appCpu() / accepted, m.appDbCpu() / accepted, m.generatorCpu() / accepted,
                loadAverage());
        boolean allAnswered = unanswered == 0 && answered.length == r.statuses().length;
        boolean all204 = byStatus.size() == 1 && byStatus.containsKey(204);
        if (!all204) {
            failures.add("open loop: answers other than 204: " + byStatus);
        }
        console.figure("open loop, %.0f ballots/s (Poisson) for %d s: %d ballots, p50 %.1f ms, p99 %.1f ms, max %.1f ms (target"
                        + " p99 < 100 ms: %s); %d without an answer (target 0: %s); answers %s", openRate, openSeconds,
                r.statuses().length, l.percentileMillis(50), l.percentileMillis(99), l.maxMillis(),
                l.percentileMillis(99) < 100 ? "met" : "NOT met", unanswered, allAnswered ? "met" : "NOT met", byStatus);
    }

    /**
     * Saturation at each level: the authenticated no-op, the vote, the no-op again (the vote's throughput against the
     * mean of the two), then pgbench with the vote's writes, for information.
     */
    private void saturation(List<List<Ticket>> perLevel) throws Exception {
        say("");
        say("== Saturation: PUT /api/ping (authenticated, does nothing) and the vote, closed loop; pgbench ==");
        long pgbenchDone = 0;
        for (int k = 0; k < levels.size(); k++) {
            int level = levels.get(k);
            List<Ticket> voters = perLevel.get(k);
            Round before = pingRound(voters, level);
            Round r = voteRound(votesOf(voters), level);
            Round after = pingRound(voters, level);
            Latencies l = r.latencies();
            for (Round x : List.of(before, r, after)) {
                if (x.statuses().size() != 1 || !x.statuses().containsKey(204)) {
                    failures.add("at " + level + " concurrent clients, " + x.what() + " answers other than 204: " + x.statuses());
                }
            }
            double noop = (before.perSecond() + after.perSecond()) / 2;
            say("  ping  %3d clients: %5.1f then %5.1f requests/s; p50 %.1f ms, p99 %.1f ms; %s", level, before.perSecond(),
                    after.perSecond(), after.latencies().percentileMillis(50), after.latencies().percentileMillis(99),
                    after.cpu());
            say("  vote  %3d clients: %4d ballots in %5.1f s = %6.1f ballots/s; latency p50 %6.1f ms, p95 %6.1f ms,"
                            + " p99 %6.1f ms, max %6.1f ms; answers %s", level, r.answered(), r.seconds(), r.perSecond(),
                    l.percentileMillis(50), l.percentileMillis(95), l.percentileMillis(99), l.maxMillis(), r.statuses());
            say("        %s; machine load average %s", r.cpu(), loadAverage());
            check("the vote at " + level, pgbenchDone);

            long free = db.freeConnections();
            int clients = (int) Math.max(1, Math.min(level, Math.min(pgbenchMaxClients, free - 20)));
            PgBench.Run p = pgbench.run(clients, pgbenchSeconds, db);
            pgbenchDone += p.transactions();
            if (p.failed() > 0) {
                failures.add("pgbench at " + clients + " clients: " + p.failed() + " failed transactions");
            }
            say("  pgbench %3d clients: %.1f TPS, latency average %.2f ms, %d transactions in %d s; CPU per transaction:"
                            + " PostgreSQL backends %.2f ms, pgbench %.2f ms", clients, p.tps(), p.latencyMillis(),
                    p.transactions(), pgbenchSeconds, p.serverCpuMillis() / p.transactions(),
                    p.clientCpuMillis() / p.transactions());
            check("pgbench at " + clients, pgbenchDone);
            double ratio = r.perSecond() / noop;
            console.figure("%3d clients: vote %.1f ballots/s (p50 %.1f ms, p99 %.1f ms) | no-op %.1f requests/s | ratio %.2f (target"
                            + " >= 0.6: %s) | pgbench %d clients %.1f TPS, ratio %.2f (information)", level, r.perSecond(),
                    l.percentileMillis(50), l.percentileMillis(99), noop, ratio, ratio >= 0.6 ? "met" : "NOT met", clients,
                    p.tps(), r.perSecond() / p.tps());
            console.figure("    CPU per request at %d clients: vote app %.2f ms + PostgreSQL %.2f ms; no-op app %.2f ms; generator"
                            + " %.2f ms a ballot", level, r.appCpuMillis() / r.answered(), r.appDbCpuMillis() / r.answered(),
                    after.appCpuMillis() / after.answered(), r.generatorCpuMillis() / r.answered());
        }
        pgbenchTransactions = pgbenchDone;
    }

    /**
     * The vote ends (the bench moves the call's calendar in the database, as time would: the app reads the calendar
     * afresh), then every envelope is counted through GET .../results, which unseals it: its scores and winners must be
     * those of the ballots the app acknowledged plus pgbench's plain ones, counted by the domain's greedy rule here.
     */
    private void endVoteAndCount() throws Exception {
        say("");
        say("== The vote ends; each envelope counted by GET .../results (unsealed first) ==");
        Map<Long, Map<Long, Long>> plain = new HashMap<>();
        for (long envelope : projectsOf.keySet()) {
            plain.put(envelope, db.sumOfPoints(envelope).points()); // only pgbench's ballots are plain during the vote
        }
        for (long call : calls) {
            db.endVote(call);
        }
        int matching = 0;
        long unsealedNanos = 0;
        for (long envelope : projectsOf.keySet()) {
            Map<Long, Long> want = new HashMap<>(plain.get(envelope));
            expected.getOrDefault(envelope, Map.of()).forEach((p, v) -> want.merge(p, v, Long::sum));
            Http.Reply reply = http.getSlowly(app + "/api/budget/envelopes/" + envelope + "/results", office(),
                    java.time.Duration.ofMinutes(30)).expect(200, "results of " + envelope);
            unsealedNanos += reply.nanos();
            JsonObject tally = reply.json();
            Map<Long, Long> scores = new HashMap<>();
            tally.getJsonObject("scores").forEach((id, v) -> scores.put(Long.valueOf(id), ((jakarta.json.JsonNumber) v).longValue()));
            scores.values().removeIf(v -> v == 0L);
            List<Long> winners = tally.getJsonArray("winners").getValuesAs(jakarta.json.JsonNumber.class).stream()
                    .map(jakarta.json.JsonNumber::longValue).toList();
            List<Long> greedy = org.agora.budget.vote.BenchBallots.greedyWinners(ENVELOPE, costsOf.get(envelope), want);
            Map<Long, Long> raw = db.sumOfPoints(envelope).points();
            boolean same = scores.equals(want) && raw.equals(want) && winners.equals(greedy);
            if (same) {
                matching++;
            } else {
                failures.add("envelope " + envelope + ": the count differs from the plain ballots' tally: scores " + scores
                        + " raw " + raw + " expected " + want + "; winners " + winners + " expected " + greedy);
            }
        }
        Schema.Counts c = countsOfAllCalls();
        say("  %d envelopes counted in %.1f s (their first GET .../results: unsealing and count); %d of %d give the"
                        + " scores and winners of the plain ballots' greedy tally; %d sealed ballots left", projectsOf.size(),
                unsealedNanos / 1e9, matching, projectsOf.size(), c.sealed());
        check("the count", pgbenchTransactions);
        console.figure("count after the vote: %d online ballots = %d has-voted marks = %d distinct voters (%d acknowledged by HTTP,"
                        + " %d by pgbench); %d of %d envelopes give the winners of the plain ballots' tally: %s",
                c.ballots(), c.marks(), c.distinctVoters(), votesAccepted, pgbenchTransactions, matching, projectsOf.size(),
                matching == projectsOf.size() && c.sealed() == 0 ? "met" : "NOT met");
    }

    // ------------------------------------------------------------------------------------------ tallies

    /**
     * A call whose one envelope gets {@code tallyBallots} online ballots sealed to its key as a vote seals them (with
     * their residents and has-voted marks), inserted by SQL while its vote is open; then the vote ends and the first
     * GET .../results unseals them (BallotCount) and counts; then the platform's count of the plain ballots and the raw
     * SQL aggregate, alternately. The app's scheduler unseals what is due at the start of every minute: the vote is
     * ended just after one, so that the GET's count is the one that unseals (a scheduler arriving meanwhile waits for it
     * on the key's lock and finds nothing left); the unsealing is timed until the key is COUNTED in the database, which
     * holds even if the GET's connection were closed before its answer.
     */
    private void tally() throws Exception {
        say("");
        say("== Count of %,d sealed ballots: GET /api/budget/envelopes/{id}/results (unsealing, then greedy) against the"
                + " raw SQL aggregate ==", tallyBallots);
        String name = "Budget du banc d'essai : dépouillement";
        Map<String, Long> amounts = Map.of("centre", ENVELOPE);
        Instant later = Instant.now().plus(5, ChronoUnit.DAYS);
        JsonObject created = http.json("POST", app + "/api/budget/calls", office(),
                call(name, later, later.plus(10, ChronoUnit.DAYS), later.plus(11, ChronoUnit.DAYS), "GREEDY", amounts))
                .expect(201, "tally call").json();
        long callId = created.getJsonNumber("id").longValue();
        long envelope = envelopeIds(created).get("centre");
        int projects = projectsOf.get(envelopeOf.get("centre")).size();
        addProjects(envelope, projects, "Projet dépouillé");
        // its vote open while the sealed ballots go in (the scheduler would count them as they come otherwise)
        Instant now = Instant.now();
        JsonObject opened = http.json("PUT", app + "/api/budget/calls/" + callId, office(),
                call(name, now.minus(20, ChronoUnit.DAYS), now.plus(1, ChronoUnit.DAYS), now.plus(2, ChronoUnit.DAYS),
                        "GREEDY", amounts)).expect(200, "tally call opened").json();
        envelope = envelopeIds(opened).get("centre");
        Map<Long, Long> costs = costsOfBallot(envelope);
        long start = System.nanoTime();
        Map<Long, Long> want = db.insertSealedBallots(callId, envelope, ENVELOPE, costs, tallyBallots, sealingSecret,
                random.nextLong());
        say("  %,d ballots sealed to the envelope's key (as a vote seals them; %d threads) and inserted with their"
                        + " residents and has-voted marks in %.1f s", tallyBallots, Runtime.getRuntime().availableProcessors(),
                (System.nanoTime() - start) / 1e9);
        Schema.Counts before = db.counts(callId);
        say("  before the count: %d sealed ballots, %d plain, %d has-voted marks, %d distinct voters", before.sealed(),
                before.ballots() - before.sealed(), before.marks(), before.distinctVoters());
        if (before.sealed() != tallyBallots || before.marks() != tallyBallots || before.distinctVoters() != tallyBallots) {
            throw new AssertionError(tallyBallots + " sealed ballots and marks expected: " + before);
        }
        String results = app + "/api/budget/envelopes/" + envelope + "/results";
        long second = Instant.now().getEpochSecond() % 60;
        if (second > 2) {
            Thread.sleep((62 - second) * 1000L); // just after the scheduler's run of this minute
        }
        db.endVote(callId);
        long sent = System.nanoTime();
        var pending = http.client().sendAsync(Http.request(results, null).timeout(java.time.Duration.ofHours(1)).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        while (!db.counted(envelope)) {
            if (System.nanoTime() - sent > TimeUnit.HOURS.toNanos(1)) {
                throw new AssertionError("the count of " + tallyBallots + " sealed ballots took over an hour");
            }
            Thread.sleep(100);
        }
        long unsealNanos = System.nanoTime() - sent;
        Http.Reply first;
        try {
            var response = pending.get(1, TimeUnit.HOURS);
            first = new Http.Reply(response.statusCode(), response.body(), System.nanoTime() - sent).expect(200, "first results");
        } catch (java.util.concurrent.ExecutionException e) {
            failures.add("the first GET .../results (the count of " + tallyBallots + " sealed ballots) got no answer: " + e.getCause());
            say("  the first GET .../results got no answer (%s); asking again", e.getCause());
            first = http.get(results, null).expect(200, "results again");
        }
        say("  unsealed (the key COUNTED in the database) %.1f s after the first GET .../results was sent; its answer after"
                + " %.1f s", unsealNanos / 1e9, first.nanos() / 1e9);
        Schema.Counts after = db.counts(callId);
        long choices = db.number("select count(*) from ballot_choices c join ballots b on b.id = c.ballot_id"
                + " where b.envelope_id = ?", envelope);
        say("  first GET .../results (unsealing %,d ballots, then the count): %.1f s; after it: %d sealed, %d plain ballots"
                        + " with %,d choices, %d has-voted marks", tallyBallots, first.nanos() / 1e9, after.sealed(),
                after.ballots() - after.sealed(), choices, after.marks());
        if (after.sealed() != 0 || after.ballots() != tallyBallots || after.marks() != tallyBallots
                || after.distinctVoters() != tallyBallots || after.envelopesOff() != 0) {
            throw new AssertionError("after the count, ballots and marks differ: " + after);
        }
        // then the count of the plain ballots, alternately with the raw aggregate, so that both see the same machine
        Schema.Sums raw = db.sumOfPoints(envelope);
        Http.Reply platform = first;
        long[] rawNanos = new long[tallyRepeats];
        long[] platformNanos = new long[tallyRepeats];
        for (int i = 0; i < tallyRepeats; i++) {
            raw = db.sumOfPoints(envelope);
            rawNanos[i] = raw.nanos();
            platform = http.get(results, null).expect(200, "results");
            platformNanos[i] = platform.nanos();
        }
        for (Http.Reply reply : List.of(first, platform)) {
            JsonObject tally = reply.json();
            Map<Long, Long> apiScores = new HashMap<>();
            tally.getJsonObject("scores").forEach((id, v) -> apiScores.put(Long.valueOf(id), ((jakarta.json.JsonNumber) v).longValue()));
            apiScores.values().removeIf(v -> v == 0L);
            List<Long> winners = tally.getJsonArray("winners").getValuesAs(jakarta.json.JsonNumber.class).stream()
                    .map(jakarta.json.JsonNumber::longValue).toList();
            List<Long> greedy = org.agora.budget.vote.BenchBallots.greedyWinners(ENVELOPE, costs, want);
            if (!apiScores.equals(want) || !raw.points().equals(want) || !winners.equals(greedy)) {
                throw new AssertionError("the count differs from the sealed ballots' content: scores " + apiScores + " raw "
                        + raw.points() + " sealed " + want + "; winners " + winners + " expected " + greedy);
            }
        }
        double rawMs = Latencies.medianMillis(rawNanos);
        double platformMs = Latencies.medianMillis(platformNanos);
        JsonObject tally = platform.json();
        say("  raw SQL aggregate (JDBC):          median %.0f ms of %d (%s ms)", rawMs, tallyRepeats, millis(rawNanos));
        say("  platform count of the plain ballots: median %.0f ms of %d (%s ms); %d winners, spent %,d of %,d; scores and"
                        + " winners equal those of the ballots sealed", platformMs, tallyRepeats, millis(platformNanos),
                tally.getJsonArray("winners").size(), tally.getJsonNumber("spent").longValue(), ENVELOPE);
        console.figure("count of %,d sealed ballots: unsealed %.1f s after GET .../results, answered (with the greedy count) after"
                        + " %.1f s, against the raw SQL aggregate %.0f ms (%.0f times); afterwards the count of the plain ballots"
                        + " %.0f ms (ratio %.2f); sealed = plain = has-voted marks = distinct voters, same scores and winners as"
                        + " the ballots sealed", tallyBallots, unsealNanos / 1e9, first.nanos() / 1e9, rawMs,
                first.nanos() / 1e6 / rawMs, platformMs, platformMs / rawMs);
    }

    private static String loadAverage() {
        try {
            return String.join(" ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3));
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    private static String millis(long[] nanos) {
        return Arrays.stream(nanos).mapToObj(n -> String.format(Locale.ROOT, "%.0f", n / 1e6)).collect(Collectors.joining(", "));
    }

    private void equalShares() throws Exception {
        say("");
        say("== Equal Shares on real elections (Pabulib) ==");
        if (pabulib.isEmpty()) {
            say("  no file given (bench.pabulib)");
            return;
        }
        // through the platform: the first file imported as a closed call, counted by GET .../results
        Path first = pabulib.get(0);
        // counted with Equal Shares whatever rule the file names (Budapest's is "unknown", which imports as greedy)
        String text = Files.readString(first, StandardCharsets.UTF_8)
                .replaceFirst("(?m)^rule;[^\\r\\n]*", "rule;" + TallyRule.EQUAL_SHARES.pabulibName());
        JsonObject imported = http.json("POST", app + "/api/budget/calls/import", office(), Json.createObjectBuilder()
                        .add("name", "Import " + first.getFileName()).add("year", 2023).add("pabulib", text).build().toString())
                .expect(201, "import of " + first.getFileName()).json();
        String results = app + "/api/budget/envelopes/" + imported.getJsonNumber("id").longValue() + "/results";
        JsonObject apiTally = http.get(results, null).expect(200, "results").json();
        int repeats = 3;
        long[] nanos = new long[repeats];
        for (int i = 0; i < repeats; i++) {
            nanos[i] = http.get(results, null).expect(200, "results").nanos();
        }
        console.figure("Equal Shares through the API (%s imported with rule %s, GET results): median %.0f ms of %d (%s ms), rule"
                        + " %s, %d winners", first.getFileName(), TallyRule.EQUAL_SHARES.pabulibName(),
                Latencies.medianMillis(nanos), repeats, millis(nanos), apiTally.getString("rule"),
                apiTally.getJsonArray("winners").size());
        if (!TallyRule.EQUAL_SHARES.name().equals(apiTally.getString("rule"))) {
            failures.add("the import of " + first.getFileName() + " was not counted with Equal Shares");
        }
        for (Path file : pabulib) {
            equalSharesInProcess(file);
        }
    }

    /** In this JVM, on the domain's code: read the file, count it with Equal Shares, compare with the official winners. */
    private void equalSharesInProcess(Path file) throws Exception {
        PabulibElection election;
        try (Reader reader = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
            election = PabulibFile.read(reader);
        }
        int repeats = 5;
        long[] nanos = new long[repeats];
        Tally[] last = new Tally[1];
        Thread counting = new Thread(() -> {
            last[0] = election.tally(TallyRule.EQUAL_SHARES); // warm-up
            for (int i = 0; i < repeats; i++) {
                long start = System.nanoTime();
                last[0] = election.tally(TallyRule.EQUAL_SHARES);
                nanos[i] = System.nanoTime() - start;
            }
        }, "equal-shares");
        counting.setDaemon(true);
        counting.start();
        counting.join(TimeUnit.SECONDS.toMillis(equalSharesTimeout));
        if (counting.isAlive()) {
            console.figure("Equal Shares in-process, %s (%d projects, %d votes): did not finish 6 counts within %d s", file.getFileName(),
                    election.projects().size(), election.votes().size(), equalSharesTimeout);
            return;
        }
        Set<ProjectId> winners = Set.copyOf(last[0].winners());
        // the official winners are Equal Shares' only where the city counted with it (Budapest's are not: see
        // RealElectionsTest)
        boolean countedSo = election.rule().filter(r -> r == TallyRule.EQUAL_SHARES).isPresent();
        String official = !countedSo
                ? "not compared with the official winners (the file's rule: " + election.meta().getOrDefault("rule", "none") + ")"
                : election.officialWinners().map(o -> o.equals(winners) ? "the official winners" : "NOT the official winners")
                        .orElse("no official winners in the file");
        console.figure("Equal Shares in-process, %s (%d projects, %d votes): median %.1f ms of %d (%s ms), %d winners, %s",
                file.getFileName(), election.projects().size(), election.votes().size(), Latencies.medianMillis(nanos),
                repeats, millis(nanos), winners.size(), official);
        if (official.startsWith("NOT")) {
            failures.add("Equal Shares did not give " + file.getFileName() + " its official winners");
        }
    }
}
