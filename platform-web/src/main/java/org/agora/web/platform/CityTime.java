package org.agora.web.platform;

import java.time.Instant;
import java.time.LocalDateTime;
import org.agora.shared.Period;

/** Dates as the city lives them: typed and shown in its time zone ({@link Period#CITY_ZONE}), stored as instants. */
public final class CityTime {

    private CityTime() {
    }

    /** A date and time as people of the city read it, e.g. "12 mars 2027 à 18:00". */
    public static String dateTime(Instant instant, java.util.Locale locale) {
        return java.time.format.DateTimeFormatter.ofLocalizedDateTime(java.time.format.FormatStyle.LONG,
                java.time.format.FormatStyle.SHORT).withLocale(locale).withZone(Period.CITY_ZONE).format(instant);
    }

    public static LocalDateTime local(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, Period.CITY_ZONE);
    }

    /** The instant of a wall-clock time in the city; in the autumn's repeated hour, the first one. */
    public static Instant instant(LocalDateTime local) {
        return local == null ? null : local.atZone(Period.CITY_ZONE).toInstant();
    }
}
