package org.agora.budget.call;

import java.time.Instant;
import java.util.Optional;
import org.agora.shared.Actor;
import org.agora.shared.DistrictCode;
import org.agora.shared.NotAllowedException;
import org.agora.shared.Role;

/**
 * Who may do what with a participatory-budget call: the office creates and changes calls; an envelope is managed by
 * the office or by the agents of its district (the city-wide envelope by the office only). Residents take part in
 * the envelopes of their home district and in the city-wide one, and vote there if old enough while the vote is open;
 * staff record ballots at their desk. Once the results are out, the managers follow up the winners' implementation,
 * which everyone reads. Who may propose, support, edit and review projects is {@code budget.project.ProjectPermissions}.
 * The reasons are message keys, which the pages and the API show.
 */
public final class BudgetPermissions {

    private BudgetPermissions() {
    }

    public static boolean canManageCalls(Actor actor) {
        return actor.has(Role.OFFICE_ADMIN);
    }

    public static void requireCalls(Actor actor) {
        if (!canManageCalls(actor)) {
            throw new NotAllowedException("budget.call.notAllowed");
        }
    }

    public static boolean canManageEnvelope(Actor actor, Optional<DistrictCode> district) {
        return actor.has(Role.OFFICE_ADMIN) || district.map(actor::servesDistrict).orElse(false);
    }

    /** Why this person may not take part in the envelope as a resident, whatever the phase; empty when they may. */
    public static Optional<String> whyNotResidentOf(Actor actor, Envelope envelope) {
        return whyNotResidentOf(actor, envelope.getDistrict());
    }

    /** As {@link #whyNotResidentOf(Actor, Envelope)}, for an envelope of this district (empty: city-wide). */
    public static Optional<String> whyNotResidentOf(Actor actor, Optional<DistrictCode> envelopeDistrict) {
        if (!actor.isSignedIn()) {
            return Optional.of("budget.vote.signInFirst");
        }
        if (!actor.has(Role.RESIDENT) || actor.homeDistrict().isEmpty()) {
            return Optional.of("budget.vote.residentsOnly");
        }
        if (envelopeDistrict.isPresent() && !envelopeDistrict.equals(actor.homeDistrict())) {
            return Optional.of("budget.vote.otherDistrict");
        }
        return Optional.empty();
    }

    /**
     * Why this person may not vote now in an envelope of this district (empty: city-wide) of a call with this minimum
     * age (if any) and these phases: not a resident of it, too young, or the vote is not open; empty when they may.
     */
    public static Optional<String> whyNotVote(Actor voter, Optional<DistrictCode> envelopeDistrict, Optional<Integer> minimumAge,
                                       PhasePlan phases, Instant now) {
        if (voter.isBlocked()) {
            return Optional.of(Actor.BLOCKED);
        }
        return whyNotResidentOf(voter, envelopeDistrict)
                .or(() -> whyTooYoung(voter, minimumAge, phases))
                .or(() -> phases.at(now).filter(p -> p == BudgetPhase.VOTE).isEmpty()
                        ? Optional.of("budget.vote.notOpen") : Optional.empty());
    }

    /**
     * Why this person may not vote in the envelope because of the call's minimum age, if it sets one: they must have
     * declared a birth year, and reach the age during the year the vote opens (in the city's time).
     */
    public static Optional<String> whyTooYoung(Actor actor, Envelope envelope) {
        return whyTooYoung(actor, envelope.getCall().getMinimumAge(), envelope.getCall().getPhases());
    }

    /** As {@link #whyTooYoung(Actor, Envelope)}, for a call of this minimum age (if any) and these phases. */
    public static Optional<String> whyTooYoung(Actor actor, Optional<Integer> minimum, PhasePlan phases) {
        if (minimum.isEmpty()) {
            return Optional.empty();
        }
        if (actor.birthYear().isEmpty()) {
            return Optional.of("budget.vote.birthYearNeeded");
        }
        int voteYear = phases.vote().start().atZone(org.agora.shared.Period.CITY_ZONE).getYear();
        return voteYear - actor.birthYear().get() >= minimum.get()
                ? Optional.empty() : Optional.of("budget.vote.tooYoung");
    }

    /**
     * Nobody sees a count while the vote is open; the envelope's managers once it has ended and they have closed the
     * count (no paper batch is accepted after that, so nobody adds ballots knowing the count); everyone from the results.
     */
    public static boolean canSeeResults(Actor actor, Envelope envelope, Instant now) {
        PhasePlan phases = envelope.getCall().getPhases();
        boolean published = !now.isBefore(phases.resultsFrom());
        return published || phases.vote().hasEnded(now) && envelope.isCountClosed(now)
                && canManageEnvelope(actor, envelope.getDistrict());
    }

    /** The follow-up of a call's winners is public, anonymous visitors included, once its results are. */
    public static boolean canReadFollowUp(BudgetCall call, Instant now) {
        return !now.isBefore(call.getPhases().resultsFrom());
    }

    /**
     * Why this person may not start or change the follow-up of the envelope's winners now; empty when they may: its
     * managers, once the results are public. Not as soon as the vote ends: paper ballots may still be added until
     * then, and the winners are taken from a final count.
     */
    public static Optional<String> whyNotFollowUp(Actor actor, Envelope envelope, Instant now) {
        if (!canManageEnvelope(actor, envelope.getDistrict())) {
            return Optional.of("budget.envelope.notAllowed");
        }
        if (!canReadFollowUp(envelope.getCall(), now)) {
            return Optional.of("budget.followup.notYet");
        }
        return Optional.empty();
    }

    public static boolean canFollowUp(Actor actor, Envelope envelope, Instant now) {
        return whyNotFollowUp(actor, envelope, now).isEmpty();
    }

    /**
     * Town-hall staff record a resident's ballot in person: in the envelopes they manage, and an agent also in the
     * city-wide envelope for a resident of a district they serve (the resident comes to their town hall).
     */
    public static boolean canRecordAtDesk(Actor staff, Envelope envelope, Optional<DistrictCode> residentDistrict) {
        return canRecordAtDesk(staff, envelope.getDistrict(), residentDistrict);
    }

    /** As {@link #canRecordAtDesk(Actor, Envelope, Optional)}, for an envelope of this district (empty: city-wide). */
    public static boolean canRecordAtDesk(Actor staff, Optional<DistrictCode> envelopeDistrict,
                                          Optional<DistrictCode> residentDistrict) {
        return canManageEnvelope(staff, envelopeDistrict)
                || envelopeDistrict.isEmpty() && residentDistrict.map(staff::servesDistrict).orElse(false);
    }

    /** Whether staff may open an envelope's desk page: its managers, and district agents for the city-wide one. */
    public static boolean canOpenDesk(Actor staff, Envelope envelope) {
        return canManageEnvelope(staff, envelope.getDistrict()) || envelope.isCityWide() && staff.has(Role.DISTRICT_AGENT);
    }
}
