package org.agora.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/** Plain JDBC on the benchmark's schema: the checks, the million ballots, the raw aggregate. */
final class Schema {

    /** The same aggregate as the platform's greedy tally (Ballots.scores): the raw query it is compared with. */
    static final String SUM_OF_POINTS = "select c.project_id, sum(c.points) from ballot_choices c"
            + " join ballots b on b.id = c.ballot_id where b.envelope_id = ? group by c.project_id";

    private final String url;
    private final String user;
    private final String password;

    Schema(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    long number(String sql, Object... parameters) throws SQLException {
        try (Connection c = connect(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                st.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Connections the server would still accept (max_connections less reserved ones less those open now). */
    long freeConnections() throws SQLException {
        return number("select current_setting('max_connections')::int"
                + " - current_setting('superuser_reserved_connections')::int - (select count(*) from pg_stat_activity)");
    }

    /** The server processes of the connections opened under this application name (this machine's server). */
    java.util.List<Long> backends(Connection c, String applicationName) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select pid from pg_stat_activity where application_name = ?")) {
            st.setString(1, applicationName);
            java.util.List<Long> pids = new java.util.ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    pids.add(rs.getLong(1));
                }
            }
            return pids;
        }
    }

    /**
     * For one call: online ballots (sealed until the count, plain after it), has-voted marks, distinct voters, and
     * envelopes where ballots != marks.
     */
    record Counts(long ballots, long sealed, long marks, long distinctVoters, long envelopesOff) {
    }

    /** An envelope's online ballots, sealed or counted. */
    private static final String ONLINE_BALLOTS = "((select count(*) from ballots b where b.envelope_id = e.id and b.channel = 'ONLINE')"
            + " + (select count(*) from sealed_ballots s where s.envelope_id = e.id and s.channel = 'ONLINE'))";

    Counts counts(long callId) throws SQLException {
        long sealed = number("select count(*) from sealed_ballots s join envelopes e on e.id = s.envelope_id"
                + " where e.call_id = ? and s.channel = 'ONLINE'", callId);
        long ballots = number("select count(*) from ballots b join envelopes e on e.id = b.envelope_id"
                + " where e.call_id = ? and b.channel = 'ONLINE'", callId) + sealed;
        long marks = number("select count(*) from vote_marks where call_id = ? and channel = 'ONLINE'", callId);
        long distinct = number("select count(*) from (select distinct m.scope, m.resident_id from vote_marks m"
                + " where m.call_id = ? and m.channel = 'ONLINE') v", callId);
        long off = number("select count(*) from envelopes e where e.call_id = ? and"
                + " " + ONLINE_BALLOTS + " <> (select count(*) from vote_marks m where m.envelope_id = e.id"
                + " and m.channel = 'ONLINE')", callId);
        return new Counts(ballots, sealed, marks, distinct, off);
    }

    long marksOf(String voterPrefix) throws SQLException {
        return number("select count(*) from vote_marks m join residents r on r.id = m.resident_id where r.account like ?",
                voterPrefix + "%");
    }

    /**
     * The vote of the call ends now, as time would end it: its calendar moved in the database (the rules are locked
     * during the vote, so the API refuses the change; the app reads the calendar afresh for every count).
     */
    void endVote(long callId) throws SQLException {
        try (Connection c = connect(); PreparedStatement st = c.prepareStatement("update budget_calls set"
                + " vote_end = now() - interval '2 seconds', results_from = now() - interval '1 second' where id = ?")) {
            st.setLong(1, callId);
            if (st.executeUpdate() != 1) {
                throw new IllegalStateException("no call " + callId);
            }
        }
    }

    /** Whether the envelope's key is marked COUNTED (its sealed ballots unsealed, committed). */
    boolean counted(long envelopeId) throws SQLException {
        return number("select count(*) from election_keys where envelope_id = ? and status = 'COUNTED'", envelopeId) == 1;
    }

    /**
     * {@code count} online ballots in the envelope, each naming 1 to 3 of its projects (the first ones more often, so
     * that the scores differ), sealed to the envelope's key exactly as a vote seals them (its key made first, as the
     * first vote makes it), on as many threads as there are cores, with a resident on the register and a has-voted mark
     * each (generate_series). Returns the votes per project that the count must find.
     */
    Map<Long, Long> insertSealedBallots(long callId, long envelopeId, long amount, Map<Long, Long> costs, int count,
                                        String secret, long seed) throws Exception {
        java.util.List<Long> projects = new java.util.ArrayList<>(costs.keySet());
        org.agora.budget.vote.BenchBallots key;
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            key = org.agora.budget.vote.BenchBallots.keyOf(c, envelopeId,
                    org.agora.budget.vote.BenchBallots.knapsackCapacity(amount, costs), secret);
            c.commit();
        }
        int threads = Runtime.getRuntime().availableProcessors();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        java.util.List<java.util.concurrent.Future<Map<Long, Long>>> parts = new java.util.ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int share = count / threads + (t < count % threads ? 1 : 0);
            java.util.Random random = new java.util.Random(seed + t);
            parts.add(pool.submit(() -> sealAndInsert(key, envelopeId, projects, share, random)));
        }
        Map<Long, Long> sums = new java.util.HashMap<>();
        try {
            for (var part : parts) {
                part.get().forEach((p, v) -> sums.merge(p, v, Long::sum));
            }
        } finally {
            pool.shutdownNow();
        }
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("insert into residents (id, account, enlisted_at) select nextval('resident_ids'), 'tally-' || g,"
                    + " now() from generate_series(1, " + count + ") g");
            st.execute("insert into vote_marks (call_id, scope, resident_id, envelope_id, channel) select " + callId
                    + ", case when e.district_code is null then 'CITY' else 'DISTRICT' end, r.id, e.id, 'ONLINE'"
                    + " from residents r, envelopes e where e.id = " + envelopeId + " and r.account like 'tally-%'");
            st.execute("analyze sealed_ballots");
            st.execute("analyze vote_marks");
        }
        return sums;
    }

    private Map<Long, Long> sealAndInsert(org.agora.budget.vote.BenchBallots key, long envelopeId, java.util.List<Long> projects,
                                          int count, java.util.Random random) throws SQLException {
        Map<Long, Long> sums = new java.util.HashMap<>();
        java.util.Properties props = new java.util.Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        props.setProperty("reWriteBatchedInserts", "true");
        try (Connection c = DriverManager.getConnection(url, props); PreparedStatement insert = c.prepareStatement(
                "insert into sealed_ballots (id, envelope_id, channel, sealed) values (?, ?, 'ONLINE', ?)")) {
            c.setAutoCommit(false);
            for (int i = 1; i <= count; i++) {
                Map<Long, Long> ballot = new LinkedHashMap<>();
                int size = 1 + random.nextInt(3);
                while (ballot.size() < size) {
                    ballot.put(projects.get((int) Math.floor(Math.pow(random.nextDouble(), 2) * projects.size())), 1L);
                }
                ballot.forEach((p, v) -> sums.merge(p, v, Long::sum));
                insert.setString(1, java.util.UUID.randomUUID().toString());
                insert.setLong(2, envelopeId);
                insert.setBytes(3, key.sealOnline(ballot));
                insert.addBatch();
                if (i % 1_000 == 0 || i == count) {
                    insert.executeBatch();
                }
                if (i % 20_000 == 0 || i == count) {
                    c.commit();
                }
            }
        }
        return sums;
    }

    /** The raw aggregate, timed from sending it to the last row read. */
    record Sums(Map<Long, Long> points, long nanos) {
    }

    Sums sumOfPoints(long envelopeId) throws SQLException {
        try (Connection c = connect(); PreparedStatement st = c.prepareStatement(SUM_OF_POINTS)) {
            st.setLong(1, envelopeId);
            long start = System.nanoTime();
            Map<Long, Long> points = new LinkedHashMap<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    points.put(rs.getLong(1), rs.getLong(2));
                }
            }
            return new Sums(points, System.nanoTime() - start);
        }
    }
}
