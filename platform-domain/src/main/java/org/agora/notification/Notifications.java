package org.agora.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How the capabilities tell people what happened: called by their use cases, inside the same transaction, it writes
 * the in-app notification and queues the mail each person chose for that kind of event, and nothing else (no
 * network): the mail is sent later by the worker, so sending never delays nor breaks the action. The capabilities
 * depend on this package; it depends on none of them (the notice carries the texts' values and the page's path).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Notifications {

    private EntityManager em;

    protected Notifications() {
        // for CDI
    }

    @Inject
    public Notifications(EntityManager em) {
        this.em = em;
    }

    /** Tells one person, as they chose for this kind of event. */
    public void tell(Notice notice, Instant now) {
        tellAll(List.of(notice), now);
    }

    /** Tells each person of these notices, reading all their preferences in one query. */
    public void tellAll(Collection<Notice> notices, Instant now) {
        if (notices.isEmpty()) {
            return;
        }
        Map<String, NotificationPreferences> chosen = new HashMap<>();
        List<String> people = notices.stream().map(Notice::recipient).distinct().toList();
        for (int from = 0; from < people.size(); from += 500) {
            em.createQuery("select p from NotificationPreferences p where p.person in :people", NotificationPreferences.class)
                    .setParameter("people", new ArrayList<>(people.subList(from, Math.min(people.size(), from + 500))))
                    .getResultList().forEach(p -> chosen.put(p.getPerson(), p));
        }
        for (Notice notice : notices) {
            NotificationKind.Choice choice = chosen.getOrDefault(notice.recipient(),
                    NotificationPreferences.defaults(notice.recipient())).choice(notice.kind());
            if (choice.inApp()) {
                em.persist(new Notification(notice, now));
            }
            if (choice.byEmail()) {
                em.persist(new Mail(notice, now));
            }
        }
    }

    /** The event of a newsletter's copies and of its test send; the notice's one value is the newsletter's id. */
    public static final String NEWSLETTER_EVENT = "newsletter.issue";
    public static final String NEWSLETTER_TEST_EVENT = "newsletter.test";

    /**
     * Queues one copy of a newsletter for each of these people (who opted in: the worker checks again before sending).
     * The outbox's key (newsletter, recipient) refuses a second copy to anyone, whoever queues it.
     */
    public void queueNewsletter(long newsletterId, Collection<String> people, String link, Instant now) {
        for (String person : people) {
            em.persist(new Mail(Notice.of(person, NotificationKind.NEWSLETTER, NEWSLETTER_EVENT, link, newsletterId),
                    newsletterId, now));
        }
    }

    /** Queues the test copy of a newsletter for its author: marked as a test, outside the key, whatever they opted. */
    public void queueNewsletterTest(long newsletterId, String author, Instant now) {
        em.persist(new Mail(Notice.of(author, NotificationKind.NEWSLETTER, NEWSLETTER_TEST_EVENT, null, newsletterId), now));
    }
}
