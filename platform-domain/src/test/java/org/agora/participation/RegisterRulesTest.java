package org.agora.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.agora.shared.Actor;
import org.agora.shared.DistrictCode;
import org.agora.shared.InvalidInputException;
import org.agora.shared.Role;
import org.junit.jupiter.api.Test;

class RegisterRulesTest {

    static final DistrictCode NORD = new DistrictCode("nord");
    static final DistrictCode SUD = new DistrictCode("sud");
    static final Actor OFFICE = new Actor("officeadmin", Set.of(Role.OFFICE_ADMIN), Optional.empty(), Set.of());
    static final Actor AGENT_OF_NORD = new Actor("agent", Set.of(Role.DISTRICT_AGENT), Optional.empty(), Set.of(NORD));
    static final Actor RESIDENT = new Actor("resident", Set.of(Role.RESIDENT), Optional.of(NORD), Set.of());
    static final Actor MODERATOR = new Actor("moderator", Set.of(Role.MODERATOR), Optional.empty(), Set.of());

    private static Resident of(DistrictCode district) {
        return Resident.ofAccount("someone", Optional.of("Camille Martin"), Optional.of(district), Optional.of(1990),
                Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void theSameNameIsTheSameKeyWhateverTheOrderCaseAndAccents() {
        assertThat(NameKey.of("Élodie DUPONT-Martin")).isEqualTo(NameKey.of("  martin dupont  elodie"));
        assertThat(NameKey.of("Jean Voisin")).isNotEqualTo(NameKey.of("Jeanne Voisin"));
        assertThat(NameKey.words("O'Brien Zoë")).containsExactlyInAnyOrder("o", "brien", "zoe");
    }

    @Test
    void onlyTheOfficeAndDistrictAgentsSearchTheRegister() {
        assertThat(RegisterPermissions.canSearch(OFFICE)).isTrue();
        assertThat(RegisterPermissions.canSearch(AGENT_OF_NORD)).isTrue();
        assertThat(RegisterPermissions.canSearch(RESIDENT)).isFalse();
        assertThat(RegisterPermissions.canSearch(MODERATOR)).isFalse();
        assertThat(RegisterPermissions.canSearch(Actor.anonymous())).isFalse();
    }

    @Test
    void anAgentEntersAndChangesOnlyThePeopleOfTheirDistricts() {
        assertThat(RegisterPermissions.whyNotEnlist(AGENT_OF_NORD, NORD)).isEmpty();
        assertThat(RegisterPermissions.whyNotEnlist(AGENT_OF_NORD, SUD)).contains("participation.register.notYourDistrict");
        assertThat(RegisterPermissions.whyNotEnlist(OFFICE, SUD)).isEmpty();

        assertThat(RegisterPermissions.whyNotChange(AGENT_OF_NORD, of(NORD), Optional.empty())).isEmpty();
        assertThat(RegisterPermissions.whyNotChange(AGENT_OF_NORD, of(NORD), Optional.of(SUD))).isPresent();
        assertThat(RegisterPermissions.whyNotChange(AGENT_OF_NORD, of(SUD), Optional.of(NORD))).isPresent();
        assertThat(RegisterPermissions.whyNotChange(OFFICE, of(SUD), Optional.of(NORD))).isEmpty();
    }

    @Test
    void residentsNeverChangeTheirOwnEntry() {
        assertThat(RegisterPermissions.whyNotChange(RESIDENT, of(NORD), Optional.of(NORD))).isPresent();
        assertThat(RegisterPermissions.whyNotChange(RESIDENT, of(NORD), Optional.empty())).isPresent();
        assertThat(RegisterPermissions.whyNotEnlist(RESIDENT, NORD)).isPresent();
    }

    @Test
    void aPersonWithoutAccountNeedsTwoNamesABirthDateAndADistrict() {
        assertThatThrownBy(() -> new InPersonResident("Camille", LocalDate.of(1990, 1, 1), NORD))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("participation.register.fullNameNeeded");
        assertThatThrownBy(() -> new InPersonResident("Camille Martin", null, NORD))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("participation.register.birthDateNeeded");
        assertThatThrownBy(() -> new InPersonResident("Camille Martin", LocalDate.now().plusDays(1), NORD))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("participation.register.birthDateImpossible");
        assertThatThrownBy(() -> new InPersonResident("Camille Martin", LocalDate.of(1990, 1, 1), null))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("participation.register.districtNeeded");
        assertThat(new InPersonResident("  Camille   Martin ", LocalDate.of(1990, 1, 1), NORD).fullName())
                .isEqualTo("Camille Martin");
    }
}
