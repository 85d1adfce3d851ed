package org.agora.exports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.agora.kpi.KpiPermissions;
import org.agora.kpi.KpiQuery;
import org.agora.notification.Notice;
import org.agora.notification.NotificationKind;
import org.agora.notification.Notifications;
import org.agora.shared.Actor;
import org.agora.shared.ConflictException;
import org.agora.shared.NotAllowedException;
import org.agora.shared.NotFoundException;

/**
 * The background exports as people and workers use them, one transaction per method. A person queues an export of
 * figures they may read ({@link KpiPermissions}: a district agent their districts only, the city the analysts and the
 * office), at most {@link #MAX_ACTIVE_PER_PERSON} at a time; they alone see it and its file (anyone else is told it
 * does not exist). A worker claims the oldest queued job with a conditional UPDATE, so of several instances exactly
 * one runs it, reports its progress and heartbeat while it holds it, and finishes or fails it; a job whose heartbeat
 * stopped (its instance was killed) is queued again from scratch; a finished file expires.
 */
@ApplicationScoped
@Transactional
public class ExportJobs {

    /** Exports queued or running per person: more are refused (409) until one ends, so nobody fills the queue. */
    public static final int MAX_ACTIVE_PER_PERSON = 3;

    /** How many of a person's exports their list shows, newest first. */
    public static final int LISTED = 20;

    /** The event of the notification of a finished export ({@code notification.export.ready}). */
    public static final String READY_EVENT = "export.ready";

    /** The event of the notification of an export given up ({@code notification.export.failed}). */
    public static final String FAILED_EVENT = "export.failed";

    /** The page the notifications link to: the dashboard, where the person's exports are listed. */
    public static final String PAGE = "/reports/";

    private EntityManager em;
    private Notifications notifications;

    protected ExportJobs() {
        // for CDI, and for tests that run each call in a transaction of its own
    }

    @Inject
    public ExportJobs(EntityManager em, Notifications notifications) {
        this.em = em;
        this.notifications = notifications;
    }

    // --- people ---

    /**
     * Queues an export of these figures for this person, in this language. Refused (and nothing queued) to whoever may
     * not read them, for an unknown district or theme, and while the person has {@link #MAX_ACTIVE_PER_PERSON} exports
     * queued or running.
     */
    public ExportJob queue(Actor actor, ExportKind kind, KpiQuery query, Locale language, Instant now) {
        return queue(actor, kind, query, List.of(), language, now);
    }

    /** The same with only these raw tables (none: all of them; a workbook of some holds no KPI sheets). */
    public ExportJob queue(Actor actor, ExportKind kind, KpiQuery query, List<RawTable> tables, Locale language,
                           Instant now) {
        KpiPermissions.checkRead(actor, query);
        query.district().ifPresent(code -> {
            if (count("select count(*) from districts where code = ?1", code.value()) == 0) {
                throw new NotFoundException("territory.district.notFound", code.value());
            }
        });
        query.theme().ifPresent(theme -> {
            if (count("select count(*) from themes where id = ?1", theme) == 0) {
                throw new NotFoundException("territory.theme.notFound", theme);
            }
        });
        long active = em.createQuery("select count(j) from ExportJob j where j.owner = :owner and j.status in :active",
                        Long.class).setParameter("owner", actor.username())
                .setParameter("active", List.of(ExportStatus.QUEUED, ExportStatus.RUNNING)).getSingleResult();
        if (active >= MAX_ACTIVE_PER_PERSON) {
            throw new ConflictException("kind", "export.tooMany", MAX_ACTIVE_PER_PERSON);
        }
        ExportJob job = new ExportJob(actor, kind, query, tables, language, now);
        em.persist(job);
        em.flush();
        return job;
    }

    /** The person's exports, newest first ({@link #LISTED} at most); refused to those who read no figures. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ExportJob> mine(Actor actor) {
        if (!actor.isSignedIn() || !KpiPermissions.canRead(actor)) {
            throw new NotAllowedException(actor.isSignedIn() ? "kpi.notAllowed" : "kpi.signInFirst");
        }
        return em.createQuery("select j from ExportJob j where j.owner = :owner order by j.createdAt desc, j.id desc",
                        ExportJob.class).setParameter("owner", actor.username()).setMaxResults(LISTED).getResultList();
    }

    /** One of the person's exports; anyone else's is not found, as an unknown one (a visitor is asked to sign in). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ExportJob get(Actor actor, long id) {
        if (!actor.isSignedIn()) {
            throw new NotAllowedException("kpi.signInFirst");
        }
        ExportJob job = em.find(ExportJob.class, id);
        if (job == null || !job.getOwner().equals(actor.username())) {
            throw new NotFoundException("export.notFound", id);
        }
        return job;
    }

    /**
     * One of the person's exports whose file can be downloaded: not yet written or given up is a conflict (409), its
     * file deleted once expired is not found.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ExportJob ready(Actor actor, long id) {
        ExportJob job = get(actor, id);
        return switch (job.getStatus()) {
            case DONE -> job;
            case QUEUED, RUNNING -> throw new ConflictException(null, "export.notReady", id);
            case FAILED -> throw new ConflictException(null, "export.failed", id);
            case EXPIRED -> throw new NotFoundException("export.expired", id);
        };
    }

    // --- the workers ---

    /** Claims the oldest queued export for this worker: empty when none is queued or others took them first. */
    public Optional<ExportJob> claimNext(String runner, Instant now) {
        List<Long> candidates = em.createQuery("select j.id from ExportJob j where j.status = :queued"
                        + " order by j.createdAt, j.id", Long.class)
                .setParameter("queued", ExportStatus.QUEUED).setMaxResults(10).getResultList();
        for (Long id : candidates) {
            int claimed = em.createQuery("update ExportJob j set j.status = :running, j.runner = :runner,"
                            + " j.startedAt = :now, j.heartbeatAt = :now, j.attempts = j.attempts + 1, j.rowsWritten = 0,"
                            + " j.rowsExpected = null where j.id = :id and j.status = :queued")
                    .setParameter("running", ExportStatus.RUNNING).setParameter("runner", runner)
                    .setParameter("now", ExportJob.utc(now)).setParameter("id", id)
                    .setParameter("queued", ExportStatus.QUEUED).executeUpdate();
            if (claimed == 1) {
                return Optional.of(em.find(ExportJob.class, id));
            }
        }
        return Optional.empty();
    }

    /**
     * Records how far the worker is (and its heartbeat). False when the worker no longer holds the job (it was queued
     * again meanwhile): the worker then stops.
     */
    public boolean progress(long id, String runner, long written, Long expected, Instant now) {
        return em.createQuery("update ExportJob j set j.rowsWritten = :written, j.rowsExpected = :expected,"
                        + " j.heartbeatAt = :now where j.id = :id and j.runner = :runner and j.status = :running")
                .setParameter("written", written).setParameter("expected", expected)
                .setParameter("now", ExportJob.utc(now)).setParameter("id", id).setParameter("runner", runner)
                .setParameter("running", ExportStatus.RUNNING).executeUpdate() == 1;
    }

    /** The worker still runs these jobs: their heartbeat moves. How many it still held. */
    public int heartbeat(Collection<Long> ids, String runner, Instant now) {
        if (ids.isEmpty()) {
            return 0;
        }
        return em.createQuery("update ExportJob j set j.heartbeatAt = :now where j.id in :ids and j.runner = :runner"
                        + " and j.status = :running")
                .setParameter("now", ExportJob.utc(now)).setParameter("ids", new ArrayList<>(ids))
                .setParameter("runner", runner).setParameter("running", ExportStatus.RUNNING).executeUpdate();
    }

    /** The worker gives the job back unfinished (its instance is stopping): queued again, to start from scratch. */
    public boolean release(long id, String runner) {
        return em.createQuery("update ExportJob j set j.status = :queued, j.runner = null, j.heartbeatAt = null,"
                        + " j.rowsWritten = 0 where j.id = :id and j.runner = :runner and j.status = :running")
                .setParameter("queued", ExportStatus.QUEUED).setParameter("id", id).setParameter("runner", runner)
                .setParameter("running", ExportStatus.RUNNING).executeUpdate() == 1;
    }

    /**
     * The file is written and in place: the job is done, its file kept for {@code retention}, and its owner told.
     * False when the worker no longer held it (the worker then deletes the file).
     */
    public boolean finish(long id, String runner, String fileName, long size, long rows, Instant now, Duration retention) {
        Instant expires = now.plus(retention);
        int done = em.createQuery("update ExportJob j set j.status = :done, j.fileName = :file, j.fileSize = :size,"
                        + " j.rowsWritten = :rows, j.rowsExpected = :rows, j.finishedAt = :now, j.heartbeatAt = :now,"
                        + " j.expiresAt = :expires, j.error = null where j.id = :id and j.runner = :runner and j.status = :running")
                .setParameter("done", ExportStatus.DONE).setParameter("file", fileName).setParameter("size", size)
                .setParameter("rows", rows).setParameter("now", ExportJob.utc(now))
                .setParameter("expires", ExportJob.utc(expires)).setParameter("id", id).setParameter("runner", runner)
                .setParameter("running", ExportStatus.RUNNING).executeUpdate();
        if (done == 1) {
            ExportJob job = em.find(ExportJob.class, id);
            notifications.tell(Notice.of(job.getOwner(), NotificationKind.EXPORT_READY, READY_EVENT, PAGE,
                    job.downloadName(), expires), now);
        }
        return done == 1;
    }

    /** The export could not be written: given up (its owner told), with the reason for the logs and the office. */
    public boolean fail(long id, String runner, String error, Instant now) {
        int failed = em.createQuery("update ExportJob j set j.status = :failed, j.error = :error, j.finishedAt = :now"
                        + " where j.id = :id and j.runner = :runner and j.status = :running")
                .setParameter("failed", ExportStatus.FAILED).setParameter("error", shortened(error))
                .setParameter("now", ExportJob.utc(now)).setParameter("id", id).setParameter("runner", runner)
                .setParameter("running", ExportStatus.RUNNING).executeUpdate();
        if (failed == 1) {
            ExportJob job = em.find(ExportJob.class, id);
            notifications.tell(Notice.of(job.getOwner(), NotificationKind.EXPORT_READY, FAILED_EVENT, PAGE,
                    job.downloadName()), now);
        }
        return failed == 1;
    }

    /** An attempt of a job: what its partial file is named after. */
    public record Attempt(long id, int attempt) {
    }

    /**
     * Jobs left running by an instance that stopped (no heartbeat for {@code staleAfter}): queued again to start from
     * scratch, or failed after {@code maxAttempts} (a job that kills its instance must not kill the next one). The
     * attempts given up, whose partial files the caller deletes.
     */
    public List<Attempt> recoverStale(Instant now, Duration staleAfter, int maxAttempts) {
        List<ExportJob> stale = em.createQuery("select j from ExportJob j where j.status = :running"
                        + " and j.heartbeatAt < :limit order by j.id", ExportJob.class)
                .setParameter("running", ExportStatus.RUNNING)
                .setParameter("limit", ExportJob.utc(now.minus(staleAfter))).getResultList();
        List<Attempt> recovered = new ArrayList<>();
        for (ExportJob job : stale) {
            boolean giveUp = job.getAttempts() >= maxAttempts;
            int changed = em.createQuery("update ExportJob j set j.status = :status, j.runner = null,"
                            + " j.heartbeatAt = null, j.rowsWritten = 0, j.error = :error, j.finishedAt = :finished"
                            + " where j.id = :id and j.status = :running and j.attempts = :attempts")
                    .setParameter("status", giveUp ? ExportStatus.FAILED : ExportStatus.QUEUED)
                    .setParameter("error", giveUp ? "stopped " + job.getAttempts() + " times without finishing" : null)
                    .setParameter("finished", giveUp ? ExportJob.utc(now) : null)
                    .setParameter("id", job.getId()).setParameter("running", ExportStatus.RUNNING)
                    .setParameter("attempts", job.getAttempts()).executeUpdate();
            if (changed == 1) {
                recovered.add(new Attempt(job.getId(), job.getAttempts()));
            }
        }
        return recovered;
    }

    /** Finished exports whose time is up become EXPIRED; the names of their files, which the caller deletes. */
    public List<String> expire(Instant now) {
        List<ExportJob> due = em.createQuery("select j from ExportJob j where j.status = :done and j.expiresAt <= :now"
                        + " order by j.id", ExportJob.class)
                .setParameter("done", ExportStatus.DONE).setParameter("now", ExportJob.utc(now)).getResultList();
        List<String> files = new ArrayList<>();
        for (ExportJob job : due) {
            int changed = em.createQuery("update ExportJob j set j.status = :expired, j.fileName = null"
                            + " where j.id = :id and j.status = :done")
                    .setParameter("expired", ExportStatus.EXPIRED).setParameter("id", job.getId())
                    .setParameter("done", ExportStatus.DONE).executeUpdate();
            if (changed == 1) {
                job.getFileName().ifPresent(files::add);
            }
        }
        return files;
    }

    /** The files the directory must keep: those of finished exports, and the partial file of each running one. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Set<String> filesInUse() {
        Set<String> names = new HashSet<>(em.createQuery("select j.fileName from ExportJob j where j.status = :done",
                String.class).setParameter("done", ExportStatus.DONE).getResultList());
        for (Object[] row : em.createQuery("select j.id, j.attempts from ExportJob j where j.status = :running",
                Object[].class).setParameter("running", ExportStatus.RUNNING).getResultList()) {
            names.add(ExportRunner.partialName(((Number) row[0]).longValue(), ((Number) row[1]).intValue()));
        }
        return names;
    }

    private long count(String sql, Object value) {
        return ((Number) em.createNativeQuery(sql).setParameter(1, value).getSingleResult()).longValue();
    }

    private static String shortened(String error) {
        String text = error == null ? "" : error;
        return text.length() <= 500 ? text : text.substring(0, 500);
    }
}
