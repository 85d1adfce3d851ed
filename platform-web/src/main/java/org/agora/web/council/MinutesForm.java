package org.agora.web.council;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;
import org.agora.council.CouncilPermissions;
import org.agora.council.Meeting;
import org.agora.council.MeetingService;
import org.agora.web.platform.FacesActions;
import org.agora.web.platform.FacesFeedback;
import org.agora.web.platform.Pages;
import org.agora.web.security.CurrentUser;
import org.primefaces.model.file.UploadedFile;

/**
 * The leaders' minutes form ({@code /councils/member/minutes.xhtml?meeting=}): once the meeting has started, its minutes
 * as a text and/or a PDF, and the number of people who came. A 403 for someone who does not lead the council.
 */
@Named
@ViewScoped
public class MinutesForm implements Serializable {

    @Inject
    MeetingService meetings;

    @Inject
    CouncilLabels labels;

    @Inject
    CurrentUser currentUser;

    private Long meeting;
    private long meetingId;
    private String title;
    private String when;
    private boolean started;
    private boolean hasPdf;
    private String minutes;
    private Integer attendance;
    private transient UploadedFile pdf;

    public void load() {
        var actor = currentUser.actor();
        Optional<Meeting> found = Optional.ofNullable(meeting).flatMap(id -> meetings.find(actor, id));
        if (found.isEmpty()) {
            Pages.notFound();
            return;
        }
        Meeting m = found.get();
        if (!CouncilPermissions.canLead(actor, m.getCouncil())) {
            Pages.forbidden();
            return;
        }
        meetingId = m.getId();
        title = m.getTitle();
        when = labels.dateTime(m.getStartsAt());
        started = m.hasStarted(Instant.now());
        hasPdf = meetings.hasMinutesPdf(meetingId);
        minutes = m.getMinutes().orElse(null);
        attendance = m.getAttendance().orElse(null);
    }

    /** Publishes the minutes with the PDF, if one was chosen; a refused text, count or file says why next to it. */
    public String publish() {
        boolean withPdf = pdf != null && pdf.getSize() > 0;
        return FacesActions.run("minutes", () -> {
            meetings.publishMinutes(currentUser.actor(), meetingId, minutes, withPdf ? pdf.getFileName() : null,
                    withPdf ? pdf.getContent() : null, attendance, Instant.now());
            FacesFeedback.done("council.minutes.published", title);
            return "/councils/meeting?faces-redirect=true&id=" + meetingId;
        });
    }

    public Long getMeeting() {
        return meeting;
    }

    public void setMeeting(Long meeting) {
        this.meeting = meeting;
    }

    public long getMeetingId() {
        return meetingId;
    }

    public String getTitle() {
        return title;
    }

    public String getWhen() {
        return when;
    }

    public boolean isStarted() {
        return started;
    }

    public boolean isHasPdf() {
        return hasPdf;
    }

    public String getMinutes() {
        return minutes;
    }

    public void setMinutes(String minutes) {
        this.minutes = minutes;
    }

    public Integer getAttendance() {
        return attendance;
    }

    public void setAttendance(Integer attendance) {
        this.attendance = attendance;
    }

    public UploadedFile getPdf() {
        return pdf;
    }

    public void setPdf(UploadedFile pdf) {
        this.pdf = pdf;
    }
}
