package org.agora.web.council;

import jakarta.faces.model.SelectItem;
import jakarta.faces.model.SelectItemGroup;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.agora.council.Council;
import org.agora.council.CouncilDraft;
import org.agora.council.CouncilPermissions;
import org.agora.council.CouncilService;
import org.agora.shared.InvalidInputException;
import org.agora.territory.District;
import org.agora.territory.Neighbourhood;
import org.agora.territory.TerritoryService;
import org.agora.web.platform.FacesActions;
import org.agora.web.platform.FacesFeedback;
import org.agora.web.platform.Pages;
import org.agora.web.security.CurrentUser;
import org.primefaces.model.file.UploadedFile;

/**
 * The staff's council form ({@code /councils/manage/edit.xhtml}): a new council for a neighbourhood of a district the person
 * runs (without {@code id}), or the council's name, presentation, contact, approval, animators and cover (with
 * {@code ?id=}). A 403 for a council of another district, a 404 for an unknown one.
 */
@Named
@ViewScoped
public class CouncilForm implements Serializable {

    @Inject
    CouncilService councils;

    @Inject
    TerritoryService territory;

    @Inject
    CurrentUser currentUser;

    private Long id;
    private Long councilId;
    private Long neighbourhoodId;
    private String neighbourhoodName;
    private String name;
    private String presentation;
    private String contact;
    private boolean approvalRequired;
    private boolean preModerated;
    private String animators;
    private Long coverImageId;
    private transient UploadedFile coverFile;
    private List<SelectItem> neighbourhoods = List.of();

    public void load() {
        var actor = currentUser.actor();
        if (id == null) {
            neighbourhoods = free();
            if (neighbourhoods.isEmpty() && !actor.has(org.agora.shared.Role.OFFICE_ADMIN)
                    && actor.agentDistricts().isEmpty()) {
                Pages.forbidden();
            }
            return;
        }
        Optional<Council> found = councils.find(id);
        if (found.isEmpty()) {
            Pages.notFound();
            return;
        }
        Council council = found.get();
        if (!CouncilPermissions.canEdit(actor, council)) {
            Pages.forbidden();
            return;
        }
        councilId = council.getId();
        neighbourhoodId = council.getNeighbourhood().getId();
        neighbourhoodName = council.getNeighbourhood().getName() + " (" + council.getNeighbourhood().getDistrict().getName() + ")";
        name = council.getName();
        presentation = council.getPresentation();
        contact = council.getContact().orElse(null);
        approvalRequired = council.isApprovalRequired();
        preModerated = council.isPreModerated();
        animators = String.join(", ", council.getAnimators());
        coverImageId = council.getCoverImageId().orElse(null);
    }

    /** The neighbourhoods without a council in the districts this person runs, grouped by district. */
    private List<SelectItem> free() {
        var actor = currentUser.actor();
        List<SelectItem> groups = new ArrayList<>();
        for (District district : territory.districts()) {
            if (!CouncilPermissions.canRunCouncilsOf(actor, district.getCode())) {
                continue;
            }
            List<SelectItem> options = new ArrayList<>();
            for (Neighbourhood n : district.getNeighbourhoods()) {
                if (councils.findOfNeighbourhood(n.getId()).isEmpty()) {
                    options.add(new SelectItem(n.getId(), n.getName()));
                }
            }
            if (!options.isEmpty()) {
                SelectItemGroup group = new SelectItemGroup(district.getName());
                group.setSelectItems(options.toArray(SelectItem[]::new));
                groups.add(group);
            }
        }
        return groups;
    }

    private CouncilDraft draft() {
        List<String> names = animators == null ? List.of() : Arrays.asList(animators.split("[,;\\s]+"));
        return new CouncilDraft(name, presentation, contact, approvalRequired, names);
    }

    public String save() {
        return FacesActions.run("council", () -> {
            Council saved;
            if (councilId == null) {
                if (neighbourhoodId == null) {
                    throw new InvalidInputException("neighbourhood", "validation.required");
                }
                saved = councils.create(currentUser.actor(), neighbourhoodId, draft(), Instant.now());
                FacesFeedback.done("council.form.created", saved.getName());
            } else {
                saved = councils.update(currentUser.actor(), councilId, draft());
                FacesFeedback.done("council.form.saved", saved.getName());
            }
            if (saved.isPreModerated() != preModerated) {
                saved = councils.preModerate(currentUser.actor(), saved.getId(), preModerated);
            }
            return "/councils/view?faces-redirect=true&id=" + saved.getId();
        });
    }

    /** Checks and stores the uploaded picture as the council's cover; a refused file says why next to it. */
    public String uploadCover() {
        return FacesActions.run("cover", () -> {
            if (coverFile == null || coverFile.getSize() == 0) {
                throw new InvalidInputException("file", "media.image.empty");
            }
            Council changed = councils.changeCover(currentUser.actor(), councilId, coverFile.getFileName(),
                    coverFile.getContent());
            FacesFeedback.done("council.cover.saved", changed.getName());
            return "/councils/manage/edit?faces-redirect=true&id=" + councilId;
        });
    }

    public String removeCover() {
        return FacesActions.run("cover", () -> {
            Council changed = councils.removeCover(currentUser.actor(), councilId);
            FacesFeedback.done("council.cover.removed", changed.getName());
            return "/councils/manage/edit?faces-redirect=true&id=" + councilId;
        });
    }

    public boolean isCreating() {
        return councilId == null;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public Long getCouncilId() {
        return councilId;
    }

    public Long getNeighbourhoodId() {
        return neighbourhoodId;
    }

    public void setNeighbourhoodId(Long neighbourhoodId) {
        this.neighbourhoodId = neighbourhoodId;
    }

    public String getNeighbourhoodName() {
        return neighbourhoodName;
    }

    public List<SelectItem> getNeighbourhoods() {
        return neighbourhoods;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getPresentation() {
        return presentation;
    }

    public void setPresentation(String presentation) {
        this.presentation = presentation;
    }

    public String getContact() {
        return contact;
    }

    public void setContact(String contact) {
        this.contact = contact;
    }

    public boolean isApprovalRequired() {
        return approvalRequired;
    }

    public void setApprovalRequired(boolean approvalRequired) {
        this.approvalRequired = approvalRequired;
    }

    /** Whether members' new ideas and comments wait for a moderator's approval. */
    public boolean isPreModerated() {
        return preModerated;
    }

    public void setPreModerated(boolean preModerated) {
        this.preModerated = preModerated;
    }

    public String getAnimators() {
        return animators;
    }

    public void setAnimators(String animators) {
        this.animators = animators;
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
}
