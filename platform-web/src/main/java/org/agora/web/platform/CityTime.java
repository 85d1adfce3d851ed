package org.agora.web.platform;

import java.time.Instant;
import java.time.LocalDateTime;
import org.agora.shared.Period;

/** Dates as the city lives them: typed and shown in its time zone ({@link Period#CITY_ZONE}), stored as instants. */
public final class CityTime {

    private CityTime() {
    }

    public static LocalDateTime local(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, Period.CITY_ZONE);
    }

    /** The instant of a wall-clock time in the city; in the autumn's repeated hour, the first one. */
    public static Instant instant(LocalDateTime local) {
        return local == null ? null : local.atZone(Period.CITY_ZONE).toInstant();
    }
}
