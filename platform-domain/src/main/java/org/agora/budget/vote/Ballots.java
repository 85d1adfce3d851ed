package org.agora.budget.vote;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.agora.budget.counting.Ballot;
import org.agora.budget.counting.ProjectId;
import org.agora.budget.counting.VotingRule;
import org.agora.shared.ConflictException;

/**
 * How ballots are kept: a row with a random id, its envelope and its channel, and one row per project with the
 * votes or points it gives. Nothing about the voter. An ordinal ballot keeps its ranking as rank points. Online and
 * desk ballots are kept sealed until the count ({@link SealedBallots}); paper and imported ones are plain at once.
 */
public final class Ballots {

    /** The SQL state of a duplicate key (SQL standard: H2 and PostgreSQL alike). */
    private static final String UNIQUE_VIOLATION = "23505";

    /** Choice rows read per query by {@link #of}. */
    private static final int CHOICES_PAGE = 10_000;

    /** Ballots written per JDBC batch by {@link #storeAll}. */
    private static final int BATCH = 500;

    private Ballots() {
    }

    /**
     * Marks the resident as having voted in the call's scope (through this envelope and channel) and stores their
     * sealed ballot, in the caller's transaction. The mark's primary key (call, scope, resident) refuses a second
     * ballot, even one racing this one on another instance or cast in another district envelope of the call:
     * {@code already} is thrown then, and the transaction must be rolled back (it stores nothing). The two rows share
     * the transaction, so the ballot is sealed: the count writes it in the clear later, with others, in random order
     * ({@link SealedBallots}).
     */
    static void cast(EntityManager em, BallotTerms terms, long residentId, SealedBallot sealed, Channel channel,
                     Supplier<ConflictException> already) {
        Connection connection = connection(em);
        mark(connection, terms, residentId, channel, already);
        SealedBallots.store(connection, terms.envelopeId(), sealed, channel);
    }

    /**
     * Marks the resident as having voted on paper: the paper ballot they handed in is counted later in a batch, with
     * no link to them. The same mark as online and at the desk.
     */
    static void markPaper(EntityManager em, BallotTerms terms, long residentId, Supplier<ConflictException> already) {
        mark(connection(em), terms, residentId, Channel.PAPER, already);
    }

    private static void mark(Connection connection, BallotTerms terms, long residentId, Channel channel,
                             Supplier<ConflictException> already) {
        try (PreparedStatement mark = connection.prepareStatement(
                "insert into vote_marks (call_id, scope, resident_id, envelope_id, channel) values (?, ?, ?, ?, ?)")) {
            mark.setLong(1, terms.callId());
            mark.setString(2, terms.scope().name());
            mark.setLong(3, residentId);
            mark.setLong(4, terms.envelopeId());
            mark.setString(5, channel.name());
            mark.executeUpdate();
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw already.get();
            }
            throw new PersistenceException(e);
        }
    }

    /**
     * Stores ballots that mark nobody (a paper batch, an imported election), in the caller's transaction, in the clear
     * and linked to no one, in two JDBC batches: thousands of ballots are a few round trips, not two per ballot.
     */
    public static void storeAll(EntityManager em, long envelopeId, List<Map<ProjectId, Long>> ballots, Channel channel) {
        Connection connection = connection(em);
        try (PreparedStatement ballot = connection.prepareStatement(
                     "insert into ballots (id, envelope_id, channel) values (?, ?, ?)");
             PreparedStatement choice = connection.prepareStatement(
                     "insert into ballot_choices (ballot_id, project_id, points) values (?, ?, ?)")) {
            int pending = 0;
            for (Map<ProjectId, Long> points : ballots) {
                String ballotId = UUID.randomUUID().toString();
                ballot.setString(1, ballotId);
                ballot.setLong(2, envelopeId);
                ballot.setString(3, channel.name());
                ballot.addBatch();
                for (Map.Entry<ProjectId, Long> chosen : points.entrySet()) {
                    choice.setString(1, ballotId);
                    choice.setLong(2, Long.parseLong(chosen.getKey().value()));
                    choice.setInt(3, chosen.getValue().intValue());
                    choice.addBatch();
                }
                if (++pending == BATCH) {
                    ballot.executeBatch();
                    choice.executeBatch();
                    pending = 0;
                }
            }
            ballot.executeBatch();
            choice.executeBatch();
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
    }

    /**
     * The transaction's own connection, the persistence context's pending changes written first (the projects a
     * ballot names may have been created in the same transaction). Plain JDBC on it: the vote's writes are two or three
     * statements, which need none of the entity machinery.
     */
    private static Connection connection(EntityManager em) {
        em.flush();
        Connection connection = em.unwrap(Connection.class);
        if (connection == null) {
            throw new IllegalStateException("ballots are written in a transaction");
        }
        return connection;
    }

    /**
     * Each project's votes or points in the envelope, summed by the database; a project nobody chose is absent.
     * What the greedy counts need, without loading one ballot.
     */
    public static Map<ProjectId, Long> scores(EntityManager em, long envelopeId) {
        List<?> rows = em.createNativeQuery("select c.project_id, sum(c.points) from ballot_choices c"
                        + " join ballots b on b.id = c.ballot_id where b.envelope_id = ? group by c.project_id")
                .setParameter(1, envelopeId).getResultList();
        Map<ProjectId, Long> scores = new LinkedHashMap<>();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            scores.put(new ProjectId(String.valueOf(((Number) columns[0]).longValue())), ((Number) columns[1]).longValue());
        }
        return scores;
    }

    /** The envelope's ballots rebuilt from their stored choices. */
    public static List<Ballot> of(EntityManager em, long envelopeId, VotingRule rule) {
        return of(em, envelopeId, rule, CHOICES_PAGE);
    }

    /**
     * The same, reading {@code page} choice rows a query, in the order of their key (ballot, project), a ballot
     * carried over from one page to the next: a city's envelope holds hundreds of thousands of ballots, and every
     * choice row at once took more memory than the ballots they make. Each project's id is made once.
     */
    static List<Ballot> of(EntityManager em, long envelopeId, VotingRule rule, int page) {
        List<Ballot> ballots = new ArrayList<>();
        Map<Long, ProjectId> projectIds = new HashMap<>();
        String lastBallot = "";
        long lastProject = Long.MIN_VALUE;
        String ballot = null;
        Map<ProjectId, Integer> choices = null;
        List<?> rows;
        do {
            rows = em.createNativeQuery("select c.ballot_id, c.project_id, c.points from ballot_choices c"
                            + " join ballots b on b.id = c.ballot_id where b.envelope_id = ?1"
                            + " and (c.ballot_id > ?2 or (c.ballot_id = ?2 and c.project_id > ?3))"
                            + " order by c.ballot_id, c.project_id limit " + page)
                    .setParameter(1, envelopeId).setParameter(2, lastBallot).setParameter(3, lastProject)
                    .getResultList();
            for (Object row : rows) {
                Object[] columns = (Object[]) row;
                lastBallot = (String) columns[0];
                lastProject = ((Number) columns[1]).longValue();
                if (!lastBallot.equals(ballot)) {
                    if (choices != null) {
                        ballots.add(rule.fromPoints(choices));
                    }
                    ballot = lastBallot;
                    choices = new LinkedHashMap<>();
                }
                choices.put(projectIds.computeIfAbsent(lastProject, id -> new ProjectId(String.valueOf(id))),
                        ((Number) columns[2]).intValue());
            }
        } while (rows.size() == page);
        if (choices != null) {
            ballots.add(rule.fromPoints(choices));
        }
        return ballots;
    }
}
