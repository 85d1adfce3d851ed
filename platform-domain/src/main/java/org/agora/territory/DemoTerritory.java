package org.agora.territory;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.logging.Logger;
import org.agora.shared.DemoData;
import org.agora.shared.DemoTexts;
import org.agora.shared.DistrictCode;
import org.agora.shared.Label;

/**
 * The demo city of Belrive: five districts with their neighbourhoods and the usual themes (named in
 * demo/territory.properties). Loaded on the first start of a demo installation only (an empty territory), never
 * over real data. The district codes match the {@code district} attributes of the demo users in the Keycloak realm.
 */
@ApplicationScoped
public class DemoTerritory {

    private static final Logger LOG = Logger.getLogger(DemoTerritory.class.getName());

    private record DemoDistrict(String code, int population) {
    }

    private static final List<DemoDistrict> DISTRICTS = List.of(new DemoDistrict("centre", 48_200),
            new DemoDistrict("nord", 61_500), new DemoDistrict("sud", 57_900), new DemoDistrict("est", 52_300),
            new DemoDistrict("ouest", 45_100));

    private EntityManager em;

    protected DemoTerritory() {
        // for CDI
    }

    @Inject
    public DemoTerritory(EntityManager em) {
        this.em = em;
    }

    void onDemoStart(@Observes @Priority(DemoData.TERRITORY) DemoData start) {
        if (seedIfEmpty()) {
            LOG.info("Demo territory of Belrive loaded");
        }
    }

    /** Persists the demo territory if no district exists yet; returns whether it did. */
    public boolean seedIfEmpty() {
        long districts = em.createQuery("select count(d) from District d", Long.class).getSingleResult();
        if (districts > 0) {
            return false;
        }
        DemoTexts texts = DemoTexts.of("territory");
        for (DemoDistrict demo : DISTRICTS) {
            String key = "district." + demo.code();
            District district = new District(new DistrictCode(demo.code()), new Label(texts.get(key)), demo.population());
            texts.list(key + ".neighbourhoods").forEach(n -> district.addNeighbourhood(new Label(n)));
            em.persist(district);
        }
        texts.list("themes").forEach(t -> em.persist(new Theme(new Label(t))));
        return true;
    }
}
