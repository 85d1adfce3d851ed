package org.agora.budget.vote;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.agora.budget.call.BudgetCall;
import org.agora.budget.call.Envelope;
import org.agora.budget.call.PhasePlan;
import org.agora.notification.Campaigns;
import org.agora.notification.Notice;
import org.agora.notification.NoticeCampaign;
import org.agora.notification.NotificationKind;
import org.agora.shared.DistrictCode;

/**
 * The scan that tells the people on the register of a call's districts (everyone when it has a city-wide envelope)
 * that its vote opened, that it closes within {@link #SOON} when they have not voted yet, and that its results are
 * out, in batches that record how far they went ({@link Campaigns}). Each moment is announced during
 * {@link #WINDOW} after it (not for a call whose moment passed long before); one batch per call, one transaction each.
 */
@ApplicationScoped
@Transactional
public class VoteAnnouncements {

    static final String OPENED = "vote.opened";
    static final String CLOSING = "vote.closingSoon";
    static final String RESULTS = "vote.results";
    static final Duration SOON = Duration.ofHours(48);
    static final Duration WINDOW = Duration.ofDays(2);

    private EntityManager em;
    private Campaigns campaigns;

    protected VoteAnnouncements() {
        // for CDI
    }

    @Inject
    public VoteAnnouncements(EntityManager em, Campaigns campaigns) {
        this.em = em;
        this.campaigns = campaigns;
    }

    /** Tells the next batch of one announcement due now; false when none is left. */
    // a transaction of its own even inside the caller's: Payara runs a scheduler's timer method in a transaction
    // whatever its attribute says, and the whole round (200 batches) was then one, 100,000 notifications held in the
    // heap until its end (measured on bench/exports' 300,000 accounts; SchedulerBatchesTest)
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean announceNextBatch(Instant now, int batch) {
        List<BudgetCall> calls = em.createQuery("select c from BudgetCall c order by c.id", BudgetCall.class).getResultList();
        for (BudgetCall call : calls) {
            if (call.getEnvelopes().isEmpty()) {
                continue;
            }
            for (String event : due(call.getPhases(), now)) {
                String subject = "call:" + call.getId();
                if (campaigns.find(subject, event).filter(NoticeCampaign::isDone).isPresent()) {
                    continue;
                }
                campaigns.tellNextBatch(subject, event, batch, after -> audience(call, event, after, batch),
                        person -> Notice.of(person, NotificationKind.BUDGET_VOTE, event,
                                "/budget/call.xhtml?id=" + call.getId(), call.getName(), call.getPhases().vote().end()),
                        now);
                return true;
            }
        }
        return false;
    }

    /** The announcements due at this moment for a call with these phases. */
    static List<String> due(PhasePlan phases, Instant now) {
        Instant start = phases.vote().start();
        Instant end = phases.vote().end();
        List<String> due = new java.util.ArrayList<>();
        if (within(now, start, WINDOW) && now.isBefore(end)) {
            due.add(OPENED);
        }
        Instant soon = end.minus(SOON);
        if (within(now, soon.isBefore(start) ? start : soon, WINDOW) && now.isBefore(end)) {
            due.add(CLOSING);
        }
        if (phases.resultsFrom() != null && within(now, phases.resultsFrom(), WINDOW)) {
            due.add(RESULTS);
        }
        return due;
    }

    private static boolean within(Instant now, Instant from, Duration window) {
        return !now.isBefore(from) && now.isBefore(from.plus(window));
    }

    /**
     * The accounts on the register of the call's districts (all of them with a city-wide envelope), after a position,
     * in order; for the closing reminder, only those who have not voted in this call.
     */
    private List<Campaigns.Recipient> audience(BudgetCall call, String event, long after, int batch) {
        boolean city = call.getEnvelopes().stream().map(Envelope::getDistrict).anyMatch(Optional::isEmpty);
        List<String> districts = call.getEnvelopes().stream().map(Envelope::getDistrict).flatMap(Optional::stream)
                .map(DistrictCode::value).distinct().toList();
        StringBuilder sql = new StringBuilder("select r.id, r.account from residents r where r.account is not null"
                + " and r.id > ?1");
        int next = 2;
        if (!city) {
            sql.append(" and r.district_code in (");
            for (int i = 0; i < districts.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append('?').append(next++);
            }
            sql.append(')');
        }
        int callParameter = next;
        if (CLOSING.equals(event)) {
            sql.append(" and not exists (select 1 from vote_marks m where m.call_id = ?").append(callParameter)
                    .append(" and m.resident_id = r.id)");
        }
        sql.append(" order by r.id");
        jakarta.persistence.Query query = em.createNativeQuery(sql.toString()).setParameter(1, after).setMaxResults(batch);
        if (!city) {
            for (int i = 0; i < districts.size(); i++) {
                query.setParameter(i + 2, districts.get(i));
            }
        }
        if (CLOSING.equals(event)) {
            query.setParameter(callParameter, call.getId());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(row -> new Campaigns.Recipient(((Number) row[0]).longValue(), (String) row[1])).toList();
    }
}
