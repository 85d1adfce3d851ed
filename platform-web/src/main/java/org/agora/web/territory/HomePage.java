package org.agora.web.territory;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.agora.territory.District;
import org.agora.territory.TerritoryService;
import org.agora.territory.Theme;
import org.agora.web.security.CurrentUser;

/** The public home page: the city's districts with their neighbourhoods, and the themes. */
@Named
@ViewScoped
public class HomePage implements Serializable {

    @Inject
    TerritoryService territory;

    @Inject
    CurrentUser currentUser;

    // read again when null: entities are not Serializable, so the view keeps none across a move of the session
    private transient List<District> districts;
    private transient List<Theme> themes;

    @PostConstruct
    void load() {
        districts = territory.districts();
        themes = territory.themes();
    }

    public List<District> getDistricts() {
        if (districts == null) {
            load();
        }
        return districts;
    }

    public List<Theme> getThemes() {
        if (themes == null) {
            load();
        }
        return themes;
    }

    /** The signed-in resident's home district by name (the token only carries its code). */
    public String getHomeDistrictName() {
        String code = currentUser.getHomeDistrict();
        return getDistricts().stream().filter(d -> d.getCode().value().equals(code))
                .map(District::getName).findFirst().orElse(code);
    }
}
