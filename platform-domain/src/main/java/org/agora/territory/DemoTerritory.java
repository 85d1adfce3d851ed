package org.agora.territory;

import jakarta.persistence.EntityManager;
import java.util.List;
import org.agora.shared.DistrictCode;
import org.agora.shared.Label;

/**
 * The demo city of Belrive: five districts with their neighbourhoods and the usual themes. Loaded on the
 * first start of a demo installation only (an empty territory), never over real data. The district codes
 * match the {@code district} attributes of the demo users in the Keycloak realm.
 */
public final class DemoTerritory {

    private record DemoDistrict(String code, String name, int population, List<String> neighbourhoods) {
    }

    private static final List<DemoDistrict> DISTRICTS = List.of(
            new DemoDistrict("centre", "Centre", 48_200, List.of("Vieille Ville", "Les Halles", "Quai des Tanneurs")),
            new DemoDistrict("nord", "Nord", 61_500, List.of("Les Aubiers", "Champ-Fleuri", "La Gare")),
            new DemoDistrict("sud", "Sud", 57_900, List.of("Saint-Roch", "Les Vignes", "Bellevue")),
            new DemoDistrict("est", "Est", 52_300, List.of("Le Port", "Les Forges")),
            new DemoDistrict("ouest", "Ouest", 45_100, List.of("Montplaisir", "Le Parc", "Les Coteaux")));

    private static final List<String> THEMES = List.of(
            "Mobilité", "Espaces verts", "Culture", "Sport", "Solidarité", "Éducation", "Urbanisme", "Propreté");

    private DemoTerritory() {
    }

    /** Persists the demo territory if no district exists yet; returns whether it did. */
    public static boolean seedIfEmpty(EntityManager em) {
        long districts = em.createQuery("select count(d) from District d", Long.class).getSingleResult();
        if (districts > 0) {
            return false;
        }
        for (DemoDistrict demo : DISTRICTS) {
            District district = new District(new DistrictCode(demo.code()), new Label(demo.name()), demo.population());
            demo.neighbourhoods().forEach(n -> district.addNeighbourhood(new Label(n)));
            em.persist(district);
        }
        THEMES.forEach(t -> em.persist(new Theme(new Label(t))));
        return true;
    }
}
