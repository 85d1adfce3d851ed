package org.agora.kpi;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.Optional;
import org.agora.shared.Actor;
import org.agora.shared.DistrictCode;
import org.agora.shared.InvalidInputException;
import org.agora.shared.Role;

/**
 * A {@link KpiQuery} from what an address says ({@code from}, {@code to} as ISO dates, {@code district} code,
 * {@code theme} id, each optional), with the defaults the dashboard and the API share: from the first of January to
 * today, the whole city for analysts and the office, an agent's first district for an agent who names none.
 */
public final class KpiQueries {

    private KpiQueries() {
    }

    public static KpiQuery parse(Actor actor, String from, String to, String district, String theme, LocalDate today) {
        LocalDate end = date("to", to).orElse(today);
        LocalDate start = date("from", from).orElse(end.withDayOfYear(1));
        Optional<DistrictCode> scope = blank(district) ? defaultDistrict(actor) : Optional.of(DistrictCode.parse(district.trim())
                .orElseThrow(() -> new InvalidInputException("district", "territory.district.code.malformed", district)));
        Optional<Long> themeId = Optional.empty();
        if (!blank(theme)) {
            try {
                themeId = Optional.of(Long.parseLong(theme.trim()));
            } catch (NumberFormatException e) {
                throw new InvalidInputException("theme", "territory.theme.notFound", theme);
            }
        }
        return new KpiQuery(start, end, scope, themeId);
    }

    private static Optional<DistrictCode> defaultDistrict(Actor actor) {
        if (actor.has(Role.ANALYST) || actor.has(Role.OFFICE_ADMIN)) {
            return Optional.empty();
        }
        return actor.agentDistricts().stream().min(Comparator.comparing(DistrictCode::value));
    }

    private static Optional<LocalDate> date(String field, String value) {
        if (blank(value)) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value.trim()));
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "kpi.date.malformed", value);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
