package org.agora.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.agora.shared.ConflictException;
import org.agora.shared.DistrictCode;
import org.agora.shared.InvalidInputException;
import org.agora.shared.Label;
import org.junit.jupiter.api.Test;

class DistrictTest {

    private final District nord = new District(new DistrictCode("nord"), new Label("Nord"), 61_500);

    @Test
    void populationMustBeGivenAndWithinRange() {
        assertThatThrownBy(() -> nord.changePopulation(null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).contains("population");
                    assertThat(e.messageKey()).isEqualTo("validation.required");
                });
        assertThatThrownBy(() -> nord.changePopulation(-1))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("validation.range"));
        assertThatThrownBy(() -> nord.changePopulation(District.MAX_POPULATION + 1))
                .isInstanceOf(InvalidInputException.class);
        assertThat(nord.getPopulation()).isEqualTo(61_500);
    }

    @Test
    void neighbourhoodNamesAreUniqueWithinTheDistrictIgnoringCaseAndAccents() {
        nord.addNeighbourhood(new Label("Champ-Fleuri"));
        assertThatThrownBy(() -> nord.addNeighbourhood(new Label("champ-fleuri")))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("territory.neighbourhood.name.duplicate"));
        assertThat(nord.getNeighbourhoods()).hasSize(1);
    }

    @Test
    void renamingANeighbourhoodToASiblingsNameIsRefusedButKeepingItsOwnIsFine() {
        Neighbourhood gare = nord.addNeighbourhood(new Label("La Gare"));
        nord.addNeighbourhood(new Label("Les Aubiers"));

        assertThatThrownBy(() -> gare.rename(new Label("Les AUBIERS"))).isInstanceOf(ConflictException.class);
        gare.rename(new Label("La gare"));

        assertThat(gare.getName()).isEqualTo("La gare");
    }

    @Test
    void theSameNeighbourhoodNameMayExistInTwoDistricts() {
        District sud = new District(new DistrictCode("sud"), new Label("Sud"), 57_900);
        nord.addNeighbourhood(new Label("Bellevue"));
        sud.addNeighbourhood(new Label("Bellevue"));
        assertThat(sud.getNeighbourhoods()).extracting(Neighbourhood::getName).containsExactly("Bellevue");
    }
}
