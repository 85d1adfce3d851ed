package org.agora.shared;

import java.time.Instant;
import java.time.ZoneId;

/** From a start to an end instant, the end after the start; shown to people in the city's time zone. */
public record Period(Instant start, Instant end) {

    /** The city's time zone: dates are typed and shown in it, stored as instants. */
    public static final ZoneId CITY_ZONE = ZoneId.of("Europe/Paris");

    public Period {
        if (start == null) {
            throw new InvalidInputException("start", "validation.required");
        }
        if (end == null) {
            throw new InvalidInputException("end", "validation.required");
        }
        if (!end.isAfter(start)) {
            throw new InvalidInputException("end", "validation.endAfterStart");
        }
    }

    public boolean hasStarted(Instant now) {
        return !now.isBefore(start);
    }

    public boolean hasEnded(Instant now) {
        return !now.isBefore(end);
    }
}
