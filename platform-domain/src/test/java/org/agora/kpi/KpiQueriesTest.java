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

class KpiQueriesTest {

    static final LocalDate TODAY = LocalDate.of(2027, 5, 12);
    static final Actor ANALYST = new Actor("analyst", Set.of(Role.ANALYST), Optional.empty(), Set.of());
    static final Actor AGENT = new Actor("agent", Set.of(Role.DISTRICT_AGENT), Optional.empty(),
            Set.of(new DistrictCode("sud"), new DistrictCode("nord")));

    @Test
    void withoutFiltersTheYearToDateOfTheCityOrOfTheAgentsFirstDistrict() {
        KpiQuery city = KpiQueries.parse(ANALYST, null, "", null, " ", TODAY);
        assertThat(city).isEqualTo(new KpiQuery(LocalDate.of(2027, 1, 1), TODAY, Optional.empty(), Optional.empty()));

        KpiQuery agent = KpiQueries.parse(AGENT, null, null, null, null, TODAY);
        assertThat(agent.district()).contains(new DistrictCode("nord"));
    }

    @Test
    void filtersAreReadAndMalformedOnesRefusedByField() {
        KpiQuery query = KpiQueries.parse(ANALYST, "2027-02-01", "2027-02-28", "sud", "50", TODAY);
        assertThat(query).isEqualTo(new KpiQuery(LocalDate.of(2027, 2, 1), LocalDate.of(2027, 2, 28),
                Optional.of(new DistrictCode("sud")), Optional.of(50L)));

        assertThatThrownBy(() -> KpiQueries.parse(ANALYST, "hier", null, null, null, TODAY))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).contains("from"));
        assertThatThrownBy(() -> KpiQueries.parse(ANALYST, null, null, "<script>", null, TODAY))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).contains("district"));
        assertThatThrownBy(() -> KpiQueries.parse(ANALYST, null, null, null, "culture", TODAY))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).contains("theme"));
    }
}
