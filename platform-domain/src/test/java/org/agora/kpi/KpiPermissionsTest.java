package org.agora.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.agora.shared.Actor;
import org.agora.shared.DistrictCode;
import org.agora.shared.InvalidInputException;
import org.agora.shared.Role;
import org.junit.jupiter.api.Test;

class KpiPermissionsTest {

    static final DistrictCode NORD = new DistrictCode("nord");
    static final DistrictCode SUD = new DistrictCode("sud");
    static final KpiQuery CITY = KpiQuery.city(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30));
    static final KpiQuery OF_NORD = CITY.inDistrict(NORD);

    static Actor with(Role role, DistrictCode... served) {
        return new Actor("someone", Set.of(role), Optional.of(NORD), Set.of(served));
    }

    @Test
    void analystsAndTheOfficeReadTheCityAndEveryDistrict() {
        for (Role role : Set.of(Role.ANALYST, Role.OFFICE_ADMIN)) {
            assertThat(KpiPermissions.whyNotRead(with(role), CITY)).isEmpty();
            assertThat(KpiPermissions.whyNotRead(with(role), OF_NORD)).isEmpty();
            assertThat(KpiPermissions.canRead(with(role))).isTrue();
        }
    }

    @Test
    void anAgentReadsTheirDistrictsOnly() {
        Actor agentOfNord = with(Role.DISTRICT_AGENT, NORD);
        assertThat(KpiPermissions.whyNotRead(agentOfNord, OF_NORD)).isEmpty();
        assertThat(KpiPermissions.whyNotRead(agentOfNord, CITY.inDistrict(SUD))).contains("kpi.notYourDistrict");
        assertThat(KpiPermissions.whyNotRead(agentOfNord, CITY)).contains("kpi.notYourDistrict");
    }

    @Test
    void residentsModeratorsAndVisitorsNever() {
        assertThat(KpiPermissions.whyNotRead(with(Role.RESIDENT), OF_NORD)).contains("kpi.notAllowed");
        assertThat(KpiPermissions.whyNotRead(with(Role.MODERATOR), CITY)).contains("kpi.notAllowed");
        assertThat(KpiPermissions.whyNotRead(Actor.anonymous(), CITY)).contains("kpi.signInFirst");
        assertThat(KpiPermissions.canRead(with(Role.RESIDENT))).isFalse();
        assertThat(KpiPermissions.canRead(with(Role.MODERATOR))).isFalse();
    }

    @Test
    void aPeriodEndsAfterItStartsAndIsNotTooLong() {
        assertThatThrownBy(() -> KpiQuery.city(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 31)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> KpiQuery.city(LocalDate.of(2020, 1, 1), LocalDate.of(2026, 1, 31)))
                .isInstanceOf(InvalidInputException.class);
        assertThat(KpiQuery.city(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 1)).end())
                .isEqualTo(java.time.Instant.parse("2026-01-01T23:00:00Z"));
    }

    @Test
    void theFileStemNamesScopeAndPeriod() {
        assertThat(CITY.fileStem()).isEqualTo("city-2026-01-01_2026-06-30");
        assertThat(OF_NORD.fileStem()).isEqualTo("district-nord-2026-01-01_2026-06-30");
    }
}
