package org.agora.web.budget;

import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.agora.budget.call.BudgetCall;
import org.agora.budget.call.BudgetPermissions;
import org.agora.budget.call.BudgetService;
import org.agora.budget.call.Envelope;
import org.agora.budget.project.BudgetProject;
import org.agora.budget.project.ProjectDraft;
import org.agora.budget.project.ProjectPermissions;
import org.agora.budget.project.ProjectService;
import org.agora.media.ImageFile;
import org.agora.shared.Actor;
import org.agora.shared.InvalidInputException;
import org.agora.territory.TerritoryService;
import org.agora.web.platform.FacesActions;
import org.agora.web.platform.FacesFeedback;
import org.agora.web.platform.Language;
import org.agora.web.platform.Pages;
import org.agora.web.platform.Texts;
import org.agora.web.security.CurrentUser;
import org.primefaces.model.file.UploadedFile;

/**
 * A resident submits a project to an envelope ({@code ?envelope=}) or its authors edit it ({@code ?id=}) during the
 * submission phase, then add up to three pictures. A refused field keeps everything typed and says why next to it.
 */
@Named
@ViewScoped
public class ProjectForm implements Serializable {

    /** The domain's estimate is the form's "cost". */
    private static final Map<String, String> INPUTS = Map.of("estimatedCost", "cost");

    @Inject
    ProjectService projects;

    @Inject
    BudgetService budget;

    @Inject
    TerritoryService territory;

    @Inject
    BudgetLabels labels;

    @Inject
    CurrentUser currentUser;

    @Inject
    Language language;

    private Long envelope;
    private Long id;
    private Long projectId;
    private Long callId;
    private String callName;
    private String whyNot;
    private List<Long> imageIds = List.of();
    private transient UploadedFile imageFile;
    private boolean peopleAgreed;

    private String title;
    private String description;
    private Long envelopeId;
    private String address;
    private BigDecimal latitude;
    private BigDecimal longitude;
    private Long cost;
    private Long themeId;

    private List<SelectItem> envelopes;
    private List<SelectItem> themes;

    public void load() {
        Actor actor = currentUser.actor();
        themes = territory.themes().stream().map(t -> new SelectItem(t.getId(), t.getName())).toList();
        Optional<Envelope> target;
        if (id != null) {
            Optional<BudgetProject> found = projects.find(id);
            if (found.isEmpty()) {
                Pages.notFound();
                return;
            }
            BudgetProject project = found.get();
            if (!project.isAuthor(actor.username())) {
                Pages.forbidden();
                return;
            }
            show(project);
            whyNot = ProjectPermissions.whyNotEdit(actor, project, Instant.now()).orElse(null);
            target = Optional.of(project.getEnvelope());
        } else {
            target = findEnvelope(envelope);
            if (target.isEmpty()) {
                Pages.notFound();
                return;
            }
            envelopeId = target.get().getId();
            whyNot = ProjectPermissions.whyNotSubmit(actor, target.get(), Instant.now()).orElse(null);
        }
        BudgetCall call = target.get().getCall();
        callId = call.getId();
        callName = call.getName();
        envelopes = call.getEnvelopes().stream()
                .filter(e -> BudgetPermissions.whyNotResidentOf(actor, e).isEmpty())
                .map(e -> new SelectItem(e.getId(), labels.envelope(e) + " (" + labels.money(e.getAmount()) + ")"))
                .toList();
    }

    private Optional<Envelope> findEnvelope(Long envelopeId) {
        return envelopeId == null ? Optional.empty() : budget.findEnvelope(envelopeId);
    }

    private void show(BudgetProject project) {
        projectId = project.getId();
        title = project.getTitle();
        description = project.getDescription().orElse("");
        envelopeId = project.getEnvelope().getId();
        address = project.getAddress().orElse("");
        latitude = project.getPoint().map(p -> p.latitude()).orElse(null);
        longitude = project.getPoint().map(p -> p.longitude()).orElse(null);
        cost = project.getEstimatedCost().map(m -> m.amount()).orElse(project.getCost().amount());
        themeId = project.getThemeId().orElse(null);
        imageIds = project.getImageIds();
    }

    public String save() {
        ProjectDraft draft = new ProjectDraft(title, description, envelopeId, address, latitude, longitude, cost, themeId);
        return FacesActions.run("project", INPUTS, () -> {
            BudgetProject saved = projectId == null
                    ? projects.submit(currentUser.actor(), draft, Instant.now())
                    : projects.edit(currentUser.actor(), projectId, draft, Instant.now());
            FacesFeedback.done(projectId == null ? "budget.project.submitted" : "budget.project.saved", saved.getTitle());
            return "/budget/resident/submit?faces-redirect=true&id=" + saved.getId();
        });
    }

    /** Checks and adds the uploaded picture; a refused file says why next to it. */
    public String uploadImage() {
        return FacesActions.run("images", () -> {
            if (imageFile == null || imageFile.getSize() == 0) {
                throw new InvalidInputException(ImageFile.FIELD, "media.image.empty");
            }
            projects.addImage(currentUser.actor(), projectId, imageFile.getFileName(), imageFile.getContent(),
                    peopleAgreed, Instant.now());
            FacesFeedback.done("budget.project.image.added");
            return "/budget/resident/submit?faces-redirect=true&id=" + projectId;
        });
    }

    /** The author's word that the people one can recognise on the picture agreed to its publication. */
    public boolean isPeopleAgreed() {
        return peopleAgreed;
    }

    public void setPeopleAgreed(boolean peopleAgreed) {
        this.peopleAgreed = peopleAgreed;
    }

    public String removeImage(long imageId) {
        return FacesActions.run("images", () -> {
            projects.removeImage(currentUser.actor(), projectId, imageId, Instant.now());
            FacesFeedback.done("budget.project.image.removed");
            return "/budget/resident/submit?faces-redirect=true&id=" + projectId;
        });
    }

    // --- for the page ---

    public boolean isEditing() {
        return projectId != null;
    }

    public boolean isAllowed() {
        return whyNot == null;
    }

    public String getWhyNotText() {
        return whyNot == null ? null : Texts.format(language.getCurrent(), whyNot);
    }

    public boolean isMoreImages() {
        return imageIds.size() < BudgetProject.MAX_IMAGES;
    }

    public String getHeading() {
        return isEditing() ? title : Texts.format(language.getCurrent(), "budget.project.new");
    }

    public Long getCallId() {
        return callId;
    }

    public String getCallName() {
        return callName;
    }

    public Long getProjectId() {
        return projectId;
    }

    public List<Long> getImageIds() {
        return imageIds;
    }

    public UploadedFile getImageFile() {
        return imageFile;
    }

    public void setImageFile(UploadedFile imageFile) {
        this.imageFile = imageFile;
    }

    public List<SelectItem> getEnvelopes() {
        return envelopes;
    }

    public List<SelectItem> getThemes() {
        return themes;
    }

    public Long getEnvelope() {
        return envelope;
    }

    public void setEnvelope(Long envelope) {
        this.envelope = envelope;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public Long getEnvelopeId() {
        return envelopeId;
    }

    public void setEnvelopeId(Long envelopeId) {
        this.envelopeId = envelopeId;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public BigDecimal getLatitude() {
        return latitude;
    }

    public void setLatitude(BigDecimal latitude) {
        this.latitude = latitude;
    }

    public BigDecimal getLongitude() {
        return longitude;
    }

    public void setLongitude(BigDecimal longitude) {
        this.longitude = longitude;
    }

    public Long getCost() {
        return cost;
    }

    public void setCost(Long cost) {
        this.cost = cost;
    }

    public Long getThemeId() {
        return themeId;
    }

    public void setThemeId(Long themeId) {
        this.themeId = themeId;
    }
}
