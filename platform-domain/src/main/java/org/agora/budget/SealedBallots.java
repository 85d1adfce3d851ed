package org.agora.budget;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.agora.shared.NotAllowedException;

/**
 * How sealed ballots are kept while the vote runs, and how the count opens them: the envelope's election key
 * (table {@code election_keys}) and its sealed ballots (table {@code sealed_ballots}: a random id, the envelope, the
 * channel and the sealed bytes). Plain JDBC on the transaction's connection, like {@link Ballots}.
 */
final class SealedBallots {

    /** SQL states of a missing parent row: the standard's (PostgreSQL) and H2's. */
    private static final List<String> PARENT_MISSING = List.of("23503", "23506");
    private static final int BATCH = 1_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private SealedBallots() {
    }

    /** An envelope's key as stored, and whether its ballots have been counted. */
    record StoredKey(ElectionKey key, boolean counted) {
    }

    static Optional<StoredKey> findKey(Connection connection, long envelopeId) {
        try (PreparedStatement select = connection.prepareStatement(
                "select salt, public_key, capacity, status from election_keys where envelope_id = ?")) {
            select.setLong(1, envelopeId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StoredKey(ElectionKey.stored(envelopeId, row.getBytes(1), row.getBytes(2), row.getInt(3)),
                        "COUNTED".equals(row.getString(4))));
            }
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
    }

    /**
     * The envelope's key, made now if it has none, in the caller's transaction. The envelope's row is locked first, so
     * that two instances making the first ballots at once agree on one key: the second waits, then finds the first's.
     */
    static StoredKey findOrCreateKey(Connection connection, long envelopeId, int capacity, SealingSecret secret) {
        try (PreparedStatement lock = connection.prepareStatement("select id from envelopes where id = ? for update")) {
            lock.setLong(1, envelopeId);
            lock.executeQuery().close();
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
        Optional<StoredKey> found = findKey(connection, envelopeId);
        if (found.isPresent()) {
            return found.get();
        }
        ElectionKey key = ElectionKey.create(envelopeId, capacity, secret, RANDOM);
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into election_keys (envelope_id, salt, public_key, capacity, status) values (?, ?, ?, ?, 'SEALING')")) {
            insert.setLong(1, envelopeId);
            insert.setBytes(2, key.salt());
            insert.setBytes(3, key.publicKey());
            insert.setInt(4, key.capacity());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
        return new StoredKey(key, false);
    }

    /**
     * Stores a sealed ballot in the caller's transaction, under a random id. Refused as {@code budget.vote.notOpen} when
     * the envelope has been counted meanwhile (its key no longer SEALING): the transaction must be rolled back.
     */
    static void store(Connection connection, long envelopeId, SealedBallot sealed, Channel channel) {
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into sealed_ballots (id, envelope_id, channel, sealed) values (?, ?, ?, ?)")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setLong(2, envelopeId);
            insert.setString(3, channel.name());
            insert.setBytes(4, sealed.bytes());
            insert.executeUpdate();
        } catch (SQLException e) {
            if (PARENT_MISSING.contains(e.getSQLState())) {
                throw new NotAllowedException("budget.vote.notOpen");
            }
            throw new PersistenceException(e);
        }
    }

    /** How many ballots of the envelope are still sealed. */
    static long remaining(EntityManager em, long envelopeId) {
        return ((Number) em.createNativeQuery("select count(*) from sealed_ballots where envelope_id = ?")
                .setParameter(1, envelopeId).getSingleResult()).longValue();
    }

    /** The envelopes that still hold sealed ballots. */
    static List<Long> envelopesStillSealed(EntityManager em) {
        return em.createNativeQuery("select distinct envelope_id from sealed_ballots").getResultList().stream()
                .map(id -> ((Number) id).longValue()).toList();
    }

    /** A ballot opened by the count: its channel and votes or points per project, kept compact. */
    private record Opened(Channel channel, long[] projects, int[] points) {

        static Opened of(Channel channel, Map<ProjectId, Long> choices) {
            long[] projects = new long[choices.size()];
            int[] points = new int[choices.size()];
            int i = 0;
            for (Map.Entry<ProjectId, Long> choice : choices.entrySet()) {
                projects[i] = Long.parseLong(choice.getKey().value());
                points[i++] = Math.toIntExact(choice.getValue());
            }
            return new Opened(channel, projects, points);
        }
    }

    /**
     * The count of the envelope, in the caller's transaction: its key's row locked (a second count waits, then finds
     * nothing left; a ballot still being written is waited for, a later one refused), every sealed ballot opened with
     * the secret, written as a plain ballot in a random order (SecureRandom) under a new random id, the sealed copies
     * erased and the key marked COUNTED. Returns how many ballots were unsealed: 0 when there were none or they were
     * unsealed already. A wrong secret or an altered ballot stops it with nothing changed.
     */
    static int unseal(Connection connection, long envelopeId, SealingSecret secret) {
        try {
            Optional<StoredKey> stored = lockKey(connection, envelopeId);
            if (stored.isEmpty()) {
                return 0;
            }
            ElectionKey.Opening opening = stored.get().key().opening(secret);
            List<Opened> opened = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "select channel, sealed from sealed_ballots where envelope_id = ?")) {
                select.setLong(1, envelopeId);
                select.setFetchSize(BATCH);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        Channel channel = Channel.valueOf(rows.getString(1));
                        opened.add(Opened.of(channel, opening.open(new SealedBallot(rows.getBytes(2)), channel)));
                    }
                }
            }
            if (opened.isEmpty() && stored.get().counted()) {
                return 0;
            }
            Collections.shuffle(opened, RANDOM);
            writePlain(connection, envelopeId, opened);
            try (PreparedStatement erase = connection.prepareStatement("delete from sealed_ballots where envelope_id = ?");
                 PreparedStatement counted = connection.prepareStatement(
                         "update election_keys set status = 'COUNTED' where envelope_id = ?")) {
                erase.setLong(1, envelopeId);
                erase.executeUpdate();
                counted.setLong(1, envelopeId);
                counted.executeUpdate();
            }
            return opened.size();
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
    }

    private static Optional<StoredKey> lockKey(Connection connection, long envelopeId) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(
                "select envelope_id from election_keys where envelope_id = ? for update")) {
            lock.setLong(1, envelopeId);
            try (ResultSet row = lock.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
            }
        }
        return findKey(connection, envelopeId);
    }

    /** The opened ballots, in the order given, as rows of {@code ballots} and {@code ballot_choices} (new random ids). */
    private static void writePlain(Connection connection, long envelopeId, List<Opened> opened) throws SQLException {
        try (PreparedStatement ballot = connection.prepareStatement(
                "insert into ballots (id, envelope_id, channel) values (?, ?, ?)");
             PreparedStatement choice = connection.prepareStatement(
                     "insert into ballot_choices (ballot_id, project_id, points) values (?, ?, ?)")) {
            int pending = 0;
            List<String> ids = new ArrayList<>(BATCH);
            List<Opened> chunk = new ArrayList<>(BATCH);
            for (Opened o : opened) {
                String id = UUID.randomUUID().toString();
                ballot.setString(1, id);
                ballot.setLong(2, envelopeId);
                ballot.setString(3, o.channel().name());
                ballot.addBatch();
                ids.add(id);
                chunk.add(o);
                if (++pending == BATCH) {
                    flush(ballot, choice, ids, chunk);
                    pending = 0;
                }
            }
            flush(ballot, choice, ids, chunk);
        }
    }

    /** The ballots of the chunk first (the choices refer to them), then their choices, in the same order. */
    private static void flush(PreparedStatement ballot, PreparedStatement choice, List<String> ids, List<Opened> chunk)
            throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        ballot.executeBatch();
        for (int i = 0; i < ids.size(); i++) {
            Opened o = chunk.get(i);
            for (int c = 0; c < o.projects().length; c++) {
                choice.setString(1, ids.get(i));
                choice.setLong(2, o.projects()[c]);
                choice.setInt(3, o.points()[c]);
                choice.addBatch();
            }
        }
        choice.executeBatch();
        ids.clear();
        chunk.clear();
    }

    /** The envelope's ballots by channel, sealed or not, in one statement (one snapshot: a count under way is either seen whole or not at all). */
    static Map<Channel, Long> countsByChannel(EntityManager em, long envelopeId) {
        Map<Channel, Long> counts = new EnumMap<>(Channel.class);
        for (Channel channel : Channel.values()) {
            counts.put(channel, 0L);
        }
        for (Object row : em.createNativeQuery("select channel, count(*) from ballots where envelope_id = ? group by channel"
                        + " union all select channel, count(*) from sealed_ballots where envelope_id = ? group by channel")
                .setParameter(1, envelopeId).setParameter(2, envelopeId).getResultList()) {
            Object[] columns = (Object[]) row;
            counts.merge(Channel.valueOf((String) columns[0]), ((Number) columns[1]).longValue(), Long::sum);
        }
        return counts;
    }

    /** The transaction's own connection, the persistence context's pending changes written first. */
    static Connection connection(EntityManager em) {
        em.flush();
        Connection connection = em.unwrap(Connection.class);
        if (connection == null) {
            throw new IllegalStateException("sealed ballots are written in a transaction");
        }
        return connection;
    }
}
