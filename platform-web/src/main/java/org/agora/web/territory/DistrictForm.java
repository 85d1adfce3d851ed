package org.agora.web.territory;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.agora.web.security.CurrentUser;
import org.agora.shared.InvalidInputException;
import org.agora.shared.NotFoundException;
import org.agora.territory.District;
import org.agora.territory.DistrictDraft;
import org.agora.territory.TerritoryService;
import org.agora.web.platform.FacesActions;
import org.agora.web.platform.FacesFeedback;
import org.agora.web.platform.Pages;

/** Office-admin: create a district, or edit one ({@code ?code=nord}); errors show next to their fields. */
@Named
@ViewScoped
public class DistrictForm implements Serializable {

    @Inject
    TerritoryService territory;

    @Inject
    CurrentUser currentUser;

    private String code;
    private String name;
    private Integer population;
    private boolean editing;

    /** View action: loads the district named in the address, if any; an unknown one is a 404. */
    public void load() {
        if (code == null || code.isBlank()) {
            return;
        }
        try {
            District district = territory.getDistrict(code);
            name = district.getName();
            population = district.getPopulation();
            editing = true;
        } catch (NotFoundException | InvalidInputException e) {
            Pages.notFound();
        }
    }

    public String save() {
        return FacesActions.run("district", () -> {
            DistrictDraft draft = new DistrictDraft(code, name, population);
            District saved = editing ? territory.updateDistrict(currentUser.actor(), code, draft) : territory.createDistrict(currentUser.actor(), draft);
            FacesFeedback.done("territory.district.saved", saved.getName());
            return "/territory/admin/districts?faces-redirect=true";
        });
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Integer getPopulation() {
        return population;
    }

    public void setPopulation(Integer population) {
        this.population = population;
    }

    public boolean isEditing() {
        return editing;
    }
}
