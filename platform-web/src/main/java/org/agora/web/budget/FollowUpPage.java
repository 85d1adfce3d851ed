package org.agora.web.budget;

import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.agora.budget.call.BudgetPermissions;
import org.agora.budget.followup.FollowUpService;
import org.agora.budget.followup.FollowUpStatus;
import org.agora.budget.followup.FollowUpUpdate;
import org.agora.budget.followup.ProjectFollowUp;
import org.agora.web.audience.PageAudience;
import org.agora.web.platform.FacesActions;
import org.agora.web.platform.FacesFeedback;
import org.agora.web.platform.Pages;
import org.agora.web.security.CurrentUser;
import org.primefaces.model.file.UploadedFile;

/**
 * What became of a winning project ({@code ?project=12}), for anyone once the results are public: its status, its
 * progress and its dated updates, newest first. The envelope's managers also change the status and post updates
 * with a photo here. An unknown project, or one that is not followed up, is a 404.
 */
@Named
@ViewScoped
public class FollowUpPage implements Serializable {

    /** One update as the page shows it: its date in the city's time, its text, its photo if any. */
    public record UpdateRow(long id, String date, String isoDate, String text, Long imageId, String photoAlt)
            implements Serializable {
    }

    @Inject
    FollowUpService followUps;

    @Inject
    FollowUpLabels labels;

    @Inject
    CurrentUser currentUser;

    private Long project;
    private long projectId;
    private String title;
    private long callId;
    private FollowUpStatus status;
    private int progress;
    private String abandonReason;
    private String changedAt;
    private List<UpdateRow> updates = List.of();
    private boolean manager;

    private FollowUpStatus newStatus;
    private Integer newProgress;
    private String newReason;
    private String text;
    private transient UploadedFile photo;

    /** View action: the follow-up named in the address, or a 404. */
    public void load() {
        Instant now = Instant.now();
        Optional<ProjectFollowUp> found = Optional.ofNullable(project).flatMap(id -> followUps.find(id, now));
        if (found.isEmpty()) {
            Pages.notFound();
            return;
        }
        ProjectFollowUp followUp = found.get();
        PageAudience.about(followUp.getProject().getEnvelope().getDistrict());
        projectId = followUp.getProjectId();
        title = followUp.getProject().getTitle();
        callId = followUp.getProject().getEnvelope().getCall().getId();
        status = followUp.getStatus();
        progress = followUp.getProgress();
        abandonReason = followUp.getAbandonReason().orElse(null);
        changedAt = labels.date(followUp.getChangedAt());
        updates = followUps.updates(projectId, now).stream().map(this::row).toList();
        manager = BudgetPermissions.canFollowUp(currentUser.actor(), followUp.getProject().getEnvelope(), now);
        newStatus = status;
        newProgress = progress;
        newReason = abandonReason;
    }

    private UpdateRow row(FollowUpUpdate update) {
        String date = labels.date(update.getPostedAt());
        return new UpdateRow(update.getId(), date, update.getPostedAt().toString(), update.getText(),
                update.getImageId().orElse(null), labels.text("budget.followup.photoAlt", date));
    }

    public String saveStatus() {
        return FacesActions.run("followup", () -> {
            followUps.changeStatus(currentUser.actor(), projectId, newStatus, newProgress, newReason, Instant.now());
            FacesFeedback.done("budget.followup.statusSaved", title);
            return thisPage();
        });
    }

    /** Posts the update with its photo, if one was chosen; a refused text or photo says why next to it. */
    public String post() {
        boolean withPhoto = photo != null && photo.getSize() > 0;
        return FacesActions.run("news", () -> {
            followUps.postUpdate(currentUser.actor(), projectId, text, withPhoto ? photo.getFileName() : null,
                    withPhoto ? photo.getContent() : null, Instant.now());
            FacesFeedback.done("budget.followup.posted", title);
            return thisPage();
        });
    }

    private String thisPage() {
        return "/budget/followup?faces-redirect=true&project=" + projectId;
    }

    // --- for the page ---

    public List<SelectItem> getStatuses() {
        return Arrays.stream(FollowUpStatus.values()).map(s -> new SelectItem(s, labels.status(s))).toList();
    }

    public String getStatusLabel() {
        return status == null ? null : labels.status(status);
    }

    public FollowUpStatus getStatus() {
        return status;
    }

    public int getProgress() {
        return progress;
    }

    public String getAbandonReason() {
        return abandonReason;
    }

    public String getChangedAt() {
        return changedAt;
    }

    public List<UpdateRow> getUpdates() {
        return updates;
    }

    /** Whether this person manages the envelope and sees the form. */
    public boolean isManager() {
        return manager;
    }

    public String getTitle() {
        return title;
    }

    public long getCallId() {
        return callId;
    }

    public Long getProject() {
        return project;
    }

    public long getProjectId() {
        return projectId;
    }

    public void setProject(Long project) {
        this.project = project;
    }

    public FollowUpStatus getNewStatus() {
        return newStatus;
    }

    public void setNewStatus(FollowUpStatus newStatus) {
        this.newStatus = newStatus;
    }

    public Integer getNewProgress() {
        return newProgress;
    }

    public void setNewProgress(Integer newProgress) {
        this.newProgress = newProgress;
    }

    public String getNewReason() {
        return newReason;
    }

    public void setNewReason(String newReason) {
        this.newReason = newReason;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public UploadedFile getPhoto() {
        return photo;
    }

    public void setPhoto(UploadedFile photo) {
        this.photo = photo;
    }
}
