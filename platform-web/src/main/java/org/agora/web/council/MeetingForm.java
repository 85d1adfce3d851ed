package org.agora.web.council;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Optional;
import org.agora.council.Council;
import org.agora.council.CouncilPermissions;
import org.agora.council.CouncilService;
import org.agora.council.Meeting;
import org.agora.council.MeetingDraft;
import org.agora.council.MeetingService;
import org.agora.web.platform.CityTime;
import org.agora.web.platform.FacesActions;
import org.agora.web.platform.FacesFeedback;
import org.agora.web.platform.Pages;
import org.agora.web.security.CurrentUser;

/**
 * The leaders' meeting form ({@code /councils/member/meeting-form.xhtml}): a new meeting of {@code ?council=}, or the
 * meeting {@code ?id=} before it starts. Dates are typed in the city's time. A 403 for someone who does not lead
 * the council.
 */
@Named
@ViewScoped
public class MeetingForm implements Serializable {

    @Inject
    CouncilService councils;

    @Inject
    MeetingService meetings;

    @Inject
    CurrentUser currentUser;

    private Long council;
    private Long id;
    private long councilId;
    private String councilName;
    private Long meetingId;
    private String title;
    private LocalDateTime startsAt;
    private Integer duration = Meeting.DEFAULT_DURATION;
    private String place;
    private String onlineLink;
    private String agenda;
    private boolean membersOnly;
    private Integer capacity;
    private boolean started;

    public void load() {
        var actor = currentUser.actor();
        Optional<Council> found;
        if (id != null) {
            Optional<Meeting> meeting = meetings.find(actor, id);
            if (meeting.isEmpty()) {
                Pages.notFound();
                return;
            }
            Meeting m = meeting.get();
            found = Optional.of(m.getCouncil());
            meetingId = m.getId();
            title = m.getTitle();
            startsAt = CityTime.local(m.getStartsAt());
            duration = m.getDurationMinutes();
            place = m.getPlace().orElse(null);
            onlineLink = m.getOnlineLink().orElse(null);
            agenda = m.getAgenda();
            membersOnly = m.isMembersOnly();
            capacity = m.getCapacity().orElse(null);
            started = m.hasStarted(Instant.now());
        } else {
            found = Optional.ofNullable(council).flatMap(councils::find);
        }
        if (found.isEmpty()) {
            Pages.notFound();
            return;
        }
        if (!CouncilPermissions.canLead(actor, found.get())) {
            Pages.forbidden();
            return;
        }
        councilId = found.get().getId();
        councilName = found.get().getName();
    }

    public String save() {
        MeetingDraft draft = new MeetingDraft(title, CityTime.instant(startsAt), duration, place, onlineLink, agenda,
                membersOnly, capacity);
        return FacesActions.run("meeting", () -> {
            Meeting saved = meetingId == null
                    ? meetings.schedule(currentUser.actor(), councilId, draft, Instant.now())
                    : meetings.update(currentUser.actor(), meetingId, draft, Instant.now());
            FacesFeedback.done(meetingId == null ? "council.meeting.scheduled" : "council.meeting.saved", saved.getTitle());
            return "/councils/meeting?faces-redirect=true&id=" + saved.getId();
        });
    }

    /** Whether the meeting has started: it can no longer change (its minutes can). */
    public boolean isStarted() {
        return started;
    }

    public boolean isCreating() {
        return meetingId == null;
    }

    public Long getCouncil() {
        return council;
    }

    public void setCouncil(Long council) {
        this.council = council;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public long getCouncilId() {
        return councilId;
    }

    public String getCouncilName() {
        return councilName;
    }

    public Long getMeetingId() {
        return meetingId;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public LocalDateTime getStartsAt() {
        return startsAt;
    }

    public void setStartsAt(LocalDateTime startsAt) {
        this.startsAt = startsAt;
    }

    public Integer getDuration() {
        return duration;
    }

    public void setDuration(Integer duration) {
        this.duration = duration;
    }

    public String getPlace() {
        return place;
    }

    public void setPlace(String place) {
        this.place = place;
    }

    public String getOnlineLink() {
        return onlineLink;
    }

    public void setOnlineLink(String onlineLink) {
        this.onlineLink = onlineLink;
    }

    public String getAgenda() {
        return agenda;
    }

    public void setAgenda(String agenda) {
        this.agenda = agenda;
    }

    public boolean isMembersOnly() {
        return membersOnly;
    }

    public void setMembersOnly(boolean membersOnly) {
        this.membersOnly = membersOnly;
    }

    public Integer getCapacity() {
        return capacity;
    }

    public void setCapacity(Integer capacity) {
        this.capacity = capacity;
    }
}
