package org.agora.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import org.agora.shared.Period;
import org.junit.jupiter.api.Test;

/** The week of an instant by the weeks' first milliseconds: the Monday of its day in Paris, across summer time. */
class KpiWeekOfTest {

    @Test
    void everyHourOfAYearFallsInTheWeekOfItsMondayInParis() {
        LocalDate first = LocalDate.of(2027, 1, 4); // a Monday
        long[] starts = new long[60];
        for (int w = 0; w < starts.length; w++) {
            starts[w] = first.plusWeeks(w).atStartOfDay(Period.CITY_ZONE).toInstant().toEpochMilli();
        }
        for (Instant at = first.atStartOfDay(Period.CITY_ZONE).toInstant(); at.toEpochMilli() < starts[59];
             at = at.plusSeconds(1_799)) {
            LocalDate monday = at.atZone(Period.CITY_ZONE).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            assertThat(KpiService.weekOf(starts, at.toEpochMilli())).as("%s", at)
                    .isEqualTo((int) java.time.temporal.ChronoUnit.WEEKS.between(first, monday));
        }
        // the first and last millisecond of the week when summer time begins (28 March 2027) and ends (31 October)
        int march22 = 11;
        assertThat(KpiService.weekOf(starts, starts[march22])).isEqualTo(march22);
        assertThat(KpiService.weekOf(starts, starts[march22 + 1] - 1)).isEqualTo(march22);
        int october25 = 42;
        assertThat(KpiService.weekOf(starts, starts[october25 + 1] - 1)).isEqualTo(october25);
        assertThat(KpiService.weekOf(starts, starts[october25 + 1])).isEqualTo(october25 + 1);
    }
}
