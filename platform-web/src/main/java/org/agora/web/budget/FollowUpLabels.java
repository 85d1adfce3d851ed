package org.agora.web.budget;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Map;
import java.util.stream.Collectors;
import org.agora.budget.call.Envelope;
import org.agora.budget.followup.FollowUpStatus;
import org.agora.shared.Period;
import org.agora.territory.District;
import org.agora.territory.TerritoryService;
import org.agora.web.platform.Language;
import org.agora.web.platform.Texts;

/** How the follow-up pages name a status, an envelope and a date, in the visitor's language and the city's time. */
@Named
@RequestScoped
public class FollowUpLabels {

    @Inject
    Language language;

    @Inject
    TerritoryService territory;

    private Map<String, String> districtNames;

    public String status(FollowUpStatus status) {
        return text("budget.followup.status." + status.name());
    }

    /** A day as people of the city read it, e.g. "12 mars 2027", in the city's time zone. */
    public String date(Instant instant) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(language.getCurrent())
                .withZone(Period.CITY_ZONE).format(instant);
    }

    /** The district's name, or "the whole city" for the city-wide envelope. */
    public String envelope(Envelope envelope) {
        return envelope.getDistrict().map(code -> districtNames().getOrDefault(code.value(), code.value()))
                .orElseGet(() -> text("budget.followups.cityWide"));
    }

    private Map<String, String> districtNames() {
        if (districtNames == null) {
            districtNames = territory.districts().stream()
                    .collect(Collectors.toMap(d -> d.getCode().value(), District::getName));
        }
        return districtNames;
    }

    public String text(String key, Object... arguments) {
        return Texts.format(language.getCurrent(), key, arguments);
    }
}
