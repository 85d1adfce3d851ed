package org.agora.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import org.agora.shared.Actor;
import org.agora.shared.ConflictException;
import org.agora.shared.DistrictCode;
import org.agora.shared.InvalidInputException;
import org.agora.shared.NotAllowedException;
import org.agora.shared.NotFoundException;
import org.agora.shared.Role;
import org.agora.testing.DatabaseTest;
import org.agora.testing.Demo;
import org.agora.testing.Services;
import org.junit.jupiter.api.Test;

/** The territory use cases against a real database; run on H2 and on PostgreSQL by the subclasses. */
abstract class TerritoryPersistenceContract extends DatabaseTest {

    static final Actor OFFICE = new Actor("officeadmin", Set.of(Role.OFFICE_ADMIN), Optional.empty(), Set.of());
    static final Actor AGENT_OF_NORD = new Actor("agent", Set.of(Role.DISTRICT_AGENT), Optional.empty(),
            Set.of(new DistrictCode("nord")));

    private <T> T territory(java.util.function.Function<TerritoryService, T> work) {
        return db().inTransaction(em -> work.apply(Services.on(em).territory()));
    }

    private int neighbourhoodCount(String districtCode) {
        return territory(t -> t.getDistrict(districtCode).getNeighbourhoods().size());
    }

    @Test
    void demoTerritoryIsLoadedOnceWithItsNeighbourhoods() {
        boolean seeded = db().inTransaction(em -> Demo.territory(em).seedIfEmpty());
        assertThat(seeded).isFalse();
        assertThat(territory(TerritoryService::districts)).extracting(District::getName)
                .containsExactly("Centre", "Est", "Nord", "Ouest", "Sud");
        assertThat(neighbourhoodCount("nord")).isEqualTo(3);
        assertThat(territory(TerritoryService::themes)).hasSize(8);
    }

    @Test
    void officeCreatesADistrictThatIsThenListed() {
        territory(t -> t.createDistrict(OFFICE, new DistrictDraft("rives", "  Les Rives ", 12_000)));

        District rives = territory(t -> t.getDistrict("rives"));
        assertThat(rives.getName()).isEqualTo("Les Rives");
        assertThat(rives.getPopulation()).isEqualTo(12_000);
    }

    @Test
    void duplicateDistrictNameIsRefusedAndNothingIsStored() {
        assertThatThrownBy(() -> territory(t -> t.createDistrict(OFFICE, new DistrictDraft("nord-2", "NORD", 10))))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("territory.district.name.duplicate");
                    assertThat(e.field()).contains("name");
                });
        assertThat(territory(TerritoryService::districts)).hasSize(5);
    }

    @Test
    void duplicateDistrictCodeIsRefused() {
        assertThatThrownBy(() -> territory(t -> t.createDistrict(OFFICE, new DistrictDraft("nord", "Nord bis", 10))))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("territory.district.code.duplicate"));
    }

    @Test
    void emptyRequiredFieldIsRefusedAndNothingIsStored() {
        assertThatThrownBy(() -> territory(t -> t.createDistrict(OFFICE, new DistrictDraft("rives", "", 10))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).contains("name"));
        assertThatThrownBy(() -> territory(t -> t.createDistrict(OFFICE, new DistrictDraft("rives", "Rives", null))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).contains("population"));
        Optional<District> rives = territory(t -> t.findDistrict("rives"));
        assertThat(rives).isEmpty();
    }

    @Test
    void editThatFailsHalfwayChangesNothing() {
        assertThatThrownBy(() -> territory(t -> t.updateDistrict(OFFICE, "nord", new DistrictDraft(null, "Nord renamed", -5))))
                .isInstanceOf(InvalidInputException.class);
        District nord = territory(t -> t.getDistrict("nord"));
        assertThat(nord.getName()).isEqualTo("Nord");
        assertThat(nord.getPopulation()).isEqualTo(61_500);
    }

    @Test
    void unknownDistrictIsNotFoundAndMalformedCodeIsInvalid() {
        assertThatThrownBy(() -> territory(t -> t.getDistrict("nowhere"))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> territory(t -> t.getDistrict("../etc"))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void agentAddsNeighbourhoodToTheirDistrictButNotToAnother() {
        territory(t -> t.addNeighbourhood(AGENT_OF_NORD, "nord", "Les Prés"));

        assertThatThrownBy(() -> territory(t -> t.addNeighbourhood(AGENT_OF_NORD, "sud", "Les Prés")))
                .isInstanceOf(NotAllowedException.class);
        assertThat(neighbourhoodCount("nord")).isEqualTo(4);
        assertThat(neighbourhoodCount("sud")).isEqualTo(3);
    }

    @Test
    void themeNamesAreUnique() {
        assertThatThrownBy(() -> territory(t -> t.createTheme(OFFICE, "mobilite")))
                .isInstanceOf(ConflictException.class);
        territory(t -> t.createTheme(OFFICE, "Numérique"));
        assertThat(territory(TerritoryService::themes)).hasSize(9);
    }

    @Test
    void databaseRefusesADuplicateNameEvenWithoutTheApplicationsCheck() {
        assertThatThrownBy(() -> db().sql(
                "INSERT INTO districts (id, code, name, name_key, population) VALUES (900001, 'nord-bis', 'NORD', 'nord', 1)"))
                .isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> db().sql(
                "INSERT INTO districts (id, code, name, name_key, population) VALUES (900002, 'negatif', 'Négatif', 'negatif', -1)"))
                .isInstanceOf(SQLException.class);
    }
}
