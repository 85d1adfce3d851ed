package org.agora.budget.vote;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.agora.shared.NotAllowedException;

/**
 * How sealed ballots are kept while the vote runs, and how the count opens them: the envelope's election key
 * (table {@code election_keys}) and its sealed ballots (table {@code sealed_ballots}: a random id, the envelope, the
 * channel and the sealed bytes). Plain JDBC on the transaction's connection, like {@link Ballots}.
 */
final class SealedBallots {

    /** SQL states of a missing parent row: the standard's (PostgreSQL) and H2's. */
    /** The SQL state of a duplicate key, on PostgreSQL and H2. */
    private static final String UNIQUE_VIOLATION = "23505";

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
        Savepoint beforeInsert = null;
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into election_keys (envelope_id, salt, public_key, capacity, status) values (?, ?, ?, ?, 'SEALING')")) {
            beforeInsert = connection.setSavepoint();
            insert.setLong(1, envelopeId);
            insert.setBytes(2, key.salt());
            insert.setBytes(3, key.publicKey());
            insert.setInt(4, key.capacity());
            insert.executeUpdate();
            connection.releaseSavepoint(beforeInsert);
        } catch (SQLException e) {
            // another first ballot made the key meanwhile (H2 does not always make the second wait on the lock above):
            // the key is theirs, and this ballot is sealed to it
            if (UNIQUE_VIOLATION.equals(e.getSQLState()) && beforeInsert != null) {
                try {
                    connection.rollback(beforeInsert);
                } catch (SQLException rollback) {
                    throw new PersistenceException(rollback);
                }
                return findKey(connection, envelopeId).orElseThrow(() -> new PersistenceException(e));
            }
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

    /**
     * The count of the envelope, in the caller's transaction: its key's row locked (a second count waits, then finds
     * nothing left; a ballot still being written is waited for, a later one refused), every sealed ballot opened with
     * the secret, written as a plain ballot in a random order (SecureRandom) under a new random id, the sealed copies
     * erased and the key marked COUNTED. Returns how many ballots were unsealed: 0 when there were none or they were
     * unsealed already. A wrong secret or an altered ballot stops it with nothing changed.
     * <p>
     * The sealed rows are read as a stream and opened on every core while the next ones are read; what is kept until
     * they are all open (the order must owe nothing to the vote's, so none can be written before the last is read) is
     * their choices in a few flat arrays, about 15 bytes a choice. The plain rows are written many to a statement.
     */
    static int unseal(Connection connection, long envelopeId, SealingSecret secret) {
        try {
            Optional<StoredKey> stored = lockKey(connection, envelopeId);
            if (stored.isEmpty()) {
                return 0;
            }
            OpenedBallots opened = openAll(connection, envelopeId, stored.get().key().opening(secret));
            if (opened.size() == 0 && stored.get().counted()) {
                return 0;
            }
            writePlain(connection, envelopeId, opened, opened.shuffledOrder(RANDOM));
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

    /**
     * Every sealed ballot of the envelope, opened: read in chunks, each chunk opened by a thread of a pool as large as
     * the machine's cores (opening is nearly all of the count's work: an X25519 agreement a ballot), at most two chunks
     * per thread waiting, so that the heap holds the opened ballots and a few chunks of sealed ones. The threads only
     * compute (no database, no container service); they are the count's own, stopped when it ends.
     */
    private static OpenedBallots openAll(Connection connection, long envelopeId, ElectionKey.Opening opening)
            throws SQLException {
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService openers = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "ballot-count-" + envelopeId);
            thread.setDaemon(true);
            return thread;
        });
        OpenedBallots opened = new OpenedBallots();
        Deque<Future<Opened[]>> pending = new ArrayDeque<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select channel, sealed from sealed_ballots where envelope_id = ?")) {
            select.setLong(1, envelopeId);
            select.setFetchSize(BATCH);
            try (ResultSet rows = select.executeQuery()) {
                List<Channel> channels = new ArrayList<>(BATCH);
                List<SealedBallot> sealed = new ArrayList<>(BATCH);
                boolean more = true;
                while (more) {
                    more = rows.next();
                    if (more) {
                        channels.add(Channel.valueOf(rows.getString(1)));
                        sealed.add(new SealedBallot(rows.getBytes(2)));
                    }
                    if (sealed.size() == BATCH || (!more && !sealed.isEmpty())) {
                        List<Channel> chunkChannels = List.copyOf(channels);
                        List<SealedBallot> chunk = List.copyOf(sealed);
                        pending.add(openers.submit(() -> open(opening, chunkChannels, chunk)));
                        channels.clear();
                        sealed.clear();
                        while (pending.size() > 2 * threads) {
                            opened.addAll(done(pending.poll()));
                        }
                    }
                }
            }
            while (!pending.isEmpty()) {
                opened.addAll(done(pending.poll()));
            }
            return opened;
        } finally {
            openers.shutdownNow();
        }
    }

    private static Opened[] open(ElectionKey.Opening opening, List<Channel> channels, List<SealedBallot> sealed) {
        Opened[] opened = new Opened[sealed.size()];
        for (int i = 0; i < opened.length; i++) {
            opened[i] = new Opened(channels.get(i), opening.choices(sealed.get(i), channels.get(i)));
        }
        return opened;
    }

    /** A chunk's opened ballots, or what stopped its opening (an altered ballot: budget.seal.unreadable). */
    private static Opened[] done(Future<Opened[]> chunk) {
        try {
            return chunk.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException refused) {
                throw refused;
            }
            throw new IllegalStateException("opening failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the count was interrupted", e);
        }
    }

    /** A ballot as opened, before it is kept compact. */
    private record Opened(Channel channel, ElectionKey.Choices choices) {
    }

    /**
     * The count's opened ballots, in the order they were read, kept in flat arrays: ballot {@code i} is the channel
     * {@code channels[i]} and the choices {@code firsts[i]} to {@code firsts[i + 1]} of {@code projects} and
     * {@code votes}. A million ballots of three choices take about 50 MB, not the several hundred of as many maps.
     */
    private static final class OpenedBallots {

        private static final Channel[] CHANNELS = Channel.values();

        private byte[] channels = new byte[BATCH];
        private int[] firsts = new int[BATCH + 1];
        private long[] projects = new long[BATCH];
        private int[] votes = new int[BATCH];
        private int size;

        void addAll(Opened[] chunk) {
            for (Opened ballot : chunk) {
                add(ballot.channel(), ballot.choices());
            }
        }

        private void add(Channel channel, ElectionKey.Choices choices) {
            if (size + 1 == firsts.length) {
                channels = Arrays.copyOf(channels, 2 * size);
                firsts = Arrays.copyOf(firsts, 2 * size + 1);
            }
            int first = firsts[size];
            int count = choices.projects().length;
            if (first + count > projects.length) {
                int capacity = Math.max(2 * projects.length, first + count);
                projects = Arrays.copyOf(projects, capacity);
                votes = Arrays.copyOf(votes, capacity);
            }
            System.arraycopy(choices.projects(), 0, projects, first, count);
            System.arraycopy(choices.votes(), 0, votes, first, count);
            channels[size] = (byte) channel.ordinal();
            firsts[++size] = first + count;
        }

        int size() {
            return size;
        }

        Channel channel(int ballot) {
            return CHANNELS[channels[ballot]];
        }

        int firstChoice(int ballot) {
            return firsts[ballot];
        }

        int endOfChoices(int ballot) {
            return firsts[ballot + 1];
        }

        long project(int choice) {
            return projects[choice];
        }

        int votes(int choice) {
            return votes[choice];
        }

        /** The ballots' indexes in a random order (Fisher-Yates, as {@code Collections.shuffle} does). */
        int[] shuffledOrder(SecureRandom random) {
            int[] order = new int[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            for (int i = size - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swapped = order[i];
                order[i] = order[j];
                order[j] = swapped;
            }
            return order;
        }
    }

    /**
     * The opened ballots, in the given order, as rows of {@code ballots} and {@code ballot_choices} (new random ids):
     * many rows to a statement (a million ballots are a few thousand statements, not three million), each chunk's
     * ballots before their choices (which refer to them).
     */
    private static void writePlain(Connection connection, long envelopeId, OpenedBallots opened, int[] order)
            throws SQLException {
        try (Rows ballots = new Rows(connection, "insert into ballots (id, envelope_id, channel) values ", 3, 500, () -> { });
             Rows choices = new Rows(connection, "insert into ballot_choices (ballot_id, project_id, points) values ", 3,
                     1_000, ballots::flush)) {
            for (int ballot : order) {
                String id = UUID.randomUUID().toString();
                ballots.add(id, envelopeId, opened.channel(ballot).name());
                for (int c = opened.firstChoice(ballot); c < opened.endOfChoices(ballot); c++) {
                    choices.add(id, opened.project(c), opened.votes(c));
                }
            }
            ballots.flush();
            choices.flush();
        }
    }

    /**
     * Rows inserted many to a statement: a statement of {@code perStatement} rows, prepared once and used again, and
     * one for the rest at the end. {@code before} runs before each statement (the ballots a chunk of choices refers to).
     */
    private static final class Rows implements AutoCloseable {

        private final Connection connection;
        private final String insert;
        private final int columns;
        private final int perStatement;
        private final SqlAction before;
        private final Object[] values;
        private int rows;
        private PreparedStatement full;

        Rows(Connection connection, String insert, int columns, int perStatement, SqlAction before) {
            this.connection = connection;
            this.insert = insert;
            this.columns = columns;
            this.perStatement = perStatement;
            this.before = before;
            this.values = new Object[columns * perStatement];
        }

        void add(Object... row) throws SQLException {
            System.arraycopy(row, 0, values, rows * columns, columns);
            if (++rows == perStatement) {
                flush();
            }
        }

        void flush() throws SQLException {
            if (rows == 0) {
                return;
            }
            before.run();
            if (rows == perStatement) {
                if (full == null) {
                    full = connection.prepareStatement(sql(perStatement));
                }
                execute(full);
            } else {
                try (PreparedStatement rest = connection.prepareStatement(sql(rows))) {
                    execute(rest);
                }
            }
            rows = 0;
        }

        private void execute(PreparedStatement statement) throws SQLException {
            for (int i = 0; i < rows * columns; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        }

        private String sql(int count) {
            String row = "(" + "?, ".repeat(columns - 1) + "?)";
            StringBuilder sql = new StringBuilder(insert.length() + count * (row.length() + 2)).append(insert);
            for (int i = 0; i < count; i++) {
                sql.append(i == 0 ? "" : ", ").append(row);
            }
            return sql.toString();
        }

        @Override
        public void close() throws SQLException {
            if (full != null) {
                full.close();
            }
        }
    }

    /** A statement to run first, which may fail as JDBC does. */
    private interface SqlAction {
        void run() throws SQLException;
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
