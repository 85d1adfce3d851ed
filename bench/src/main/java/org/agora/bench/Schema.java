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
    record Counts(long ballots, long marks, long distinctVoters, long envelopesOff) {
    }

    /** An envelope's online ballots, sealed or counted. */
    private static final String ONLINE_BALLOTS = "((select count(*) from ballots b where b.envelope_id = e.id and b.channel = 'ONLINE')"
            + " + (select count(*) from sealed_ballots s where s.envelope_id = e.id and s.channel = 'ONLINE'))";

    Counts counts(long callId) throws SQLException {
        long ballots = number("select count(*) from ballots b join envelopes e on e.id = b.envelope_id"
                + " where e.call_id = ? and b.channel = 'ONLINE'", callId)
                + number("select count(*) from sealed_ballots s join envelopes e on e.id = s.envelope_id"
                + " where e.call_id = ? and s.channel = 'ONLINE'", callId);
        long marks = number("select count(*) from vote_marks where call_id = ? and channel = 'ONLINE'", callId);
        long distinct = number("select count(*) from (select distinct m.scope, m.resident_id from vote_marks m"
                + " where m.call_id = ? and m.channel = 'ONLINE') v", callId);
        long off = number("select count(*) from envelopes e where e.call_id = ? and"
                + " " + ONLINE_BALLOTS + " <> (select count(*) from vote_marks m where m.envelope_id = e.id"
                + " and m.channel = 'ONLINE')", callId);
        return new Counts(ballots, marks, distinct, off);
    }

    long marksOf(String voterPrefix) throws SQLException {
        return number("select count(*) from vote_marks m join residents r on r.id = m.resident_id where r.account like ?",
                voterPrefix + "%");
    }

    /**
     * {@code count} paper ballots (no has-voted mark, as paper ballots) in one envelope, each naming 1 to 3 of its
     * projects, the first projects more often (so that the scores differ): generate_series, no Java in between.
     */
    void insertBallots(long envelopeId, int count) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("insert into ballots (id, envelope_id, channel) select gen_random_uuid()::text, " + envelopeId
                    + ", 'PAPER' from generate_series(1, " + count + ")");
            st.execute("insert into ballot_choices (ballot_id, project_id, points)"
                    + " select b.id, p.ids[1 + floor(power(random(), 2) * array_length(p.ids, 1))::int], 1"
                    + " from ballots b, (select array_agg(id order by id) as ids from budget_projects where envelope_id = "
                    + envelopeId + ") p, generate_series(1, 3) g where b.envelope_id = " + envelopeId
                    + " on conflict do nothing");
            st.execute("analyze ballots");
            st.execute("analyze ballot_choices");
        }
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
