package org.agora.newsletter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.agora.moderation.AuditAction;
import org.agora.moderation.AuditLog;
import org.agora.notification.Notifications;
import org.agora.shared.Actor;
import org.agora.shared.ConflictException;
import org.agora.shared.Constraints;
import org.agora.shared.DistrictCode;
import org.agora.shared.InvalidInputException;
import org.agora.shared.NotAllowedException;
import org.agora.shared.NotFoundException;
import org.agora.shared.Page;

/**
 * The newsletters' use cases: staff write a draft to an audience ({@link NewsletterPermissions}), count its recipients
 * with the query the sending uses ({@link Recipients}), send a test to themselves, and send it (once: the audit log
 * records who sent it). The copies are then queued in batches of bounded size, one transaction each
 * ({@link #queueNextBatch}), by whichever instance locks the newsletter's row; the outbox's key (newsletter, recipient)
 * proves nobody gets two. Anyone reads the sent newsletters; a draft is found by its staff only.
 */
@ApplicationScoped
@Transactional
public class NewsletterService {

    /** The archive's page size. */
    public static final int ARCHIVE_PAGE = 20;
    /** Staff lists show this many newsletters at most, newest first. */
    static final int STAFF_LIST = 200;

    private EntityManager em;
    private Notifications notifications;
    private AuditLog audit;

    protected NewsletterService() {
        // for CDI
    }

    @Inject
    public NewsletterService(EntityManager em, Notifications notifications, AuditLog audit) {
        this.em = em;
        this.notifications = notifications;
        this.audit = audit;
    }

    /** The path of a sent newsletter's public page. */
    public static String pagePath(long id) {
        return "/newsletters/view.xhtml?id=" + id;
    }

    // --- staff ---

    /** Writes a draft to this audience. */
    public Newsletter create(Actor actor, NewsletterText text, Audience audience, Instant now) {
        requireWrite(actor, audience);
        checkReferences(audience);
        Newsletter newsletter = new Newsletter(text, audience, actor.username(), now);
        em.persist(newsletter);
        em.flush();
        return newsletter;
    }

    /** Changes a draft's text and audience; the person must be allowed both the former audience and the new one. */
    public Newsletter edit(Actor actor, long id, NewsletterText text, Audience audience, Instant now) {
        Newsletter newsletter = get(actor, id);
        requireWrite(actor, audience);
        checkReferences(audience);
        newsletter.edit(text, audience, now);
        Constraints.flush(em, () -> new ConflictException(null, "newsletter.changedMeanwhile"));
        return newsletter;
    }

    /** A newsletter for the staff who may write to its audience: 404 unknown, 403 another district's. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Newsletter get(Actor actor, long id) {
        Newsletter newsletter = Optional.ofNullable(em.find(Newsletter.class, id))
                .orElseThrow(() -> new NotFoundException("newsletter.notFound", id));
        requireWrite(actor, newsletter.getAudience());
        return newsletter;
    }

    /** The newsletters this person may write to (the office: all; an agent: their districts'), newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Newsletter> list(Actor actor) {
        if (!NewsletterPermissions.writesNewsletters(actor)) {
            throw new NotAllowedException(actor.isSignedIn() ? "newsletter.notAllowed" : "newsletter.signIn");
        }
        return em.createQuery("select n from Newsletter n order by n.updatedAt desc, n.id desc", Newsletter.class)
                .setMaxResults(STAFF_LIST).getResultList().stream()
                .filter(n -> NewsletterPermissions.canWrite(actor, n.getAudience())).toList();
    }

    /** How many people the newsletter would reach if sent now: the same query as the sending. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long countRecipients(Actor actor, long id) {
        return new Recipients(em, get(actor, id).getAudience()).count();
    }

    /** Queues one copy, marked as a test, to its author only (whatever they opted); not in the archive. */
    public Newsletter testSend(Actor actor, long id, Instant now) {
        Newsletter newsletter = get(actor, id);
        notifications.queueNewsletterTest(newsletter.getId(), actor.username(), now);
        em.flush();
        return newsletter;
    }

    /**
     * Sends the newsletter: public from now on, and its copies queued in batches after this transaction. Refused
     * (409) when it was already sent, also to the second of two simultaneous clicks (the row's version).
     */
    public Newsletter send(Actor actor, long id, Instant now) {
        Newsletter newsletter = get(actor, id);
        newsletter.send(actor.username(), now);
        Audience audience = newsletter.getAudience();
        Optional<DistrictCode> district = audience.districts().size() == 1
                ? Optional.of(audience.districts().iterator().next()) : Optional.empty();
        audit.append(actor, now, AuditAction.NEWSLETTER_SENT, "NEWSLETTER", String.valueOf(id), district,
                shortened(newsletter.getText().subjectFr()), NewsletterStatus.DRAFT.name(), NewsletterStatus.SENT.name());
        Constraints.flush(em, () -> new ConflictException(null, "newsletter.alreadySent"));
        return newsletter;
    }

    /**
     * Queues the next batch of copies of a sent newsletter not fully queued yet, at most {@code batch} people, in this
     * transaction; false when none is left. The newsletter's row is locked meanwhile, so two instances never queue the
     * same batch; the outbox's key refuses a second copy to anyone anyway.
     */
    // a transaction of its own even inside the caller's: Payara runs a scheduler's timer method in a transaction
    // whatever its attribute says, and the whole round (200 batches) was then one, 100,000 notifications held in the
    // heap until its end (measured on bench/exports' 300,000 accounts; SchedulerBatchesTest)
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean queueNextBatch(Instant now, int batch) {
        List<Long> waiting = em.createQuery("select n.id from Newsletter n where n.status = :sent and n.queuedAt is null"
                        + " order by n.sentAt, n.id", Long.class)
                .setParameter("sent", NewsletterStatus.SENT).setMaxResults(1).getResultList();
        if (waiting.isEmpty()) {
            return false;
        }
        Newsletter newsletter = em.find(Newsletter.class, waiting.get(0), LockModeType.PESSIMISTIC_WRITE);
        if (newsletter.isFullyQueued()) {
            return true; // another instance finished it meanwhile
        }
        List<String> next = new Recipients(em, newsletter.getAudience()).next(newsletter.getQueueCursor(), batch);
        notifications.queueNewsletter(newsletter.getId(), next, pagePath(newsletter.getId()), now);
        newsletter.queued(next.isEmpty() ? Optional.empty() : Optional.of(next.get(next.size() - 1)), next.size(),
                next.size() < batch, now);
        Constraints.flush(em, () -> new ConflictException(null, "newsletter.queuedMeanwhile"));
        return true;
    }

    // --- anyone ---

    /** The sent newsletters, newest first, a page at a time. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Newsletter> archive(int page) {
        int number = Math.max(1, page);
        List<Newsletter> items = em.createQuery("select n from Newsletter n where n.status = :sent"
                        + " order by n.sentAt desc, n.id desc", Newsletter.class)
                .setParameter("sent", NewsletterStatus.SENT)
                .setFirstResult((number - 1) * ARCHIVE_PAGE).setMaxResults(ARCHIVE_PAGE).getResultList();
        long total = em.createQuery("select count(n) from Newsletter n where n.status = :sent", Long.class)
                .setParameter("sent", NewsletterStatus.SENT).getSingleResult();
        return new Page<>(items, total, number, ARCHIVE_PAGE);
    }

    /** A sent newsletter, for anyone; a draft or an unknown id is not found. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Newsletter> published(long id) {
        return Optional.ofNullable(em.find(Newsletter.class, id)).filter(Newsletter::isSent);
    }

    private static void requireWrite(Actor actor, Audience audience) {
        NewsletterPermissions.whyNotWrite(actor, audience).ifPresent(reason -> {
            throw new NotAllowedException(reason);
        });
    }

    /** Unknown districts, themes or participation targets are refused (400) before anything is stored. */
    private void checkReferences(Audience audience) {
        if (count("select count(*) from districts where code in", audience.districts().stream().map(DistrictCode::value).toList())
                != audience.districts().size()) {
            throw new InvalidInputException("districts", "newsletter.audience.districtUnknown");
        }
        if (count("select count(*) from themes where id in", audience.themes()) != audience.themes().size()) {
            throw new InvalidInputException("themes", "newsletter.audience.themeUnknown");
        }
        audience.participation().ifPresent(filter -> {
            String table = switch (filter.kind()) {
                case VOTED_IN_CALL -> "budget_calls";
                case ANSWERED_CONSULTATION -> "consultations";
                case COUNCIL_MEMBER -> "councils";
            };
            if (count("select count(*) from " + table + " where id in", List.of(filter.id())) != 1) {
                throw new InvalidInputException("participation", "newsletter.audience.participationUnknown");
            }
        });
    }

    private long count(String select, Collection<?> values) {
        if (values.isEmpty()) {
            return 0;
        }
        Query query = em.createNativeQuery(select + " (" + String.join(",", Collections.nCopies(values.size(), "?")) + ")");
        int position = 1;
        for (Object value : values) {
            query.setParameter(position++, value);
        }
        return ((Number) query.getSingleResult()).longValue();
    }

    private static String shortened(String text) {
        return text.length() > 1000 ? text.substring(0, 999) + "…" : text;
    }
}
