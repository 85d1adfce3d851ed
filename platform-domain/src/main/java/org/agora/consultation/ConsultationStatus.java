package org.agora.consultation;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of a consultation: draft, scheduled, open, closed, results published. Each step only goes forward,
 * except that a scheduled consultation may go back to draft (to change it before it opens).
 */
public enum ConsultationStatus {
    DRAFT,
    SCHEDULED,
    OPEN,
    CLOSED,
    RESULTS_PUBLISHED;

    public Set<ConsultationStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(SCHEDULED);
            case SCHEDULED -> EnumSet.of(DRAFT, OPEN);
            case OPEN -> EnumSet.of(CLOSED);
            case CLOSED -> EnumSet.of(RESULTS_PUBLISHED);
            case RESULTS_PUBLISHED -> EnumSet.noneOf(ConsultationStatus.class);
        };
    }

    public boolean canMoveTo(ConsultationStatus target) {
        return next().contains(target);
    }

    /** Questions may change only while nobody can have answered. */
    public boolean questionsEditable() {
        return this == DRAFT || this == SCHEDULED;
    }

    public boolean acceptsAnswers() {
        return this == OPEN;
    }
}
