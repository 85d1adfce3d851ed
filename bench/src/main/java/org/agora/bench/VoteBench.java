package org.agora.bench;

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
import org.agora.budget.PabulibElection;
import org.agora.budget.PabulibFile;
import org.agora.budget.ProjectId;
import org.agora.budget.Tally;
import org.agora.budget.TallyRule;

/**
 * The benchmark of issue 5, run by bench/run against a Keycloak and a Payara Micro it started on PostgreSQL:
 * residents vote over HTTP at several concurrency levels, pgbench does the same writes at the same client counts,
 * a million ballots are counted by the platform and by the raw SQL aggregate, and Equal Shares counts real
 * elections. Every figure printed is measured in this run; a check that fails ends the run with exit code 1.
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
    private final List<Integer> levels = Arrays.stream(System.getProperty("bench.levels", "16,64,256").split(","))
            .map(String::trim).map(Integer::valueOf).toList();
    private final int votersPerLevel = Integer.getInteger("bench.voters-per-level", 1200);
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
    private final List<String> summary = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();

    private String officeToken;
    private long officeTokenAt;
    private long voteCall;
    private final Map<String, Long> envelopeOf = new TreeMap<>();
    private final Map<Long, List<Long>> projectsOf = new LinkedHashMap<>();
    private long votesAccepted;

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

    private static void say(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
        System.out.flush();
    }

    private void figure(String format, Object... args) {
        String line = String.format(Locale.ROOT, format, args);
        summary.add(line);
        say("  " + line);
    }

    private void run() throws Exception {
        territory();
        List<Resident> residents = residents();
        openVote();
        votes(residents);
        tally();
        equalShares();
        say("");
        say("== Summary ==");
        summary.forEach(line -> say("  " + line));
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
        List<String> districts = new ArrayList<>(envelopeOf.keySet());
        int total = warmupVoters + votersPerLevel * levels.size();
        List<Resident> residents = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            residents.add(new Resident(String.format(Locale.ROOT, "bench-%05d", i + 1), districts.get(i % districts.size())));
        }
        long start = System.nanoTime();
        keycloak.create(residents);
        say("Keycloak: %d residents created through the admin REST API in %.1f s (password policy of this"
                + " Keycloak only: %s)", total, (System.nanoTime() - start) / 1e9, policy);
        return residents;
    }

    private static String call(String name, Instant voteStart, Instant voteEnd, Instant resultsFrom, String tallyRule,
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

    private static Map<String, Long> envelopeIds(JsonObject call) {
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

    private List<Long> ballotOf(long envelope) {
        return http.get(app + "/api/budget/envelopes/" + envelope + "/projects", null).expect(200, "ballot").array()
                .getValuesAs(JsonObject.class).stream().map(p -> p.getJsonNumber("id").longValue()).toList();
    }

    /**
     * The call voted in: 9 district envelopes, 500 projects in all, knapsack ballots, greedy count; its vote opened ten
     * minutes ago (as in a vote that has been running for a while: the app keeps the locked terms of a ballot only
     * once the vote has been open longer than the clocks of two instances may differ, a minute).
     */
    private void openVote() throws Exception {
        Map<String, Long> amounts = new TreeMap<>();
        envelopeOf.keySet().forEach(d -> amounts.put(d, ENVELOPE));
        String name = "Budget du banc d'essai";
        Instant later = Instant.now().plus(5, ChronoUnit.DAYS);
        JsonObject created = http.json("POST", app + "/api/budget/calls", office(),
                call(name, later, later.plus(10, ChronoUnit.DAYS), later.plus(11, ChronoUnit.DAYS), "GREEDY", amounts))
                .expect(201, "vote call").json();
        voteCall = created.getJsonNumber("id").longValue();
        Map<String, Long> ids = envelopeIds(created);
        List<String> districts = new ArrayList<>(ids.keySet());
        long start = System.nanoTime();
        for (int d = 0; d < districts.size(); d++) {
            int share = projectCount / districts.size() + (d < projectCount % districts.size() ? 1 : 0);
            addProjects(ids.get(districts.get(d)), share, "Projet " + districts.get(d));
        }
        double seeding = (System.nanoTime() - start) / 1e9;
        Instant now = Instant.now();
        JsonObject opened = http.json("PUT", app + "/api/budget/calls/" + voteCall, office(),
                call(name, now.minus(10, ChronoUnit.MINUTES), now.plus(1, ChronoUnit.DAYS), now.plus(2, ChronoUnit.DAYS),
                        "GREEDY", amounts))
                .expect(200, "vote opened").json();
        envelopeOf.putAll(envelopeIds(opened));
        int projects = 0;
        for (Map.Entry<String, Long> e : envelopeOf.entrySet()) {
            List<Long> ballot = ballotOf(e.getValue());
            projectsOf.put(e.getValue(), ballot);
            projects += ballot.size();
        }
        if (projects != projectCount) {
            throw new IllegalStateException(projectCount + " projects expected on the ballots, found " + projects);
        }
        say("Vote call %d: %d district envelopes of %,d, %d projects added through the API in %.1f s; knapsack"
                + " ballots, greedy count; vote open", voteCall, envelopeOf.size(), ENVELOPE, projects, seeding);
        pgbench.prepare(projectsOf);
    }

    // ------------------------------------------------------------------------------------------ votes

    /** One voter's request, built before the clock starts: three distinct projects of their envelope. */
    private HttpRequest ballotRequest(Resident resident, String token) {
        long envelope = envelopeOf.get(resident.district());
        List<Long> ballot = new ArrayList<>(projectsOf.get(envelope));
        java.util.Collections.shuffle(ballot, random);
        String body = Json.createObjectBuilder().add("projects", Json.createArrayBuilder(ballot.subList(0, 3))).build().toString();
        return http.prepared("PUT", app + "/api/budget/envelopes/" + envelope + "/ballot", token, body);
    }

    private record Round(int concurrency, int ballots, double seconds, Latencies latencies, Map<Integer, Integer> statuses,
                         double appCpuMillis, double appDbCpuMillis, double generatorCpuMillis) {

        double perSecond() {
            return ballots / seconds;
        }

        String cpu() {
            return String.format(Locale.ROOT, "CPU per ballot: app %.2f ms, its PostgreSQL backends %.2f ms, load generator"
                    + " %.2f ms", appCpuMillis / ballots, appDbCpuMillis / ballots, generatorCpuMillis / ballots);
        }
    }

    private Round round(List<Resident> voters, int concurrency) throws Exception {
        List<String> tokens = keycloak.tokens(voters, 8);
        List<HttpRequest> requests = new ArrayList<>();
        for (int i = 0; i < voters.size(); i++) {
            requests.add(ballotRequest(voters.get(i), tokens.get(i)));
        }
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
        double appCpu;
        double appDbCpu;
        double generatorCpu;
        double seconds;
        try (java.sql.Connection c = db.connect();
             Cpu.Watch appDb = new Cpu.Watch(() -> {
                 try {
                     return db.backends(c, "agora-bench-app");
                 } catch (java.sql.SQLException e) {
                     return List.of();
                 }
             }, true)) {
            appCpu = Cpu.millis(appPid);
            generatorCpu = Cpu.self();
            long start = System.nanoTime();
            go.countDown();
            pool.shutdown();
            if (!pool.awaitTermination(30, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the round at " + concurrency + " did not finish");
            }
            seconds = (System.nanoTime() - start) / 1e9;
            appCpu = Cpu.millis(appPid) - appCpu;
            appDbCpu = appDb.millis();
            generatorCpu = Cpu.self() - generatorCpu;
        }
        Map<Integer, Integer> byStatus = new TreeMap<>();
        for (int s : statuses) {
            byStatus.merge(s, 1, Integer::sum);
        }
        int accepted = byStatus.getOrDefault(204, 0);
        votesAccepted += accepted;
        errors.forEach((error, times) -> say("  no answer (%d times): %s", times, error));
        return new Round(concurrency, accepted, seconds, new Latencies(nanos), byStatus, appCpu, appDbCpu, generatorCpu);
    }

    /** After each run: the ballots equal the has-voted marks (overall and per envelope), and the marks the accepted votes. */
    private void check(String after, long pgbenchTransactions) throws Exception {
        Schema.Counts c = db.counts(voteCall);
        long benchMarks = db.marksOf("bench-");
        long pgbenchMarks = db.marksOf("pgbench-");
        boolean ok = c.ballots() == c.marks() && c.marks() == c.distinctVoters() && c.envelopesOff() == 0
                && benchMarks == votesAccepted && pgbenchMarks == pgbenchTransactions;
        say("  check after %s: %d online ballots, %d has-voted rows, %d distinct voters, %d envelope(s) where they"
                        + " differ; %d marks of HTTP voters for %d votes accepted, %d marks of pgbench for %d transactions: %s",
                after, c.ballots(), c.marks(), c.distinctVoters(), c.envelopesOff(), benchMarks, votesAccepted,
                pgbenchMarks, pgbenchTransactions, ok ? "OK" : "MISMATCH");
        if (!ok) {
            throw new AssertionError("ballots and has-voted marks differ after " + after + ": " + c);
        }
    }

    private void votes(List<Resident> residents) throws Exception {
        say("");
        say("== Votes over HTTP (PUT /api/budget/envelopes/{id}/ballot), pgbench with the same writes ==");
        List<Resident> warmup = residents.subList(0, warmupVoters);
        Round w = round(warmup, Math.min(64, levels.get(levels.size() - 1)));
        say("  warm-up (not counted): %d ballots at %d concurrent voters, %.0f ballots/s", w.ballots(), w.concurrency(),
                w.perSecond());
        check("the warm-up", 0);
        long pgbenchDone = 0;
        int from = warmupVoters;
        for (int level : levels) {
            List<Resident> voters = residents.subList(from, from + votersPerLevel);
            from += votersPerLevel;
            Round r = round(voters, level);
            Latencies l = r.latencies();
            if (r.statuses().size() != 1 || !r.statuses().containsKey(204)) {
                failures.add("at " + level + " concurrent voters, answers other than 204: " + r.statuses());
            }
            say("  HTTP  %3d concurrent voters: %4d ballots in %5.1f s = %6.1f ballots/s; latency p50 %6.1f ms, p95 %6.1f ms,"
                            + " p99 %6.1f ms, max %6.1f ms; answers %s", level, r.ballots(), r.seconds(), r.perSecond(),
                    l.percentileMillis(50), l.percentileMillis(95), l.percentileMillis(99), l.maxMillis(), r.statuses());
            say("        %s; machine load average %s", r.cpu(), loadAverage());
            check("HTTP at " + level, pgbenchDone);

            long free = db.freeConnections();
            int clients = (int) Math.max(1, Math.min(level, Math.min(pgbenchMaxClients, free - 20)));
            PgBench.Run p = pgbench.run(clients, pgbenchSeconds, db);
            pgbenchDone += p.transactions();
            if (p.failed() > 0) {
                failures.add("pgbench at " + clients + " clients: " + p.failed() + " failed transactions");
            }
            String capped = clients < level ? String.format(Locale.ROOT, " (capped from %d: max_connections of the shared"
                    + " server, %d free before the run; the app itself uses at most its pool of 32)", level, free) : "";
            say("  pgbench %3d clients%s: %.1f TPS, latency average %.2f ms, %d transactions in %d s", clients, capped,
                    p.tps(), p.latencyMillis(), p.transactions(), pgbenchSeconds);
            say("        CPU per transaction: PostgreSQL backends %.2f ms, pgbench %.2f ms; machine load average %s",
                    p.serverCpuMillis() / p.transactions(), p.clientCpuMillis() / p.transactions(), loadAverage());
            check("pgbench at " + clients, pgbenchDone);
            double ratio = r.perSecond() / p.tps();
            figure("%3d concurrent voters: %.1f ballots/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms | pgbench %d clients %.1f TPS"
                            + " | ratio %.2f (target >= 0.3: %s)%s", level, r.perSecond(), l.percentileMillis(50),
                    l.percentileMillis(95), l.percentileMillis(99), clients, p.tps(), ratio, ratio >= 0.3 ? "met" : "NOT met",
                    level == 64 ? String.format(Locale.ROOT, " | p99 target < 250 ms: %s",
                            l.percentileMillis(99) < 250 ? "met" : "NOT met") : "");
        }
        Schema.Counts c = db.counts(voteCall);
        figure("count check: %d online ballots = %d has-voted rows = %d distinct voters (%d by HTTP, %d by pgbench)",
                c.ballots(), c.marks(), c.distinctVoters(), votesAccepted, pgbenchDone);
    }

    // ------------------------------------------------------------------------------------------ tallies

    /** A closed call whose one envelope gets a million ballots by SQL, counted by the platform and by raw SQL. */
    private void tally() throws Exception {
        say("");
        say("== Greedy tally of %,d ballots: GET /api/budget/envelopes/{id}/results against the raw SQL aggregate ==",
                tallyBallots);
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
        // the whole calendar moved to the past: the results phase has begun (the rules were not locked yet)
        Instant now = Instant.now();
        JsonObject closed = http.json("PUT", app + "/api/budget/calls/" + callId, office(),
                call(name, now.minus(20, ChronoUnit.DAYS), now.minus(10, ChronoUnit.DAYS), now.minus(9, ChronoUnit.DAYS),
                        "GREEDY", amounts)).expect(200, "tally call closed").json();
        envelope = envelopeIds(closed).get("centre");
        long start = System.nanoTime();
        db.insertBallots(envelope, tallyBallots);
        long ballots = db.number("select count(*) from ballots where envelope_id = ?", envelope);
        long choices = db.number("select count(*) from ballot_choices c join ballots b on b.id = c.ballot_id"
                + " where b.envelope_id = ?", envelope);
        say("  %,d ballots with %,d choices over %d projects inserted with generate_series in %.1f s", ballots, choices,
                projects, (System.nanoTime() - start) / 1e9);
        if (ballots != tallyBallots) {
            throw new AssertionError(tallyBallots + " ballots expected, " + ballots + " stored");
        }
        String results = app + "/api/budget/envelopes/" + envelope + "/results";
        // one of each first (caches, JIT), then alternately, so that both see the same machine
        Schema.Sums raw = db.sumOfPoints(envelope);
        Http.Reply platform = http.get(results, null).expect(200, "results");
        long[] rawNanos = new long[tallyRepeats];
        long[] platformNanos = new long[tallyRepeats];
        for (int i = 0; i < tallyRepeats; i++) {
            raw = db.sumOfPoints(envelope);
            rawNanos[i] = raw.nanos();
            platform = http.get(results, null).expect(200, "results");
            platformNanos[i] = platform.nanos();
        }
        JsonObject tally = platform.json();
        Map<Long, Long> apiScores = new HashMap<>();
        tally.getJsonObject("scores").forEach((id, v) -> apiScores.put(Long.valueOf(id), ((jakarta.json.JsonNumber) v).longValue()));
        Map<Long, Long> rawScores = new HashMap<>(raw.points());
        apiScores.values().removeIf(v -> v == 0L);
        if (!apiScores.equals(rawScores)) {
            throw new AssertionError("the platform's scores differ from the raw aggregate: " + apiScores + " vs " + rawScores);
        }
        double rawMs = Latencies.medianMillis(rawNanos);
        double platformMs = Latencies.medianMillis(platformNanos);
        say("  raw SQL aggregate (JDBC):     median %.0f ms of %d (%s ms)", rawMs, tallyRepeats, millis(rawNanos));
        say("  platform tally (HTTP, greedy): median %.0f ms of %d (%s ms); %d winners, spent %,d of %,d; scores equal the"
                        + " raw aggregate's", platformMs, tallyRepeats, millis(platformNanos), tally.getJsonArray("winners").size(),
                tally.getJsonNumber("spent").longValue(), ENVELOPE);
        double ratio = platformMs / rawMs;
        figure("tally of %,d ballots: platform %.0f ms, raw SQL %.0f ms, ratio %.2f (target <= 1.5: %s)", tallyBallots,
                platformMs, rawMs, ratio, ratio <= 1.5 ? "met" : "NOT met");
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
        figure("Equal Shares through the API (%s imported with rule %s, GET results): median %.0f ms of %d (%s ms), rule"
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
            figure("Equal Shares in-process, %s (%d projects, %d votes): did not finish 6 counts within %d s", file.getFileName(),
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
        figure("Equal Shares in-process, %s (%d projects, %d votes): median %.1f ms of %d (%s ms), %d winners, %s",
                file.getFileName(), election.projects().size(), election.votes().size(), Latencies.medianMillis(nanos),
                repeats, millis(nanos), winners.size(), official);
        if (official.startsWith("NOT")) {
            failures.add("Equal Shares did not give " + file.getFileName() + " its official winners");
        }
    }
}
