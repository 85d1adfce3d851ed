package org.agora.council;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.agora.shared.Actor;
import org.agora.shared.DemoData;
import org.agora.shared.DemoTexts;
import org.agora.shared.DistrictCode;
import org.agora.shared.Period;
import org.agora.shared.Role;
import org.agora.territory.Neighbourhood;
import org.agora.territory.TerritoryService;

/**
 * The neighbourhood councils of a demo installation: Les Aubiers (Nord), open to all, led by the Nord agent, with
 * the demo resident as a member and a public meeting in two weeks; Saint-Roch (Sud), which needs approval, with a
 * public meeting and a members-only one; the texts in demo/councils.properties. Loaded once, after the demo territory.
 */
@ApplicationScoped
public class DemoCouncils {

    private static final Logger LOG = Logger.getLogger(DemoCouncils.class.getName());
    private static final Actor OFFICE = new Actor("officeadmin", Set.of(Role.OFFICE_ADMIN), Optional.empty(), Set.of());
    private static final Actor RESIDENT = new Actor("resident", Set.of(Role.RESIDENT),
            Optional.of(new DistrictCode("nord")), Set.of());

    private TerritoryService territory;
    private CouncilService councils;
    private MeetingService meetings;

    protected DemoCouncils() {
        // for CDI
    }

    @Inject
    public DemoCouncils(TerritoryService territory, CouncilService councils, MeetingService meetings) {
        this.territory = territory;
        this.councils = councils;
        this.meetings = meetings;
    }

    void onDemoStart(@Observes @Priority(DemoData.COUNCILS) DemoData start) {
        if (seedIfEmpty(start.now())) {
            LOG.info("Demo neighbourhood councils loaded");
        }
    }

    /** Creates the demo councils if there is none yet (and the demo neighbourhoods exist); returns whether it did. */
    public boolean seedIfEmpty(Instant now) {
        if (!councils.directory().isEmpty()) {
            return false;
        }
        DemoTexts texts = DemoTexts.of("councils");
        Optional<Neighbourhood> aubiers = neighbourhood("nord", texts.get("aubiers.neighbourhood"));
        Optional<Neighbourhood> saintRoch = neighbourhood("sud", texts.get("saint-roch.neighbourhood"));
        if (aubiers.isEmpty() || saintRoch.isEmpty()) {
            return false;
        }
        Council nord = councils.create(OFFICE, aubiers.get().getId(), new CouncilDraft(texts.get("aubiers.name"),
                texts.get("aubiers.presentation"), texts.get("aubiers.contact"), false, List.of("agent")), now);
        councils.join(RESIDENT, nord.getId(), texts.get("aubiers.member"), now);
        meetings.schedule(OFFICE, nord.getId(), new MeetingDraft(texts.get("aubiers.meeting.title"),
                evening(now, 2, DayOfWeek.TUESDAY), 120, texts.get("aubiers.meeting.place"), null,
                texts.get("aubiers.meeting.agenda"), false, 40), now);
        Council sud = councils.create(OFFICE, saintRoch.get().getId(), new CouncilDraft(texts.get("saint-roch.name"),
                texts.get("saint-roch.presentation"), texts.get("saint-roch.contact"), true, List.of("resident.sud")), now);
        meetings.schedule(OFFICE, sud.getId(), new MeetingDraft(texts.get("saint-roch.plenary.title"),
                evening(now, 3, DayOfWeek.THURSDAY), 90, texts.get("saint-roch.plenary.place"),
                texts.get("saint-roch.plenary.link"), texts.get("saint-roch.plenary.agenda"), false, null), now);
        meetings.schedule(OFFICE, sud.getId(), new MeetingDraft(texts.get("saint-roch.gardens.title"),
                evening(now, 4, DayOfWeek.MONDAY), 60, null, texts.get("saint-roch.gardens.link"),
                texts.get("saint-roch.gardens.agenda"), true, 12), now);
        return true;
    }

    /** 18:30 in the city on the given day of the week, some weeks ahead. */
    private static Instant evening(Instant now, int weeks, DayOfWeek day) {
        ZonedDateTime base = now.atZone(Period.CITY_ZONE).plusWeeks(weeks).with(TemporalAdjusters.nextOrSame(day));
        return base.with(LocalTime.of(18, 30)).toInstant();
    }

    private Optional<Neighbourhood> neighbourhood(String district, String name) {
        return territory.findDistrict(district).stream().flatMap(d -> d.getNeighbourhoods().stream())
                .filter(n -> n.getName().equals(name)).findFirst();
    }
}
