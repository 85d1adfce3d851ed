package org.agora.council;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.agora.shared.Actor;

/**
 * Use cases of reading a council's meeting, for its page: everything one person may see of it and do there,
 * decided by {@link CouncilPermissions}. A members-only meeting is refused to others ({@code council.membersOnly}),
 * an unknown one is not found ({@code council.meeting.notFound}).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class MeetingReading {

    private MeetingService meetings;

    private CouncilService councils;

    protected MeetingReading() {
        // for CDI
    }

    @Inject
    public MeetingReading(MeetingService meetings, CouncilService councils) {
        this.meetings = meetings;
        this.councils = councils;
    }

    /** The meeting as this person finds it at this instant; the attendees only for the council's leaders. */
    public MeetingVisit visit(Actor actor, long meetingId, Instant now) {
        Meeting meeting = meetings.get(actor, meetingId);
        Council council = meeting.getCouncil();
        boolean member = councils.isMember(actor, council.getId());
        Optional<RegistrationStatus> mine = meetings.registration(actor, meetingId).filter(Registration::isActive)
                .map(Registration::getStatus);
        List<Registration> attendees = CouncilPermissions.canSeeRegistrations(actor, council)
                ? meetings.registrations(actor, meetingId) : List.of();
        return new MeetingVisit(meeting, meetings.registeredCount(meetingId), meetings.waitingCount(meetingId), mine,
                meetings.waitingPosition(actor, meetingId), CouncilPermissions.whyNotRegister(actor, meeting, member, now),
                meeting.hasStarted(now), CouncilPermissions.canLead(actor, council), meetings.hasMinutesPdf(meetingId),
                attendees);
    }
}
