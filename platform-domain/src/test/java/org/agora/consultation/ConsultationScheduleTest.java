package org.agora.consultation;

import static org.agora.consultation.ConsultationStatus.CLOSED;
import static org.agora.consultation.ConsultationStatus.DRAFT;
import static org.agora.consultation.ConsultationStatus.OPEN;
import static org.agora.consultation.ConsultationStatus.SCHEDULED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import org.agora.shared.InvalidInputException;
import org.agora.shared.Period;
import org.junit.jupiter.api.Test;

class ConsultationScheduleTest {

    /** 1 to 15 March 2027, Paris time (winter: UTC+1). */
    static final Period MARCH = new Period(paris("2027-03-01T09:00"), paris("2027-03-15T18:00"));

    static Instant paris(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(Period.CITY_ZONE).toInstant();
    }

    @Test
    void nothingIsDueBeforeOpening() {
        assertThat(ConsultationSchedule.due(SCHEDULED, MARCH, paris("2027-03-01T08:59"))).isEmpty();
    }

    @Test
    void opensAtItsOpeningTimeInParis() {
        assertThat(MARCH.start()).isEqualTo(Instant.parse("2027-03-01T08:00:00Z"));
        assertThat(ConsultationSchedule.due(SCHEDULED, MARCH, paris("2027-03-01T09:00"))).containsExactly(OPEN);
    }

    @Test
    void closesAtItsClosingTime() {
        assertThat(ConsultationSchedule.due(OPEN, MARCH, paris("2027-03-15T17:59"))).isEmpty();
        assertThat(ConsultationSchedule.due(OPEN, MARCH, paris("2027-03-15T18:00"))).containsExactly(CLOSED);
    }

    @Test
    void aRunAfterARestartCatchesUpInOrder() {
        assertThat(ConsultationSchedule.due(SCHEDULED, MARCH, paris("2027-04-02T10:00"))).containsExactly(OPEN, CLOSED);
    }

    @Test
    void draftsAndClosedConsultationsAreLeftAlone() {
        assertThat(ConsultationSchedule.due(DRAFT, MARCH, paris("2027-03-05T10:00"))).isEmpty();
        assertThat(ConsultationSchedule.due(CLOSED, MARCH, paris("2027-04-05T10:00"))).isEmpty();
    }

    @Test
    void closingMustComeAfterOpening() {
        assertThatThrownBy(() -> new Period(paris("2027-03-15T18:00"), paris("2027-03-01T09:00")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).contains("end");
                    assertThat(e.messageKey()).isEqualTo("validation.endAfterStart");
                });
    }
}
