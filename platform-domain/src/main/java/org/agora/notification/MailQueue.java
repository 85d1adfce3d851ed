package org.agora.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.agora.shared.Actor;
import org.agora.shared.InvalidInputException;
import org.agora.shared.NotAllowedException;
import org.agora.shared.NotFoundException;

/**
 * The outbox as the workers and the office use it. A worker claims due mails with a conditional UPDATE each (the
 * row must still be pending, due and unclaimed or its lease over), so of several instances exactly one gets a mail,
 * on H2 and PostgreSQL alike; it then sends it outside any transaction and records the outcome only while it still
 * holds the claim. One transaction per method.
 */
@ApplicationScoped
@Transactional
public class MailQueue {

    /** How long a claim holds: longer than any send takes; a stopped instance's mails are free again after it. */
    public static final Duration LEASE = Duration.ofMinutes(5);

    private EntityManager em;

    protected MailQueue() {
        // for CDI
    }

    @Inject
    public MailQueue(EntityManager em) {
        this.em = em;
    }

    /** Claims up to {@code max} due mails for this worker, oldest due first; the ids it got. */
    @Transactional(Transactional.TxType.REQUIRES_NEW) // a step of the worker: committed at once (SchedulerBatchesTest)
    public List<Long> claimDue(String worker, Instant now, int max) {
        OffsetDateTime at = utc(now);
        List<Long> candidates = em.createQuery("select m.id from Mail m where m.status = :pending"
                        + " and m.nextAttemptAt <= :now and (m.claimedUntil is null or m.claimedUntil < :now)"
                        + " order by m.nextAttemptAt, m.id", Long.class)
                .setParameter("pending", MailStatus.PENDING).setParameter("now", at)
                .setMaxResults(max).getResultList();
        List<Long> claimed = new ArrayList<>();
        for (Long id : candidates) {
            if (claim(id, worker, now)) {
                claimed.add(id);
            }
        }
        return claimed;
    }

    /** Claims this mail if it is still due and free: true for exactly one of several workers asking at once. */
    @Transactional(Transactional.TxType.REQUIRES_NEW) // a step of the worker: committed at once (SchedulerBatchesTest)
    public boolean claim(long id, String worker, Instant now) {
        OffsetDateTime at = utc(now);
        return em.createQuery("update Mail m set m.claimedBy = :worker, m.claimedUntil = :until where m.id = :id"
                        + " and m.status = :pending and m.nextAttemptAt <= :now"
                        + " and (m.claimedUntil is null or m.claimedUntil < :now)")
                .setParameter("worker", worker).setParameter("until", utc(now.plus(LEASE)))
                .setParameter("id", id).setParameter("pending", MailStatus.PENDING).setParameter("now", at)
                .executeUpdate() == 1;
    }

    /** The mail this worker holds, as it is now; empty when its claim was lost. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Mail> held(long id, String worker) {
        return Optional.ofNullable(em.find(Mail.class, id))
                .filter(m -> m.getStatus() == MailStatus.PENDING && m.getClaimedBy().filter(worker::equals).isPresent());
    }

    /** The mail went out to this address. False when the worker no longer held it (nothing changed then). */
    @Transactional(Transactional.TxType.REQUIRES_NEW) // a step of the worker: committed at once (SchedulerBatchesTest)
    public boolean sent(long id, String worker, String address, Instant now) {
        return em.createQuery("update Mail m set m.status = :sent, m.sentAt = :now, m.lastAttemptAt = :now,"
                        + " m.attempts = m.attempts + 1, m.sentTo = :address, m.claimedBy = null, m.claimedUntil = null"
                        + " where m.id = :id and m.claimedBy = :worker and m.status = :pending")
                .setParameter("sent", MailStatus.SENT).setParameter("now", utc(now)).setParameter("address", address)
                .setParameter("id", id).setParameter("worker", worker).setParameter("pending", MailStatus.PENDING)
                .executeUpdate() == 1;
    }

    /**
     * An attempt failed: counted with its error; the mail waits for its next attempt, or is FAILED after the last one.
     * False when the worker no longer held it.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW) // a step of the worker: committed at once (SchedulerBatchesTest)
    public boolean failed(long id, String worker, String error, Instant now, RetrySchedule schedule) {
        Optional<Mail> mail = held(id, worker);
        if (mail.isEmpty()) {
            return false;
        }
        int attempts = mail.get().getAttempts() + 1;
        Optional<Instant> next = schedule.nextAttempt(attempts, now);
        return em.createQuery("update Mail m set m.status = :status, m.attempts = :attempts, m.lastError = :error,"
                        + " m.lastAttemptAt = :now, m.nextAttemptAt = :next, m.claimedBy = null, m.claimedUntil = null"
                        + " where m.id = :id and m.claimedBy = :worker and m.status = :pending")
                .setParameter("status", next.isPresent() ? MailStatus.PENDING : MailStatus.FAILED)
                .setParameter("attempts", attempts).setParameter("error", Mail.shortened(error))
                .setParameter("now", utc(now)).setParameter("next", utc(next.orElse(now)))
                .setParameter("id", id).setParameter("worker", worker).setParameter("pending", MailStatus.PENDING)
                .executeUpdate() == 1;
    }

    /** Gives a claimed mail back untried (its attempts unchanged, due as before), for this or another instance's next round. */
    @Transactional(Transactional.TxType.REQUIRES_NEW) // a step of the worker: committed at once (SchedulerBatchesTest)
    public boolean release(long id, String worker) {
        return em.createQuery("update Mail m set m.claimedBy = null, m.claimedUntil = null"
                        + " where m.id = :id and m.claimedBy = :worker and m.status = :pending")
                .setParameter("id", id).setParameter("worker", worker).setParameter("pending", MailStatus.PENDING)
                .executeUpdate() == 1;
    }

    /** Not sent, and never will be: the person no longer wants mails of its kind. */
    @Transactional(Transactional.TxType.REQUIRES_NEW) // a step of the worker: committed at once (SchedulerBatchesTest)
    public boolean skipped(long id, String worker, Instant now) {
        return em.createQuery("update Mail m set m.status = :skipped, m.lastAttemptAt = :now, m.claimedBy = null,"
                        + " m.claimedUntil = null where m.id = :id and m.claimedBy = :worker and m.status = :pending")
                .setParameter("skipped", MailStatus.SKIPPED).setParameter("now", utc(now))
                .setParameter("id", id).setParameter("worker", worker).setParameter("pending", MailStatus.PENDING)
                .executeUpdate() == 1;
    }

    /** A person's choices as the worker reads them before sending: a mail turned off meanwhile is skipped. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public NotificationPreferences preferencesOf(String person) {
        return Optional.ofNullable(em.find(NotificationPreferences.class, person))
                .orElseGet(() -> NotificationPreferences.defaults(person));
    }

    // --- the office ---

    /** The mails not sent yet and those given up, newest first, at most {@code max}: for the office only. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Mail> unsent(Actor actor, int max) {
        requireOffice(actor);
        return em.createQuery("select m from Mail m where m.status in :open order by m.createdAt desc, m.id desc", Mail.class)
                .setParameter("open", List.of(MailStatus.PENDING, MailStatus.FAILED)).setMaxResults(max).getResultList();
    }

    /** How many mails are in each state that needs attention: pending and failed. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long count(Actor actor, MailStatus status) {
        requireOffice(actor);
        return em.createQuery("select count(m) from Mail m where m.status = :s", Long.class)
                .setParameter("s", status).getSingleResult();
    }

    /** The office sends a given-up mail again: pending now, its attempts counted afresh. */
    public Mail retry(Actor actor, long id, Instant now) {
        requireOffice(actor);
        Mail mail = Optional.ofNullable(em.find(Mail.class, id))
                .orElseThrow(() -> new NotFoundException("notification.mail.notFound", id));
        if (mail.getStatus() != MailStatus.FAILED) {
            throw new InvalidInputException(null, "notification.mail.notFailed");
        }
        em.createQuery("update Mail m set m.status = :pending, m.attempts = 0, m.nextAttemptAt = :now"
                        + " where m.id = :id and m.status = :failed")
                .setParameter("pending", MailStatus.PENDING).setParameter("now", utc(now))
                .setParameter("id", id).setParameter("failed", MailStatus.FAILED).executeUpdate();
        em.refresh(mail);
        return mail;
    }

    private static void requireOffice(Actor actor) {
        NotificationPermissions.whyNotSeeMails(actor).ifPresent(reason -> {
            throw new NotAllowedException(reason);
        });
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
