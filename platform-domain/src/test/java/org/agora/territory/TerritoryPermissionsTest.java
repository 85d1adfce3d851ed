package org.agora.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.Set;
import org.agora.shared.Actor;
import org.agora.shared.DistrictCode;
import org.agora.shared.NotAllowedException;
import org.agora.shared.Role;
import org.junit.jupiter.api.Test;

class TerritoryPermissionsTest {

    static final DistrictCode NORD = new DistrictCode("nord");
    static final DistrictCode SUD = new DistrictCode("sud");

    static Actor actor(Role role, DistrictCode... agentDistricts) {
        return new Actor(role.realmName(), Set.of(role), Optional.of(NORD), Set.of(agentDistricts));
    }

    @Test
    void onlyTheOfficeManagesDistrictsAndThemes() {
        assertThat(TerritoryPermissions.canManageDistrictsAndThemes(actor(Role.OFFICE_ADMIN))).isTrue();
        for (Role role : Set.of(Role.RESIDENT, Role.DISTRICT_AGENT, Role.MODERATOR, Role.ANALYST)) {
            assertThat(TerritoryPermissions.canManageDistrictsAndThemes(actor(role, NORD))).as(role.name()).isFalse();
        }
        assertThat(TerritoryPermissions.canManageDistrictsAndThemes(Actor.anonymous())).isFalse();
    }

    @Test
    void aDistrictAgentManagesTheNeighbourhoodsOfTheirDistrictsOnly() {
        Actor agentOfNord = actor(Role.DISTRICT_AGENT, NORD);
        assertThat(TerritoryPermissions.canManageNeighbourhoods(agentOfNord, NORD)).isTrue();
        assertThat(TerritoryPermissions.canManageNeighbourhoods(agentOfNord, SUD)).isFalse();
    }

    @Test
    void aResidentDoesNotManageTheirOwnDistrictsNeighbourhoods() {
        assertThat(TerritoryPermissions.canManageNeighbourhoods(actor(Role.RESIDENT, NORD), NORD)).isFalse();
    }

    @Test
    void districtsInAClaimDoNotMakeAnAgentWithoutTheRole() {
        Actor moderatorWithDistricts = actor(Role.MODERATOR, NORD);
        assertThat(TerritoryPermissions.canManageNeighbourhoods(moderatorWithDistricts, NORD)).isFalse();
    }

    @Test
    void theOfficeManagesEveryDistrictsNeighbourhoods() {
        assertThat(TerritoryPermissions.canManageNeighbourhoods(actor(Role.OFFICE_ADMIN), SUD)).isTrue();
    }

    @Test
    void theServicesRefuseWhatThePermissionsRefuseWithTheReason() {
        assertThatCode(() -> TerritoryPermissions.requireDistrictsAndThemes(actor(Role.OFFICE_ADMIN)))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> TerritoryPermissions.requireDistrictsAndThemes(actor(Role.DISTRICT_AGENT, NORD)))
                .isInstanceOf(NotAllowedException.class).hasMessageStartingWith("territory.notAllowed");
        assertThatCode(() -> TerritoryPermissions.requireNeighbourhoods(actor(Role.DISTRICT_AGENT, NORD), NORD))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> TerritoryPermissions.requireNeighbourhoods(actor(Role.DISTRICT_AGENT, NORD), SUD))
                .isInstanceOf(NotAllowedException.class).hasMessageStartingWith("territory.neighbourhood.notAllowed");
        assertThatThrownBy(() -> TerritoryPermissions.requireNeighbourhoods(Actor.anonymous(), NORD))
                .isInstanceOf(NotAllowedException.class);
    }
}
