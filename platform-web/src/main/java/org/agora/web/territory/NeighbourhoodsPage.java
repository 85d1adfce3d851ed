package org.agora.web.territory;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.agora.web.security.CurrentUser;
import org.agora.shared.InvalidInputException;
import org.agora.shared.NotFoundException;
import org.agora.territory.District;
import org.agora.territory.Neighbourhood;
import org.agora.territory.TerritoryPermissions;
import org.agora.territory.TerritoryService;
import org.agora.web.platform.FacesActions;
import org.agora.web.platform.FacesFeedback;
import org.agora.web.platform.Pages;

/**
 * The neighbourhoods of one district ({@code ?district=nord}), for the office and the agents of that district
 * only: anyone else gets a 403, an unknown district a 404.
 */
@Named
@ViewScoped
public class NeighbourhoodsPage implements Serializable {

    @Inject
    TerritoryService territory;

    @Inject
    CurrentUser currentUser;

    private String districtCode;
    // read again when null: an entity is not Serializable, so the view does not keep it across a move of the session
    private transient District district;
    private String newName;
    private Long renamedId;
    private String renamedName;

    public void load() {
        try {
            district = territory.getDistrict(districtCode);
        } catch (NotFoundException | InvalidInputException e) {
            Pages.notFound();
            return;
        }
        if (!TerritoryPermissions.canManageNeighbourhoods(currentUser.actor(), district.getCode())) {
            Pages.forbidden();
        }
    }

    public void add() {
        FacesActions.runInPlace("newNeighbourhood", () -> {
            Neighbourhood added = territory.addNeighbourhood(currentUser.actor(), districtCode, newName);
            FacesFeedback.done("territory.neighbourhood.saved", added.getName());
            newName = null;
            district = territory.getDistrict(districtCode);
        });
    }

    public void startRenaming(Neighbourhood neighbourhood) {
        renamedId = neighbourhood.getId();
        renamedName = neighbourhood.getName();
    }

    public void rename() {
        FacesActions.runInPlace("neighbourhoods", () -> {
            Neighbourhood renamed = territory.renameNeighbourhood(currentUser.actor(), renamedId, renamedName);
            FacesFeedback.done("territory.neighbourhood.saved", renamed.getName());
            renamedId = null;
            district = territory.getDistrict(districtCode);
        });
    }

    public String getDistrictCode() {
        return districtCode;
    }

    public void setDistrictCode(String districtCode) {
        this.districtCode = districtCode;
    }

    public District getDistrict() {
        if (district == null && districtCode != null) {
            district = territory.getDistrict(districtCode);
        }
        return district;
    }

    public String getNewName() {
        return newName;
    }

    public void setNewName(String newName) {
        this.newName = newName;
    }

    public Long getRenamedId() {
        return renamedId;
    }

    public String getRenamedName() {
        return renamedName;
    }

    public void setRenamedName(String renamedName) {
        this.renamedName = renamedName;
    }
}
