package org.agora.kpi;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.agora.shared.DistrictCode;
import org.agora.shared.InvalidInputException;
import org.agora.shared.Period;

/**
 * What figures are asked for: a period of whole days in the city's time zone (both dates included) and a scope, the
 * whole city or one district, optionally narrowed to one theme (which applies to consultations and budget projects).
 */
public record KpiQuery(LocalDate from, LocalDate to, Optional<DistrictCode> district, Optional<Long> theme) {

    /** Longer periods are refused: the figures are read in one request. */
    public static final int MAX_DAYS = 5 * 366;

    public KpiQuery {
        if (from == null) {
            throw new InvalidInputException("from", "validation.required");
        }
        if (to == null) {
            throw new InvalidInputException("to", "validation.required");
        }
        if (to.isBefore(from)) {
            throw new InvalidInputException("to", "validation.endAfterStart");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new InvalidInputException("to", "kpi.period.tooLong", MAX_DAYS);
        }
        district = district == null ? Optional.empty() : district;
        theme = theme == null ? Optional.empty() : theme;
    }

    public static KpiQuery city(LocalDate from, LocalDate to) {
        return new KpiQuery(from, to, Optional.empty(), Optional.empty());
    }

    public KpiQuery inDistrict(DistrictCode code) {
        return new KpiQuery(from, to, Optional.of(code), theme);
    }

    public KpiQuery onTheme(long themeId) {
        return new KpiQuery(from, to, district, Optional.of(themeId));
    }

    /** The first instant of the period. */
    public Instant start() {
        return from.atStartOfDay(Period.CITY_ZONE).toInstant();
    }

    /** The first instant after the period. */
    public Instant end() {
        return to.plusDays(1).atStartOfDay(Period.CITY_ZONE).toInstant();
    }

    /** How the scope and period read in a file name: {@code city-2026-01-01_2026-06-30}, {@code district-nord-...}. */
    public String fileStem() {
        String scope = district.map(d -> "district-" + d.value()).orElse("city");
        return scope + theme.map(t -> "-theme-" + t).orElse("") + "-" + from + "_" + to;
    }
}
