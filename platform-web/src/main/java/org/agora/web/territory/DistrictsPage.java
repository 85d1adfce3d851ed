package org.agora.web.territory;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.agora.territory.District;
import org.agora.territory.TerritoryService;

/** Office-admin: the list of districts, with population and neighbourhoods. */
@Named
@ViewScoped
public class DistrictsPage implements Serializable {

    @Inject
    TerritoryService territory;

    // read again when null: entities are not Serializable, so the view keeps none across a move of the session
    private transient List<District> districts;

    @PostConstruct
    void load() {
        districts = territory.districts();
    }

    public List<District> getDistricts() {
        if (districts == null) {
            load();
        }
        return districts;
    }

    public long getTotalPopulation() {
        return getDistricts().stream().mapToLong(District::getPopulation).sum();
    }
}
