package org.agora.reports;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.agora.exports.RawData;
import org.agora.exports.RawTable;

/**
 * A raw source read on a thread of its own, a few batches of rows ahead of the writer: while POI or the CSV printer
 * writes a batch, the next page is asked of the database and its rows decoded, on the other core, instead of one after
 * the other on the export's thread. At most {@link #BATCHES} batches of {@link #BATCH} rows wait for the writer, so
 * memory stays bounded whatever the table's length (the reader waits when they are all full).
 *
 * <p>Each table is read by a {@link Reader} of its own, opened on the caller's thread (the container answers there) and
 * closed by the reading thread once the table is read: in the application an entity manager of its own (its own
 * persistence context) on a plain thread. Not one of
 * the container's managed threads: Payara gives a thread started from the export's thread a shallow copy of that
 * thread's invocation, so both share the entity managers the container keeps for reads outside a transaction, and the
 * container closes them when the new thread ends (the export's next read then fails: measured, docs/performance.md
 * Run K).
 *
 * <p>The reader's failure (a query refused, a permission denied) is thrown again on the writer's thread, as the same
 * exception. The writer's failure (the job cancelled, the disk full) stops the reader at its next batch, and the
 * writer's thread waits for it to end before it goes on: nothing of this source runs after {@link #read} returned or
 * threw. The reader is never interrupted (an interrupted thread can lose its database connection, or an embedded
 * database its file): it looks at a flag between batches.
 */
public final class ReadAhead implements RawSource {

    /** Rows handed to the writer at once. */
    static final int BATCH = 500;

    /** Batches that may wait for the writer. */
    static final int BATCHES = 16;

    /** How long the reader waits for room before it looks again whether the writer gave up. */
    private static final long OFFER_MILLIS = 100;

    /** What reads one table on the reading thread, then is closed there. */
    public interface Reader extends AutoCloseable {

        /** Hands the table's rows to {@code rows}, in order; how many. */
        long read(RawTable table, RawData.Rows rows) throws IOException;

        @Override
        void close();
    }

    private final RawSource counts;
    private final Supplier<Reader> readers;
    private final ThreadFactory threads;

    private ReadAhead(RawSource counts, Supplier<Reader> readers, ThreadFactory threads) {
        this.counts = counts;
        this.readers = readers;
        this.threads = threads;
    }

    /**
     * The tables counted by {@code counts} on the caller's thread, and read ahead by a reader from {@code readers} on
     * a thread made by {@code threads}, one of each a table.
     */
    public static RawSource of(RawSource counts, Supplier<Reader> readers, ThreadFactory threads) {
        return new ReadAhead(counts, readers, threads);
    }

    @Override
    public long count(RawTable table) {
        return counts.count(table);
    }

    @Override
    public long read(RawTable table, RawData.Rows rows) throws IOException {
        Handover handover = new Handover();
        Reader opened = readers.get();
        Thread reader;
        try {
            reader = threads.newThread(() -> handover.fill(opened, table));
            if (reader == null) {
                throw new IllegalStateException("no thread to read " + table + " ahead");
            }
            reader.start();
        } catch (RuntimeException | Error e) {
            opened.close();
            throw e;
        }
        boolean finished = false;
        try {
            long handed = handover.drain(rows);
            finished = true;
            return handed;
        } finally {
            if (!finished) {
                handover.abandoned = true;
            }
            join(reader);
        }
    }

    /** Waits for the reader to end, even when this thread is interrupted (it is told so again afterwards). */
    private static void join(Thread reader) {
        boolean interrupted = false;
        while (reader.isAlive()) {
            try {
                reader.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** What passes from the reader to the writer: batches of rows, then how it ended. */
    private final class Handover {

        private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(BATCHES);
        private volatile boolean abandoned;
        private List<List<Object>> batch = new ArrayList<>(BATCH); // the reader's alone

        /** The reader's side: reads the table into batches, then says how it ended. */
        void fill(Reader opened, RawTable table) {
            Object end;
            try (Reader reader = opened) {
                long read = reader.read(table, this::add);
                if (!batch.isEmpty()) {
                    hand(batch);
                }
                end = new Done(read);
            } catch (Abandoned e) {
                return;
            } catch (IOException | RuntimeException | Error e) {
                end = new Failed(e);
            }
            try {
                hand(end);
            } catch (IOException e) {
                // the writer gave up: nobody waits for the end
            }
        }

        /** A row read: added to the batch being filled, handed over once full. */
        private void add(List<Object> values) throws IOException {
            batch.add(values);
            if (batch.size() == BATCH) {
                hand(batch);
                batch = new ArrayList<>(BATCH);
            }
        }

        /** Puts one item in the queue, waiting for room as long as the writer is there. */
        private void hand(Object item) throws IOException {
            try {
                while (!queue.offer(item, OFFER_MILLIS, TimeUnit.MILLISECONDS)) {
                    if (abandoned) {
                        throw new Abandoned();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("reading ahead interrupted");
            }
        }

        /** The writer's side: hands every row to {@code rows}; how many rows the source said it read. */
        @SuppressWarnings("unchecked")
        long drain(RawData.Rows rows) throws IOException {
            while (true) {
                Object item;
                try {
                    item = queue.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("waiting for rows interrupted");
                }
                if (item instanceof Done done) {
                    return done.rows;
                }
                if (item instanceof Failed failed) {
                    throw failed.rethrown();
                }
                for (List<Object> values : (List<List<Object>>) item) {
                    rows.row(values);
                }
            }
        }
    }

    /** The reader read every row. */
    private record Done(long rows) {
    }

    /** The reader failed: its exception, thrown again on the writer's thread. */
    private record Failed(Throwable cause) {

        IOException rethrown() {
            if (cause instanceof IOException io) {
                return io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            return new IOException(cause);
        }
    }

    /** The writer gave up: the reader stops at its next batch. */
    private static final class Abandoned extends IOException {

        Abandoned() {
            super("the writer gave up");
        }
    }
}
