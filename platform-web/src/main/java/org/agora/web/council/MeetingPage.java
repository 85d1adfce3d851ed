package org.agora.web.council;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.agora.council.Meeting;
import org.agora.council.MeetingReading;
import org.agora.council.MeetingService;
import org.agora.council.MeetingVisit;
import org.agora.council.Registration;
import org.agora.council.RegistrationStatus;
import org.agora.shared.DomainException;
import org.agora.shared.NotAllowedException;
import org.agora.web.audience.PageAudience;
import org.agora.web.platform.FacesActions;
import org.agora.web.platform.FacesFeedback;
import org.agora.web.platform.Pages;
import org.agora.web.security.CurrentUser;

/**
 * A meeting's page ({@code /councils/meeting.xhtml?id=}): when, where, the agenda, the seats, the person's
 * registration (or place on the waiting list) with register and cancel, the calendar file, and the minutes once
 * published; the leaders also see who comes, and may cancel the meeting with a reason everyone then reads. A members-only meeting is a 403 for others, an unknown one a 404.
 */
@Named
@ViewScoped
public class MeetingPage implements Serializable {

    /** Someone who comes or waits, as the leaders see them. */
    public record AttendeeRow(String displayName, String status) implements Serializable {
    }

    @Inject
    MeetingService meetings;

    @Inject
    MeetingReading reading;

    @Inject
    CouncilLabels labels;

    @Inject
    CurrentUser currentUser;

    private Long id;
    private long meetingId;
    private long councilId;
    private String councilName;
    private String title;
    private String when;
    private String isoWhen;
    private int duration;
    private String place;
    private String onlineLink;
    private String agenda;
    private boolean membersOnly;
    private Integer capacity;
    private long registered;
    private long waiting;
    private RegistrationStatus myStatus;
    private Long waitingPosition;
    private boolean mayRegister;
    private boolean started;
    private boolean signedIn;
    private boolean leader;
    private boolean hasMinutes;
    private String minutes;
    private Integer attendance;
    private boolean hasPdf;
    private String cancelReason;
    private String cancelling;
    private List<AttendeeRow> attendees = List.of();

    public void load() {
        var actor = currentUser.actor();
        Optional<Long> parsed = Optional.ofNullable(id);
        MeetingVisit visit;
        try {
            visit = parsed.map(i -> reading.visit(actor, i, Instant.now())).orElse(null);
        } catch (NotAllowedException hidden) {
            Pages.forbidden();
            return;
        } catch (DomainException unknown) {
            visit = null;
        }
        if (visit == null) {
            Pages.notFound();
            return;
        }
        Meeting m = visit.meeting();
        meetingId = m.getId();
        councilId = m.getCouncil().getId();
        PageAudience.about(m.getCouncil().getDistrictCode());
        councilName = m.getCouncil().getName();
        title = m.getTitle();
        when = labels.dateTime(m.getStartsAt());
        isoWhen = m.getStartsAt().toString();
        duration = m.getDurationMinutes();
        place = m.getPlace().orElse(null);
        onlineLink = m.getOnlineLink().orElse(null);
        agenda = m.getAgenda();
        membersOnly = m.isMembersOnly();
        capacity = m.getCapacity().orElse(null);
        registered = visit.registered();
        waiting = visit.waiting();
        myStatus = visit.myRegistration().orElse(null);
        waitingPosition = visit.waitingPosition().stream().boxed().findFirst().orElse(null);
        mayRegister = visit.whyNotRegister().isEmpty();
        started = visit.started();
        signedIn = actor.isSignedIn();
        leader = visit.leader();
        hasMinutes = m.hasMinutes();
        minutes = m.getMinutes().orElse(null);
        attendance = m.getAttendance().orElse(null);
        hasPdf = visit.minutesPdf();
        cancelReason = m.getCancelReason().orElse(null);
        attendees = visit.attendees().stream()
                .map(r -> new AttendeeRow(r.getDisplayName(), labels.registration(r.getStatus()))).toList();
    }

    public String register() {
        return FacesActions.run("registration", () -> {
            Registration registration = meetings.register(currentUser.actor(), meetingId, currentUser.getDisplayName(),
                    Instant.now());
            FacesFeedback.done(registration.getStatus() == RegistrationStatus.REGISTERED
                    ? "council.registration.done" : "council.registration.waiting", title);
            return thisPage();
        });
    }

    public String cancel() {
        return FacesActions.run("registration", () -> {
            meetings.cancel(currentUser.actor(), meetingId, Instant.now());
            FacesFeedback.done("council.registration.cancelled", title);
            return thisPage();
        });
    }

    /** The leaders cancel the meeting, with the reason everyone will read. */
    public String cancelMeeting() {
        return FacesActions.run("cancel-meeting", () -> {
            meetings.cancelMeeting(currentUser.actor(), meetingId, cancelling, Instant.now());
            FacesFeedback.done("council.meeting.cancelDone", title);
            return thisPage();
        });
    }

    private String thisPage() {
        return "/councils/meeting?faces-redirect=true&id=" + meetingId;
    }

    // --- for the page ---

    public boolean isRegistered() {
        return myStatus == RegistrationStatus.REGISTERED;
    }

    public boolean isWaiting() {
        return myStatus == RegistrationStatus.WAITING;
    }

    /** Seats left, when there is a cap. */
    public Long getSeatsLeft() {
        return capacity == null ? null : Math.max(0, capacity - registered);
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public long getMeetingId() {
        return meetingId;
    }

    public long getCouncilId() {
        return councilId;
    }

    public String getCouncilName() {
        return councilName;
    }

    public String getTitle() {
        return title;
    }

    public String getWhen() {
        return when;
    }

    public String getIsoWhen() {
        return isoWhen;
    }

    public int getDuration() {
        return duration;
    }

    public String getPlace() {
        return place;
    }

    public String getOnlineLink() {
        return onlineLink;
    }

    public String getAgenda() {
        return agenda;
    }

    public boolean isMembersOnly() {
        return membersOnly;
    }

    public Integer getCapacity() {
        return capacity;
    }

    public long getRegisteredCount() {
        return registered;
    }

    public long getWaitingCount() {
        return waiting;
    }

    public Long getWaitingPosition() {
        return waitingPosition;
    }

    public boolean isMayRegister() {
        return mayRegister;
    }

    public boolean isStarted() {
        return started;
    }

    public boolean isSignedIn() {
        return signedIn;
    }

    public boolean isLeader() {
        return leader;
    }

    public boolean isHasMinutes() {
        return hasMinutes;
    }

    public String getMinutes() {
        return minutes;
    }

    public Integer getAttendance() {
        return attendance;
    }

    public boolean isHasPdf() {
        return hasPdf;
    }

    public boolean isCancelled() {
        return cancelReason != null;
    }

    /** Why the leaders cancelled it; null while it holds. */
    public String getCancelReason() {
        return cancelReason;
    }

    /** The reason being typed in the leaders' cancel form. */
    public String getCancelling() {
        return cancelling;
    }

    public void setCancelling(String cancelling) {
        this.cancelling = cancelling;
    }

    public List<AttendeeRow> getAttendees() {
        return attendees;
    }
}
