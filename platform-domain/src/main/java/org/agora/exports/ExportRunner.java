package org.agora.exports;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An instance's export worker: claims a queued export, has its file written to a partial file of that attempt
 * ({@code export-<id>-<attempt>.part}) in the exports' directory, then renames it atomically to its random final name
 * and marks the job done; a failure deletes the partial file and fails the job. Nothing half-written ever carries a
 * final name, so a killed instance leaves at most a partial file, which {@link #recover} deletes when it queues the job
 * again. {@link #expire} deletes the files whose time is up, and any file of the directory no job holds.
 */
public final class ExportRunner {

    private static final Logger LOG = Logger.getLogger(ExportRunner.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Progress is written at most this often (it is also the job's heartbeat). */
    static final Duration PROGRESS_EVERY = Duration.ofSeconds(1);

    /** A file no job holds is deleted once this old (a worker may be between its rename and its commit). */
    static final Duration ORPHAN_AGE = Duration.ofHours(1);

    private final String name;
    private final ExportJobs jobs;
    private final ExportProducer producer;
    private final Path directory;
    private final Duration retention;
    private final Clock clock;
    private volatile boolean stopping;

    public ExportRunner(String name, ExportJobs jobs, ExportProducer producer, Path directory, Duration retention,
                        Clock clock) {
        this.name = name;
        this.jobs = jobs;
        this.producer = producer;
        this.directory = directory;
        this.retention = retention;
        this.clock = clock;
    }

    public String name() {
        return name;
    }

    public Path directory() {
        return directory;
    }

    /** The time as this worker reads it. */
    public Instant now() {
        return clock.instant();
    }

    /** The partial file of an attempt. */
    public static String partialName(long id, int attempt) {
        return "export-" + id + "-" + attempt + ".part";
    }

    /** Claims the oldest queued export and writes it; the job as it ended, or empty when none was queued. */
    public Optional<Long> runNext() {
        return jobs.claimNext(name, clock.instant()).map(job -> {
            run(job);
            return job.getId();
        });
    }

    /** Writes a job this worker holds. */
    public void run(ExportJob job) {
        long id = job.getId();
        Path partial = directory.resolve(partialName(id, job.getAttempts()));
        Path done = directory.resolve("export-" + id + "-" + HexFormat.of().formatHex(randomBytes()) + "."
                + job.getKind().extension());
        try {
            Files.createDirectories(directory);
            long rows;
            Tracker tracker = new Tracker(id);
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial), 64 * 1024)) {
                rows = producer.write(job, out, tracker);
            }
            Files.move(partial, done, StandardCopyOption.ATOMIC_MOVE);
            if (!jobs.finish(id, name, done.getFileName().toString(), Files.size(done), rows, clock.instant(), retention)) {
                Files.deleteIfExists(done); // queued again meanwhile: another attempt writes it
            }
        } catch (ExportProducer.Cancelled e) {
            LOG.info(() -> "Export " + id + " abandoned: " + e.getMessage());
            deleteQuietly(partial);
            if (stopping) {
                release(id);
            }
        } catch (Exception | OutOfMemoryError e) {
            LOG.log(Level.WARNING, "Export " + id + " failed", e);
            deleteQuietly(partial);
            deleteQuietly(done);
            jobs.fail(id, name, e.getClass().getSimpleName() + ": " + e.getMessage(), clock.instant());
        }
    }

    /**
     * The instance is stopping: the exports being written stop at their next rows and are queued again (or, if the
     * database is gone already, recovered later as any job left running).
     */
    public void stop() {
        stopping = true;
    }

    private void release(long id) {
        try {
            jobs.release(id, name);
        } catch (RuntimeException e) {
            LOG.log(Level.INFO, "Export " + id + " not given back now: it is queued again once its heartbeat is stale", e);
        }
    }

    /**
     * Jobs whose worker stopped (no heartbeat for {@code staleAfter}) are queued again from scratch, their partial
     * files deleted; how many.
     */
    public int recover(Duration staleAfter, int maxAttempts) {
        List<ExportJobs.Attempt> recovered = jobs.recoverStale(clock.instant(), staleAfter, maxAttempts);
        for (ExportJobs.Attempt attempt : recovered) {
            deleteQuietly(directory.resolve(partialName(attempt.id(), attempt.attempt())));
            LOG.info(() -> "Export " + attempt.id() + " was left running (attempt " + attempt.attempt()
                    + "): queued again from scratch");
        }
        return recovered.size();
    }

    /** Deletes the files of the exports whose time is up, and the files no job holds any more; how many. */
    public int expire() {
        Instant now = clock.instant();
        int deleted = 0;
        for (String file : jobs.expire(now)) {
            if (deleteQuietly(directory.resolve(file))) {
                deleted++;
            }
        }
        if (!Files.isDirectory(directory)) {
            return deleted;
        }
        Set<String> inUse = jobs.filesInUse();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "export-*")) {
            for (Path file : files) {
                String fileName = file.getFileName().toString();
                if (!inUse.contains(fileName) && Files.getLastModifiedTime(file).toInstant()
                        .isBefore(now.minus(ORPHAN_AGE)) && deleteQuietly(file)) {
                    deleted++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return deleted;
    }

    /** The file of a finished export. */
    public Path file(ExportJob job) {
        return directory.resolve(job.getFileName().orElseThrow());
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static boolean deleteQuietly(Path file) {
        try {
            return Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot delete " + file, e);
            return false;
        }
    }

    /** Writes progress at most every {@link #PROGRESS_EVERY}; stops the producer once the job is no longer held. */
    private final class Tracker implements ExportProducer.Progress {

        private final long id;
        private Long expected;
        private long written;
        private Instant lastWrite = Instant.MIN;

        Tracker(long id) {
            this.id = id;
        }

        @Override
        public void expected(long rows) {
            expected = rows;
            save(true);
        }

        @Override
        public void written(long rows) {
            written = rows;
            save(false);
        }

        private void save(boolean now) {
            if (stopping) {
                throw new ExportProducer.Cancelled(id);
            }
            Instant at = clock.instant();
            if (!now && at.isBefore(lastWrite.plus(PROGRESS_EVERY))) {
                return;
            }
            lastWrite = at;
            if (!jobs.progress(id, name, written, expected, at)) {
                throw new ExportProducer.Cancelled(id);
            }
        }
    }
}
