package org.agora.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.agora.shared.Actor;
import org.agora.shared.ConflictException;
import org.agora.shared.Constraints;
import org.agora.shared.InvalidInputException;
import org.agora.shared.NotAllowedException;
import org.agora.shared.NotFoundException;
import org.agora.shared.Page;
import org.agora.shared.PageRequest;

/**
 * The resident's use cases: their notification centre (list, unread count, mark read, mark all read), their
 * preferences, and the one-click unsubscribe of a signed link, which needs no sign-in. Another person's notification
 * is not found, whoever asks. One transaction per change.
 */
@ApplicationScoped
@Transactional
public class NotificationService {

    public static final int MAX_PAGE = 100;

    private EntityManager em;
    private UnsubscribeLinks links;

    protected NotificationService() {
        // for CDI
    }

    @Inject
    public NotificationService(EntityManager em, UnsubscribeLinks links) {
        this.em = em;
        this.links = links;
    }

    /** The person's notifications, newest first, from {@code first}, at most {@code max} (up to {@value #MAX_PAGE}). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Notification> list(Actor actor, int first, int max) {
        require(actor);
        return em.createQuery("select n from Notification n where n.recipient = :me order by n.createdAt desc, n.id desc",
                        Notification.class)
                .setParameter("me", actor.username()).setFirstResult(Math.max(0, first))
                .setMaxResults(Math.max(1, Math.min(max, MAX_PAGE))).getResultList();
    }

    /** One page of the person's notifications, newest first, with how many they have in all. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Notification> page(Actor actor, PageRequest request) {
        long total = count(actor);
        return new Page<>(list(actor, request.offset(), request.size()), total, request.number(), request.size());
    }

    /** How many notifications the person has; for paging. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long count(Actor actor) {
        require(actor);
        return em.createQuery("select count(n) from Notification n where n.recipient = :me", Long.class)
                .setParameter("me", actor.username()).getSingleResult();
    }

    /** How many of the person's notifications are unread: one count query, for the menu of every page. 0 for nobody. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long unreadCount(Actor actor) {
        if (!actor.isSignedIn()) {
            return 0;
        }
        return em.createQuery("select count(n) from Notification n where n.recipient = :me and n.readAt is null", Long.class)
                .setParameter("me", actor.username()).getSingleResult();
    }

    /** Marks one of the person's notifications read; someone else's is not found. */
    public Notification markRead(Actor actor, long id, Instant now) {
        require(actor);
        Notification notification = Optional.ofNullable(em.find(Notification.class, id))
                .filter(n -> NotificationPermissions.owns(actor, n))
                .orElseThrow(() -> new NotFoundException("notification.notFound", id));
        notification.markRead(now);
        em.flush();
        return notification;
    }

    /** Marks all the person's notifications read; how many were unread. */
    public int markAllRead(Actor actor, Instant now) {
        require(actor);
        return em.createQuery("update Notification n set n.readAt = :now where n.recipient = :me and n.readAt is null")
                .setParameter("now", now.atOffset(ZoneOffset.UTC)).setParameter("me", actor.username()).executeUpdate();
    }

    /** The person's choices, or the defaults when they never chose. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public NotificationPreferences preferences(Actor actor) {
        require(actor);
        return stored(actor.username()).orElseGet(() -> NotificationPreferences.defaults(actor.username()));
    }

    /** Saves the person's choices for the kinds given (the others keep theirs) and the language of their mails. */
    public NotificationPreferences choose(Actor actor, Map<NotificationKind, NotificationKind.Choice> choices,
                                          String language) {
        require(actor);
        MailLanguage chosen = MailLanguage.parse(language)
                .orElseThrow(() -> new InvalidInputException("language", "notification.preferences.languageUnknown"));
        NotificationPreferences preferences = storedOrNew(actor.username());
        preferences.choose(choices, chosen);
        Constraints.flush(em, () -> new ConflictException(null, "notification.preferences.changedMeanwhile"));
        return preferences;
    }

    /**
     * The one-click unsubscribe of a mail's link, without signing in: no more mails of that kind to that person
     * (the app's notifications stay). A malformed, altered or foreign token is refused; using a link twice is fine.
     */
    public UnsubscribeLinks.Subject unsubscribe(String token) {
        UnsubscribeLinks.Subject subject = links.verify(token)
                .orElseThrow(() -> new InvalidInputException("token", "notification.unsubscribe.invalid"));
        NotificationPreferences preferences = storedOrNew(subject.person());
        preferences.stopMails(subject.kind());
        Constraints.flush(em, () -> new ConflictException(null, "notification.preferences.changedMeanwhile"));
        return subject;
    }

    private NotificationPreferences storedOrNew(String person) {
        return stored(person).orElseGet(() -> {
            NotificationPreferences fresh = NotificationPreferences.defaults(person);
            em.persist(fresh);
            return fresh;
        });
    }

    private Optional<NotificationPreferences> stored(String person) {
        return Optional.ofNullable(em.find(NotificationPreferences.class, person));
    }

    private static void require(Actor actor) {
        NotificationPermissions.whyNotUseCentre(actor).ifPresent(reason -> {
            throw new NotAllowedException(reason);
        });
    }
}
