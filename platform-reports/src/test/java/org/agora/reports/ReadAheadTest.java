package org.agora.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;
import org.agora.exports.RawData;
import org.agora.exports.RawTable;
import org.junit.jupiter.api.Test;

class ReadAheadTest {

    /** The threads the read-ahead made, to see that they ended. */
    private final List<Thread> made = Collections.synchronizedList(new ArrayList<>());
    private final ThreadFactory threads = task -> {
        Thread thread = new Thread(task, "reader-" + made.size());
        made.add(thread);
        return thread;
    };

    /** A source of {@code length} rows ({@code Long.MAX_VALUE}: endless), each its number, noting its thread. */
    private static final class Counting implements RawSource {

        final long length;
        final AtomicLong produced = new AtomicLong();
        volatile Thread readOn;

        Counting(long length) {
            this.length = length;
        }

        @Override
        public long count(RawTable table) {
            return length;
        }

        @Override
        public long read(RawTable table, RawData.Rows rows) throws IOException {
            readOn = Thread.currentThread();
            for (long i = 0; i < length; i++) {
                produced.incrementAndGet();
                rows.row(List.of(i));
            }
            return length;
        }
    }

    /** How many readers were closed. */
    private final java.util.concurrent.atomic.AtomicInteger closed = new java.util.concurrent.atomic.AtomicInteger();

    /** {@code source} read ahead by itself on the test's threads, each reader counted when closed. */
    private RawSource readAhead(RawSource source, ThreadFactory threads) {
        return ReadAhead.of(source, () -> new ReadAhead.Reader() {
            @Override
            public long read(RawTable table, RawData.Rows rows) throws IOException {
                return source.read(table, rows);
            }

            @Override
            public void close() {
                closed.incrementAndGet();
            }
        }, threads);
    }

    @Test
    void everyRowArrivesInOrderReadOnAnotherThreadAcrossBatches() throws IOException {
        Counting source = new Counting(ReadAhead.BATCH * 2L + 234);
        List<Object> seen = new ArrayList<>();

        long read = readAhead(source, threads).read(RawTable.ANSWERS, values -> seen.add(values.get(0)));

        assertThat(read).isEqualTo(1234);
        assertThat(seen).hasSize(1234);
        for (int i = 0; i < seen.size(); i++) {
            assertThat(seen.get(i)).isEqualTo((long) i);
        }
        assertThat(source.readOn).isNotNull().isNotSameAs(Thread.currentThread());
        assertThat(made).hasSize(1).allMatch(t -> !t.isAlive());
        assertThat(closed).as("the reader closed").hasValue(1);
    }

    @Test
    void anEmptyTableGivesNoRow() throws IOException {
        List<Object> seen = new ArrayList<>();

        assertThat(readAhead(new Counting(0), threads).read(RawTable.MEETINGS, seen::add)).isZero();
        assertThat(seen).isEmpty();
    }

    @Test
    void theReadersFailureIsThrownOnTheWritersThreadAsItWas() {
        RawSource refused = failingAfter(700, new IllegalStateException("not allowed"));
        List<Object> seen = new ArrayList<>();

        assertThatThrownBy(() -> readAhead(refused, threads).read(RawTable.ANSWERS, seen::add))
                .isInstanceOf(IllegalStateException.class).hasMessage("not allowed");
        assertThat(seen).hasSize(500); // the whole batch before the failure, not the half-filled one
        assertThat(made).allMatch(t -> !t.isAlive());
        assertThat(closed).as("the failed reader closed").hasValue(1);

        IOException lost = new IOException("connection lost");
        assertThatThrownBy(() -> readAhead(failingAfter(3, lost), threads).read(RawTable.ANSWERS, seen::add))
                .isSameAs(lost);
    }

    private static RawSource failingAfter(int rowsBefore, Exception failure) {
        return new RawSource() {
            @Override
            public long count(RawTable table) {
                return rowsBefore;
            }

            @Override
            public long read(RawTable table, RawData.Rows rows) throws IOException {
                for (long i = 0; i < rowsBefore; i++) {
                    rows.row(List.of(i));
                }
                if (failure instanceof IOException io) {
                    throw io;
                }
                throw (RuntimeException) failure;
            }
        };
    }

    @Test
    void theWritersFailureStopsAnEndlessReaderBeforeReadReturns() {
        Counting endless = new Counting(Long.MAX_VALUE);
        IOException diskFull = new IOException("disk full");
        long[] written = {0};

        assertThatThrownBy(() -> readAhead(endless, threads).read(RawTable.ANSWERS, values -> {
            if (++written[0] == 10) {
                throw diskFull;
            }
        })).isSameAs(diskFull);

        assertThat(made).hasSize(1);
        assertThat(made.get(0).isAlive()).as("the reader ended before read returned").isFalse();
        long producedWhenStopped = endless.produced.get();
        assertThat(producedWhenStopped).isLessThanOrEqualTo((long) ReadAhead.BATCH * (ReadAhead.BATCHES + 2));
        assertThat(endless.produced.get()).as("nothing read afterwards").isEqualTo(producedWhenStopped);
        assertThat(closed).as("the stopped reader closed").hasValue(1);
    }

    @Test
    void theReaderWaitsWhenTheBatchesAreFullSoMemoryStaysBounded() throws IOException {
        Counting endless = new Counting(Long.MAX_VALUE);
        long[] whenFull = {-1};

        assertThatThrownBy(() -> readAhead(endless, threads).read(RawTable.ANSWERS, values -> {
            // the writer's first row: it waits until the reader waits for room
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (endless.readOn == null || endless.readOn.getState() != Thread.State.TIMED_WAITING) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("the reader never waited for room");
                }
                Thread.onSpinWait();
            }
            whenFull[0] = endless.produced.get();
            throw new IOException("enough");
        })).hasMessage("enough");

        // at most: the writer holds one batch, the queue the others, the reader one more it cannot hand over (one fewer
        // when the reader filled the queue before the writer took the first batch, and is not yet awake)
        assertThat(whenFull[0]).isBetween((long) ReadAhead.BATCH * (ReadAhead.BATCHES + 1),
                (long) ReadAhead.BATCH * (ReadAhead.BATCHES + 2));
    }
}
