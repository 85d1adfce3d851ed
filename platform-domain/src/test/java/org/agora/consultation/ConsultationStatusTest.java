package org.agora.consultation;

import static org.agora.consultation.ConsultationStatus.CLOSED;
import static org.agora.consultation.ConsultationStatus.DRAFT;
import static org.agora.consultation.ConsultationStatus.OPEN;
import static org.agora.consultation.ConsultationStatus.RESULTS_PUBLISHED;
import static org.agora.consultation.ConsultationStatus.SCHEDULED;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConsultationStatusTest {

    @Test
    void lifecycleGoesForwardStepByStep() {
        assertThat(DRAFT.canMoveTo(SCHEDULED)).isTrue();
        assertThat(SCHEDULED.canMoveTo(OPEN)).isTrue();
        assertThat(OPEN.canMoveTo(CLOSED)).isTrue();
        assertThat(CLOSED.canMoveTo(RESULTS_PUBLISHED)).isTrue();
        assertThat(RESULTS_PUBLISHED.next()).isEmpty();
    }

    @Test
    void noStepIsSkippedNorUndoneOnceOpen() {
        assertThat(DRAFT.canMoveTo(OPEN)).isFalse();
        assertThat(OPEN.canMoveTo(DRAFT)).isFalse();
        assertThat(OPEN.canMoveTo(SCHEDULED)).isFalse();
        assertThat(CLOSED.canMoveTo(OPEN)).isFalse();
        assertThat(DRAFT.canMoveTo(RESULTS_PUBLISHED)).isFalse();
    }

    @Test
    void aScheduledConsultationMayGoBackToDraft() {
        assertThat(SCHEDULED.canMoveTo(DRAFT)).isTrue();
    }

    @Test
    void questionsChangeOnlyBeforeOpeningAndAnswersOnlyWhileOpen() {
        assertThat(DRAFT.questionsEditable()).isTrue();
        assertThat(OPEN.questionsEditable()).isFalse();
        assertThat(CLOSED.questionsEditable()).isFalse();
        assertThat(OPEN.acceptsAnswers()).isTrue();
        assertThat(SCHEDULED.acceptsAnswers()).isFalse();
        assertThat(CLOSED.acceptsAnswers()).isFalse();
    }
}
