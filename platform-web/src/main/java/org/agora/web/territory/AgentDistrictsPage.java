package org.agora.web.territory;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.agora.web.security.CurrentUser;
import org.agora.territory.District;
import org.agora.territory.TerritoryPermissions;
import org.agora.territory.TerritoryService;

/** District agents (and the office): the districts they run. */
@Named
@ViewScoped
public class AgentDistrictsPage implements Serializable {

    @Inject
    TerritoryService territory;

    @Inject
    CurrentUser currentUser;

    // read again when null: entities are not Serializable, so the view keeps none across a move of the session
    private transient List<District> districts;

    @PostConstruct
    void load() {
        districts = territory.districts().stream()
                .filter(d -> TerritoryPermissions.canManageNeighbourhoods(currentUser.actor(), d.getCode()))
                .toList();
    }

    public List<District> getDistricts() {
        if (districts == null) {
            load();
        }
        return districts;
    }
}
