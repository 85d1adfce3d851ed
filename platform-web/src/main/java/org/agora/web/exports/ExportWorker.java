package org.agora.web.exports;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.agora.budget.opendata.OpenDataService;
import org.agora.exports.ExportJob;
import org.agora.exports.ExportJobs;
import org.agora.exports.ExportRunner;
import org.agora.exports.RawData;
import org.agora.kpi.KpiQuery;
import org.agora.kpi.KpiService;
import org.agora.reports.ExportFiles;
import org.agora.reports.KpiTexts;
import org.agora.territory.TerritoryService;
import org.agora.web.reports.ReportsPage;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This instance's export worker: at most {@code agora.exports.concurrency} exports (default 1) written at once on
 * threads of their own (the container's managed thread factory; each reads its raw tables on a second one, a few
 * pages ahead of its writer: {@code ReadAhead}), so that the requests of everyone else keep their threads and
 * connections; the others wait in the queue, which is in the database. Every five seconds it takes the oldest queued
 * exports while it has room (and at once when someone queues one on this instance) and moves the heartbeat of those it
 * writes; every minute it queues again the exports left running by an instance that stopped (no heartbeat for two
 * minutes; also at startup) and deletes the files whose {@code agora.exports.retention-hours} (default 24) are over.
 * Files go to {@code agora.exports.directory} (default {@code data/exports} under the working directory), which several
 * instances must share.
 */
@Singleton
@Startup
@DependsOn("Database")
@Lock(LockType.READ) // no method waits for another: the claims and the semaphore keep them apart
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // each step is a transaction of its own, committed at once
public class ExportWorker {

    private static final Logger LOG = Logger.getLogger(ExportWorker.class.getName());

    /** A running export whose heartbeat is older than this was left by an instance that stopped. */
    static final Duration STALE_AFTER = Duration.ofMinutes(2);

    /** An export that stopped its instance this many times is given up. */
    static final int MAX_ATTEMPTS = 3;

    @Inject
    ExportJobs jobs;

    @Inject
    KpiService kpis;

    @Inject
    RawData raw;

    @Inject
    OpenDataService openData;

    @Inject
    TerritoryService territory;

    @Inject
    @ConfigProperty(name = "agora.exports.directory", defaultValue = "data/exports")
    String directory;

    @Inject
    @ConfigProperty(name = "agora.exports.concurrency", defaultValue = "1")
    int concurrency;

    @Inject
    @ConfigProperty(name = "agora.exports.retention-hours", defaultValue = "24")
    long retentionHours;

    @Inject
    @ConfigProperty(name = "agora.exports.read-ahead", defaultValue = "true")
    boolean readAhead;

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;

    @PersistenceUnit(unitName = "agora")
    EntityManagerFactory persistence;

    /** The threads that read raw tables ahead of their writers: plain daemon threads, each with its own entity manager. */
    private static final ThreadFactory READERS = new ThreadFactory() {
        private final AtomicInteger made = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "agora-export-reader-" + made.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    };

    private ExportRunner runner;
    private ExecutorService pool;
    private Semaphore room;
    private final Set<Long> writing = ConcurrentHashMap.newKeySet();

    @PostConstruct
    void start() {
        if (concurrency < 1 || retentionHours < 1) {
            throw new IllegalStateException("agora.exports.concurrency and agora.exports.retention-hours must be at least 1");
        }
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "instance";
        }
        // unique per start: a restarted instance never takes the exports of its former life for its own
        String name = host + "/" + UUID.randomUUID().toString().substring(0, 8);
        Clock clock = Clock.systemUTC();
        BiFunction<KpiQuery, KpiTexts, String> scopeLabel =
                (query, texts) -> ReportsPage.scopeLabel(query, territory, texts);
        ExportFiles files = readAhead ? new ExportFiles(kpis, raw, openData, scopeLabel, clock, this::ownRawData, READERS)
                : new ExportFiles(kpis, raw, openData, scopeLabel, clock);
        Path folder = Path.of(directory).toAbsolutePath().normalize();
        runner = new ExportRunner(name, jobs, files, folder, Duration.ofHours(retentionHours), clock);
        room = new Semaphore(concurrency);
        pool = Executors.newFixedThreadPool(concurrency, threads);
        LOG.info(() -> "Exports: " + concurrency + " at a time on " + name + ", files in " + folder + ", kept "
                + retentionHours + " h" + (readAhead ? ", tables read ahead" : ", tables read on the writer's thread"));
        housekeeping();
    }

    @PreDestroy
    void stop() {
        runner.stop();
        pool.shutdown();
    }

    /** Takes queued exports while this instance has room; called by the timer, and when someone queues one here. */
    public void takeQueued() {
        while (room.tryAcquire()) {
            Optional<ExportJob> claimed;
            try {
                claimed = jobs.claimNext(runner.name(), runner.now());
            } catch (RuntimeException e) {
                room.release();
                LOG.log(Level.WARNING, "Exports: cannot look at the queue now; the next round retries", e);
                return;
            }
            if (claimed.isEmpty()) {
                room.release();
                return;
            }
            ExportJob job = claimed.get();
            writing.add(job.getId());
            pool.execute(() -> {
                try {
                    runner.run(job);
                } finally {
                    writing.remove(job.getId());
                    room.release();
                }
                takeQueued();
            });
        }
    }

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    void everyFiveSeconds() {
        try {
            List<Long> ids = List.copyOf(writing);
            if (!ids.isEmpty()) {
                jobs.heartbeat(ids, runner.name(), runner.now());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Exports: heartbeat not written this round", e);
        }
        takeQueued();
    }

    @Schedule(hour = "*", minute = "*", persistent = false)
    void everyMinute() {
        housekeeping();
    }

    private void housekeeping() {
        try {
            runner.recover(STALE_AFTER, MAX_ATTEMPTS);
            int deleted = runner.expire();
            if (deleted > 0) {
                LOG.info(() -> "Exports: " + deleted + " file(s) deleted (expired or held by no export)");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Exports: housekeeping not done this minute; the next one retries", e);
        }
    }

    /**
     * The raw data on an entity manager of its own, for a table read ahead on a reader thread (not one of the
     * container's: {@code ReadAhead} says why).
     */
    private ExportFiles.OwnRawData ownRawData() {
        EntityManager em = persistence.createEntityManager();
        return new ExportFiles.OwnRawData(new RawData(em, raw.maskThreshold()), em::close);
    }

    /** Where this instance keeps the exports' files. */
    public ExportRunner runner() {
        return runner;
    }
}
