package org.agora.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.agora.shared.ConflictException;
import org.agora.shared.Constraints;

/**
 * Tells one event to many people in batches, recording how far it went ({@link NoticeCampaign}): the capability
 * gives the audience after a position (people in the order of the register) and the notice each is told. One batch
 * per call, inside the caller's transaction, the campaign's row locked meanwhile: two instances never tell the same
 * batch, a restart goes on where it stopped, and a finished campaign is never told again.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Campaigns {

    /** Someone of the audience, at their position in the order it is told. */
    public record Recipient(long position, String username) {
    }

    private EntityManager em;
    private Notifications notifications;

    protected Campaigns() {
        // for CDI
    }

    @Inject
    public Campaigns(EntityManager em, Notifications notifications) {
        this.em = em;
        this.notifications = notifications;
    }

    /**
     * Tells the next batch of the campaign; whether it is done now. {@code audience} answers at most {@code batch}
     * people after a position, in order.
     */
    public boolean tellNextBatch(String subject, String event, int batch, Function<Long, List<Recipient>> audience,
                                 Function<String, Notice> notice, Instant now) {
        NoticeCampaign campaign = lockedOrStarted(new NoticeCampaign.Key(subject, event), now);
        if (campaign.isDone()) {
            return true;
        }
        List<Recipient> next = audience.apply(campaign.getCursor());
        notifications.tellAll(next.stream().map(r -> notice.apply(r.username())).toList(), now);
        long last = next.isEmpty() ? campaign.getCursor() : next.get(next.size() - 1).position();
        campaign.advance(last, next.size(), next.size() < batch, now);
        em.flush();
        return campaign.isDone();
    }

    /** Whether this campaign was started (for the tests and the scans' own checks). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<NoticeCampaign> find(String subject, String event) {
        return Optional.ofNullable(em.find(NoticeCampaign.class, new NoticeCampaign.Key(subject, event)));
    }

    private NoticeCampaign lockedOrStarted(NoticeCampaign.Key key, Instant now) {
        NoticeCampaign campaign = em.find(NoticeCampaign.class, key, LockModeType.PESSIMISTIC_WRITE);
        if (campaign != null) {
            return campaign;
        }
        // two instances starting it at once: the key lets one in, the other's round is refused and retried later
        NoticeCampaign started = new NoticeCampaign(key, now);
        em.persist(started);
        Constraints.flush(em, () -> new ConflictException(null, "notification.campaign.startedMeanwhile"));
        return started;
    }
}
