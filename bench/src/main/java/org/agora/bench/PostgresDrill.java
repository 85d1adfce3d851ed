package org.agora.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.agora.bench.FaultDrills.Outcome;
import org.agora.bench.FaultDrills.Vote;
import org.agora.bench.Keycloak.Resident;

/**
 * PostgreSQL restarted (stopped with -m fast, started again a few seconds later) while 64 voters vote over HTTP, each
 * casting the ballots of its residents one a second through the real API with the residents' real tokens. Then: every
 * acknowledged ballot is in the database, every other voter got a problem JSON with a 5xx (no hang, no HTML), nobody
 * has two ballots, and the same app (not restarted) takes the refused voters' ballots once the database is back.
 */
final class PostgresDrill {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final FaultDrills d;
    private final int voters = Integer.getInteger("faults.voters", 64);
    private final int perVoter = Integer.getInteger("faults.ballots-per-voter", 20);
    private final int downSeconds = Integer.getInteger("faults.pg-down-seconds", 5);

    PostgresDrill(FaultDrills drills) {
        this.d = drills;
    }

    void run() throws Exception {
        Vote vote = d.openVote(d.app, "Budget de l'exercice de panne", 6);
        int count = voters * perVoter;
        List<Resident> residents = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            residents.add(new Resident(String.format(Locale.ROOT, "pg-voter-%05d", i + 1),
                    FaultDrills.DISTRICTS.get(i % FaultDrills.DISTRICTS.size())));
        }
        d.keycloak.create(residents);
        List<String> tokens = d.keycloak.tokens(residents, 8);
        BenchConsole.say("%d residents created in Keycloak, each with a token; vote call %d open (%d envelopes)", count,
                vote.call(), vote.envelopes().size());

        Outcome[] outcomes = new Outcome[count];
        long t0 = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        AtomicLong stoppedAt = new AtomicLong();
        AtomicLong startedAt = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(voters + 1);
        try {
            List<Future<?>> all = new ArrayList<>();
            for (int v = 0; v < voters; v++) {
                int voter = v;
                all.add(pool.submit(() -> {
                    for (int i = 0; i < perVoter; i++) {
                        // one ballot a second per voter, each voter a little apart from the others
                        long due = t0 + TimeUnit.MILLISECONDS.toNanos(1000L * i + 1000L * voter / voters);
                        LockSupport.parkNanos(due - System.nanoTime());
                        int r = voter * perVoter + i;
                        outcomes[r] = cast(vote, residents.get(r), tokens.get(r), r);
                    }
                }));
            }
            all.add(pool.submit(() -> {
                LockSupport.parkNanos(t0 + TimeUnit.SECONDS.toNanos(5) - System.nanoTime());
                try {
                    stoppedAt.set(System.nanoTime());
                    d.ctl("pg-restart", Integer.toString(downSeconds));
                    startedAt.set(System.nanoTime());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return null;
            }));
            for (Future<?> f : all) {
                f.get(10, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        long stopped = stoppedAt.get() - t0;
        long started = startedAt.get() - t0;
        FaultDrills.figure("PostgreSQL stopped at %s and back at %s of the vote (%d voters, %d ballots over %d s)",
                FaultDrills.seconds(stopped), FaultDrills.seconds(started), voters, count, perVoter);

        Map<String, Integer> byOutcome = new TreeMap<>();
        List<Integer> refused = new ArrayList<>();
        long slowest = 0;
        long firstAckAfter = Long.MAX_VALUE;
        int acked = 0;
        int unclean = 0;
        for (int r = 0; r < count; r++) {
            Outcome o = outcomes[r];
            slowest = Math.max(slowest, o.nanos());
            byOutcome.merge(o.status() == 204 ? "204" : o.describe(), 1, Integer::sum);
            if (o.status() == 204) {
                acked++;
                if (o.startNanos() - t0 > started) {
                    firstAckAfter = Math.min(firstAckAfter, o.startNanos() + o.nanos() - t0 - started);
                }
            } else {
                refused.add(r);
                if (!(o.status() >= 500 && o.problemJson())) {
                    unclean++;
                }
            }
        }
        FaultDrills.figure("answers: %s; slowest %s", byOutcome, FaultDrills.seconds(slowest));
        Map<String, Long> marks = marks(vote.call());
        long sealed = d.db.number("select count(*) from sealed_ballots s join envelopes e on e.id = s.envelope_id"
                + " where e.call_id = ?", vote.call());
        long lost = 0;
        long storedThoughRefused = 0;
        Map<String, Integer> storedAnswers = new TreeMap<>();
        for (int r = 0; r < count; r++) {
            long n = marks.getOrDefault(residents.get(r).username(), 0L);
            if (outcomes[r].status() == 204 && n != 1) {
                lost++;
            }
            if (outcomes[r].status() != 204 && n > 0) {
                storedThoughRefused++;
                storedAnswers.merge(outcomes[r].describe(), 1, Integer::sum);
            }
        }
        long twice = marks.values().stream().filter(n -> n > 1).count();
        long markTotal = marks.values().stream().mapToLong(Long::longValue).sum();
        d.check(lost == 0, "postgres: every acknowledged ballot is stored: %d acknowledged (204), %d of them without"
                + " their has-voted mark in the database", acked, lost);
        long waited = java.util.Arrays.stream(outcomes).filter(o -> o.nanos() > TimeUnit.SECONDS.toNanos(2)).count();
        // a request that meets the database away either gets an error or waits for a connection until it is back
        d.check(refused.size() > 0 || waited > 0, "postgres: the restart was felt: %d of %d ballots refused, %d waited"
                + " more than 2 s for the database to come back", refused.size(), count, waited);
        d.check(unclean == 0, "postgres: every refused voter got a clear error (problem JSON, 5xx, within %d s):"
                + " %d of %d did not", TIMEOUT.toSeconds(), unclean, refused.size());
        d.check(twice == 0 && sealed == markTotal, "postgres: nobody has two ballots: %d residents with two marks;"
                + " %d sealed ballots for %d marks", twice, sealed, markTotal);
        FaultDrills.figure("refused but stored all the same (the commit reached the database, its answer did not): %d %s",
                storedThoughRefused, storedAnswers);
        d.check(firstAckAfter != Long.MAX_VALUE, "postgres: the app took ballots again without a restart, the first"
                + " %s after PostgreSQL was back", firstAckAfter == Long.MAX_VALUE ? "never" : FaultDrills.seconds(firstAckAfter));

        // the refused voters try again, on the same app
        Map<String, Integer> again = new TreeMap<>();
        int retriedOk = 0;
        for (int r : refused) {
            Outcome o = cast(vote, residents.get(r), tokens.get(r), r);
            String what = o.status() == 204 ? "204" : o.describe();
            again.merge(what, 1, Integer::sum);
            boolean alreadyStored = marks.getOrDefault(residents.get(r).username(), 0L) > 0;
            if (o.status() == 204 && !alreadyStored || o.status() == 409 && alreadyStored) {
                retriedOk++;
            }
        }
        Map<String, Long> after = marks(vote.call());
        long sealedAfter = d.db.number("select count(*) from sealed_ballots s join envelopes e on e.id = s.envelope_id"
                + " where e.call_id = ?", vote.call());
        long everyone = residents.stream().filter(r -> after.getOrDefault(r.username(), 0L) == 1).count();
        d.check(retriedOk == refused.size(), "postgres: the %d refused voters tried again on the same app: %s (a 409"
                + " only for those whose ballot was stored)", refused.size(), again);
        d.check(everyone == count && sealedAfter == count, "postgres: in the end each of the %d residents has exactly"
                + " one ballot: %d with one mark, %d sealed ballots", count, everyone, sealedAfter);
        var health = d.http.get(d.app + "/health/ready", null);
        d.check(health.status() == 200, "postgres: /health/ready answers %d after the restart", health.status());
    }

    private Outcome cast(Vote vote, Resident resident, String token, int seed) {
        long envelope = vote.envelopes().get(resident.district());
        return d.send(FaultDrills.put(d.app + "/api/budget/envelopes/" + envelope + "/ballot", token,
                vote.ballot(envelope, seed), TIMEOUT));
    }

    /** The has-voted marks of a call, by account. */
    private Map<String, Long> marks(long call) throws Exception {
        Map<String, Long> marks = new HashMap<>();
        try (Connection c = d.db.connect(); PreparedStatement st = c.prepareStatement("select r.account, count(*)"
                + " from vote_marks m join residents r on r.id = m.resident_id where m.call_id = ? group by r.account")) {
            st.setLong(1, call);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    marks.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return marks;
    }

    static String summary(Map<String, Integer> counts) {
        return counts.entrySet().stream().map(e -> e.getKey() + " x" + e.getValue()).collect(Collectors.joining(", "));
    }
}
