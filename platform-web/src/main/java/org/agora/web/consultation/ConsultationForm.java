package org.agora.web.consultation;

import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.agora.consultation.Consultation;
import org.agora.consultation.ConsultationDraft;
import org.agora.consultation.ConsultationReading;
import org.agora.consultation.ConsultationService;
import org.agora.consultation.ConsultationStatus;
import org.agora.media.ImageFile;
import org.agora.shared.Actor;
import org.agora.shared.InvalidInputException;
import org.agora.shared.NotAllowedException;
import org.agora.shared.NotFoundException;
import org.agora.territory.TerritoryService;
import org.agora.web.platform.CityTime;
import org.agora.web.platform.FacesActions;
import org.agora.web.platform.FacesFeedback;
import org.agora.web.platform.Language;
import org.agora.web.platform.Pages;
import org.agora.web.platform.Texts;
import org.agora.web.security.CurrentUser;
import org.primefaces.model.file.UploadedFile;

/**
 * Office and district agents: create a consultation, or edit one ({@code ?id=12}) while it is a draft, and move it
 * through its life (schedule, back to draft, open now, close now, publish results) or copy it for a district.
 * Someone who does not organise its scope gets a 403; an unknown id, a 404.
 */
@Named
@ViewScoped
public class ConsultationForm implements Serializable {

    /** The domain names a period's ends start and end, and schedule() refuses on opensAt. */
    private static final Map<String, String> INPUTS = Map.of("start", "opensAt", "end", "closesAt");

    @Inject
    ConsultationService consultations;

    @Inject
    ConsultationReading reading;

    @Inject
    TerritoryService territory;

    @Inject
    CurrentUser currentUser;

    @Inject
    Language language;

    private Long id;
    private Long consultationId;
    private Long coverImageId;
    private transient UploadedFile coverFile;
    private ConsultationStatus status;
    private String savedTitle;

    private String title;
    private String description;
    private Long themeId;
    private String scope;
    private LocalDateTime opensAt;
    private LocalDateTime closesAt;
    private boolean anonymous;
    private boolean answersEditable;
    private boolean preModerated;
    private String duplicateScope;

    private List<SelectItem> scopes;
    private List<SelectItem> themes;

    /** View action: the choices this person has, and the consultation named in the address, if any. */
    public void load() {
        Actor actor = currentUser.actor();
        scopes = ConsultationScopes.organisable(actor, territory.districts(), text("consultation.scope.city"));
        themes = territory.themes().stream().map(t -> new SelectItem(t.getId(), t.getName())).toList();
        if (id == null) {
            scope = scopes.isEmpty() ? null : (String) scopes.get(0).getValue();
            return;
        }
        Consultation consultation;
        try {
            consultation = reading.toOrganise(actor, id);
        } catch (NotFoundException | NotAllowedException refused) {
            Pages.refused(refused);
            return;
        }
        show(consultation);
        duplicateScope = scope;
    }

    private void show(Consultation consultation) {
        consultationId = consultation.getId();
        coverImageId = consultation.getCoverImageId();
        status = consultation.getStatus();
        savedTitle = consultation.getTitle();
        title = consultation.getTitle();
        description = consultation.getDescription();
        themeId = consultation.getThemeId();
        scope = ConsultationScopes.value(consultation.getScope());
        opensAt = CityTime.local(consultation.getPeriod().start());
        closesAt = CityTime.local(consultation.getPeriod().end());
        anonymous = consultation.isAnonymous();
        answersEditable = consultation.isAnswersEditable();
        preModerated = consultation.isPreModerated();
    }

    public String save() {
        ConsultationDraft draft = new ConsultationDraft(title, description, themeId, scope, CityTime.instant(opensAt),
                CityTime.instant(closesAt), anonymous, answersEditable);
        return FacesActions.run("consultation", INPUTS, () -> {
            Consultation saved = consultationId == null
                    ? consultations.create(currentUser.actor(), draft)
                    : consultations.update(currentUser.actor(), consultationId, draft);
            FacesFeedback.done("consultation.saved", saved.getTitle());
            return thisPage(saved.getId());
        });
    }

    public String schedule() {
        return step(() -> consultations.schedule(currentUser.actor(), consultationId, Instant.now()),
                "consultation.lifecycle.scheduled");
    }

    public String backToDraft() {
        return step(() -> consultations.backToDraft(currentUser.actor(), consultationId),
                "consultation.lifecycle.backToDraft.done");
    }

    public String openNow() {
        return step(() -> consultations.openNow(currentUser.actor(), consultationId, Instant.now()),
                "consultation.lifecycle.opened");
    }

    public String closeNow() {
        return step(() -> consultations.closeNow(currentUser.actor(), consultationId, Instant.now()),
                "consultation.lifecycle.closed");
    }

    /** Turns pre-moderation of residents' comments on or off, at any stage. */
    public String togglePreModeration() {
        boolean wanted = !preModerated;
        return step(() -> consultations.preModerate(currentUser.actor(), consultationId, wanted),
                wanted ? "consultation.preModeration.turnedOn" : "consultation.preModeration.turnedOff");
    }

    public boolean isPreModerated() {
        return preModerated;
    }

    public String publishResults() {
        return step(() -> consultations.publishResults(currentUser.actor(), consultationId),
                "consultation.lifecycle.published");
    }

    /** Checks and stores the uploaded picture as the consultation's cover; a refused file says why next to it. */
    public String uploadCover() {
        return FacesActions.run("cover", () -> {
            if (coverFile == null || coverFile.getSize() == 0) {
                throw new InvalidInputException(ImageFile.FIELD, "media.image.empty");
            }
            Consultation changed = consultations.changeCover(currentUser.actor(), consultationId,
                    coverFile.getFileName(), coverFile.getContent());
            FacesFeedback.done("consultation.cover.saved", changed.getTitle());
            return thisPage(changed.getId());
        });
    }

    public String removeCover() {
        return step(() -> consultations.removeCover(currentUser.actor(), consultationId), "consultation.cover.removed");
    }

    /** A copy in draft for the chosen scope; the organiser lands on the copy to adjust its dates. */
    public String duplicate() {
        return FacesActions.run("lifecycle", () -> {
            Consultation copy = consultations.duplicate(currentUser.actor(), consultationId, duplicateScope,
                    Instant.now());
            FacesFeedback.done("consultation.duplicated", copy.getTitle());
            return thisPage(copy.getId());
        });
    }

    private String step(Supplier<Consultation> change, String doneKey) {
        return FacesActions.run("consultation", INPUTS, () -> { // schedule() refuses a past opening on its input
            Consultation changed = change.get();
            FacesFeedback.done(doneKey, changed.getTitle());
            return thisPage(changed.getId());
        });
    }

    private static String thisPage(long consultationId) {
        return "/consultations/manage/consultation?faces-redirect=true&id=" + consultationId;
    }

    private String text(String key) {
        return Texts.format(language.getCurrent(), key);
    }

    // --- for the page ---

    public boolean isEditing() {
        return consultationId != null;
    }

    /** The fields change only while the consultation is a draft (residents may read it once scheduled). */
    public boolean isEditable() {
        return status == null || status == ConsultationStatus.DRAFT;
    }

    /** Whether the lifecycle allows this step now; the page shows one button per allowed step. */
    public boolean canMoveTo(ConsultationStatus target) {
        return status != null && status.canMoveTo(target);
    }

    public String getHeading() {
        return isEditing() ? savedTitle : text("consultation.form.new");
    }

    public String getStatusLabel() {
        return status == null ? null : text("consultation.status." + status.name());
    }

    public Long getCoverImageId() {
        return coverImageId;
    }

    public UploadedFile getCoverFile() {
        return coverFile;
    }

    public void setCoverFile(UploadedFile coverFile) {
        this.coverFile = coverFile;
    }

    public Long getConsultationId() {
        return consultationId;
    }

    public List<SelectItem> getScopes() {
        return scopes;
    }

    public List<SelectItem> getThemes() {
        return themes;
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

    public Long getThemeId() {
        return themeId;
    }

    public void setThemeId(Long themeId) {
        this.themeId = themeId;
    }

    public String getScope() {
        return scope;
    }

    public void setScope(String scope) {
        this.scope = scope;
    }

    public LocalDateTime getOpensAt() {
        return opensAt;
    }

    public void setOpensAt(LocalDateTime opensAt) {
        this.opensAt = opensAt;
    }

    public LocalDateTime getClosesAt() {
        return closesAt;
    }

    public void setClosesAt(LocalDateTime closesAt) {
        this.closesAt = closesAt;
    }

    public boolean isAnonymous() {
        return anonymous;
    }

    public void setAnonymous(boolean anonymous) {
        this.anonymous = anonymous;
    }

    public boolean isAnswersEditable() {
        return answersEditable;
    }

    public void setAnswersEditable(boolean answersEditable) {
        this.answersEditable = answersEditable;
    }

    public String getDuplicateScope() {
        return duplicateScope;
    }

    public void setDuplicateScope(String duplicateScope) {
        this.duplicateScope = duplicateScope;
    }
}
