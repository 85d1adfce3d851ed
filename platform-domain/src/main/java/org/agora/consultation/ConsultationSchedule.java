package org.agora.consultation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.agora.shared.Period;

/**
 * When a scheduled consultation opens and closes. The scheduler asks it what is due at a given instant, so a
 * run that comes late (after a restart) catches up: a consultation whose whole period has passed is opened
 * and closed at once, in order.
 */
public final class ConsultationSchedule {

    private ConsultationSchedule() {
    }

    /** The transitions due now for a consultation in this status over this period, in the order to apply them. */
    public static List<ConsultationStatus> due(ConsultationStatus status, Period period, Instant now) {
        List<ConsultationStatus> steps = new ArrayList<>();
        ConsultationStatus current = status;
        if (current == ConsultationStatus.SCHEDULED && period.hasStarted(now)) {
            current = ConsultationStatus.OPEN;
            steps.add(current);
        }
        if (current == ConsultationStatus.OPEN && period.hasEnded(now)) {
            steps.add(ConsultationStatus.CLOSED);
        }
        return steps;
    }
}
