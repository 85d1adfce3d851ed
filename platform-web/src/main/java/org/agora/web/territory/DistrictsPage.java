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
    transient TerritoryService territory;

    private List<District> districts;

    @PostConstruct
    void load() {
        districts = territory.districts();
    }

    public List<District> getDistricts() {
        return districts;
    }

    public long getTotalPopulation() {
        return districts.stream().mapToLong(District::getPopulation).sum();
    }
}
