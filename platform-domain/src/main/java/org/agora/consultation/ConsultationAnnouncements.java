package org.agora.consultation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.agora.notification.Campaigns;
import org.agora.notification.NoticeCampaign;
import org.agora.notification.Notice;
import org.agora.notification.NotificationKind;

/**
 * The scan that tells people a consultation opened in their district (everyone, for a city-wide one) or in a theme they
 * follow: the people on the register of residents with an account, whose district is the consultation's or who follow
 * its theme (told once if both), in batches
 * ({@link Campaigns}, which records how far it went). A consultation that opened more than {@link #RECENT} ago is
 * not announced any more (one already open when this arrived, or after a long stop). Run by the consultations'
 * scheduler after it opens what is due; one batch per call, one transaction each.
 */
@ApplicationScoped
@Transactional
public class ConsultationAnnouncements {

    static final String EVENT = "consultation.opened";
    static final Duration RECENT = Duration.ofDays(2);

    private EntityManager em;
    private Campaigns campaigns;

    protected ConsultationAnnouncements() {
        // for CDI
    }

    @Inject
    public ConsultationAnnouncements(EntityManager em, Campaigns campaigns) {
        this.em = em;
        this.campaigns = campaigns;
    }

    /** Tells the next batch of one open consultation not fully announced yet; false when none is left. */
    // a transaction of its own even inside the caller's: Payara runs a scheduler's timer method in a transaction
    // whatever its attribute says, and the whole round (200 batches) was then one, 100,000 notifications held in the
    // heap until its end (measured on bench/exports' 300,000 accounts; SchedulerBatchesTest)
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean announceNextBatch(Instant now, int batch) {
        List<Consultation> open = em.createQuery("select c from Consultation c where c.status = :open"
                        + " and c.opensAt >= :since order by c.id", Consultation.class)
                .setParameter("open", ConsultationStatus.OPEN)
                .setParameter("since", now.minus(RECENT).atOffset(ZoneOffset.UTC)).getResultList();
        for (Consultation consultation : open) {
            String subject = "consultation:" + consultation.getId();
            if (campaigns.find(subject, EVENT).filter(NoticeCampaign::isDone).isPresent()) {
                continue;
            }
            campaigns.tellNextBatch(subject, EVENT, batch, after -> audience(consultation, after, batch),
                    person -> Notice.of(person, NotificationKind.CONSULTATION_OPENED, EVENT,
                            "/consultations/view.xhtml?id=" + consultation.getId(), consultation.getTitle(),
                            consultation.getPeriod().end()), now);
            return true;
        }
        return false;
    }

    /**
     * The accounts on the register in the consultation's district (all for the city) or following its theme, after a
     * position, in order: one row per person, so someone both in the district and following the theme is told once.
     */
    private List<Campaigns.Recipient> audience(Consultation consultation, long after, int batch) {
        boolean city = consultation.getScope().district().isEmpty();
        Long theme = consultation.getThemeId();
        String inDistrict = "r.districtCode = :district";
        String followsTheme = "exists (select p from org.agora.notification.NotificationPreferences p"
                + " join p.followedThemes t where p.person = r.account and t = :theme)";
        String who = city ? "" : " and (" + inDistrict + (theme == null ? "" : " or " + followsTheme) + ")";
        TypedQuery<Object[]> query = em.createQuery("select r.id, r.account from org.agora.participation.Resident r"
                + " where r.account is not null and r.id > :after" + who + " order by r.id", Object[].class)
                .setParameter("after", after).setMaxResults(batch);
        if (!city) {
            query.setParameter("district", consultation.getScope().district().orElseThrow().value());
            if (theme != null) {
                query.setParameter("theme", theme);
            }
        }
        return query.getResultList().stream()
                .map(row -> new Campaigns.Recipient(((Number) row[0]).longValue(), (String) row[1])).toList();
    }
}
