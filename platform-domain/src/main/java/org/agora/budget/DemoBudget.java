package org.agora.budget;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.agora.budget.call.BudgetCall;
import org.agora.budget.call.BudgetCallDraft;
import org.agora.budget.call.BudgetService;
import org.agora.budget.call.EnvelopeDraft;
import org.agora.budget.call.PhasePlan;
import org.agora.budget.counting.TallyRule;
import org.agora.budget.counting.VotingRule;
import org.agora.budget.opendata.OpenDataService;
import org.agora.budget.opendata.PabulibFile;
import org.agora.budget.project.BudgetProject;
import org.agora.budget.project.ProjectDraft;
import org.agora.budget.project.ProjectService;
import org.agora.shared.Actor;
import org.agora.shared.DemoData;
import org.agora.shared.DemoTexts;
import org.agora.shared.DistrictCode;
import org.agora.shared.Period;
import org.agora.shared.Role;

/**
 * The participatory budget of a demo installation: this year's call of Belrive, open for projects (a few already
 * submitted and supported by the demo residents), and a real past election imported from the open Pabulib data
 * (Toulouse 2019) with its results; the texts in demo/budget.properties. Loaded once, after the demo territory.
 */
@ApplicationScoped
public class DemoBudget {

    private static final Logger LOG = Logger.getLogger(DemoBudget.class.getName());
    private static final Actor OFFICE = new Actor("officeadmin", Set.of(Role.OFFICE_ADMIN), Optional.empty(), Set.of());
    private static final String TOULOUSE = "/org/agora/budget/demo/France_Toulouse_2019.pb";

    private BudgetService budget;
    private OpenDataService openData;
    private ProjectService projects;
    private final DemoTexts texts = DemoTexts.of("budget");

    protected DemoBudget() {
        // for CDI
    }

    @Inject
    public DemoBudget(BudgetService budget, OpenDataService openData, ProjectService projects) {
        this.budget = budget;
        this.openData = openData;
        this.projects = projects;
    }

    void onDemoStart(@Observes @Priority(DemoData.BUDGET) DemoData start) {
        if (seedIfEmpty(start.now())) {
            LOG.info("Demo participatory budget loaded");
        }
    }

    /** Creates the demo calls if there is none yet; returns whether it did. */
    public boolean seedIfEmpty(Instant now) {
        if (!budget.calls().isEmpty()) {
            return false;
        }
        try (InputStream in = DemoBudget.class.getResourceAsStream(TOULOUSE);
             Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            openData.importElection(OFFICE, texts.get("toulouse.name"), 2019, PabulibFile.read(reader), now);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Duration day = Duration.ofDays(1);
        PhasePlan phases = new PhasePlan(new Period(now.minus(day), now.plus(day.multipliedBy(30))),
                new Period(now.plus(day.multipliedBy(30)), now.plus(day.multipliedBy(45))),
                new Period(now.plus(day.multipliedBy(50)), now.plus(day.multipliedBy(65))),
                now.plus(day.multipliedBy(66)), now.plus(day.multipliedBy(120)));
        List<EnvelopeDraft> envelopes = List.of(new EnvelopeDraft("", 200_000), new EnvelopeDraft("centre", 100_000),
                new EnvelopeDraft("nord", 100_000), new EnvelopeDraft("sud", 100_000), new EnvelopeDraft("est", 100_000),
                new EnvelopeDraft("ouest", 100_000));
        BudgetCall call = budget.createCall(OFFICE, new BudgetCallDraft(texts.get("call.name"),
                now.atZone(Period.CITY_ZONE).getYear() + 1, 700_000, envelopes, phases, new VotingRule.Approval(1, 5),
                TallyRule.EQUAL_SHARES, 16));
        long nord = call.findEnvelope(Optional.of(new DistrictCode("nord"))).orElseThrow().getId();
        long city = call.findEnvelope(Optional.empty()).orElseThrow().getId();
        long sud = call.findEnvelope(Optional.of(new DistrictCode("sud"))).orElseThrow().getId();
        Actor resident = resident("resident", "nord");
        Actor residentOfSud = resident("resident.sud", "sud");
        BudgetProject garden = projects.submit(resident, project("garden", nord, "45.7712", "4.8321", 35_000L), now);
        projects.submit(resident, project("benches", nord, "45.7698", "4.8355", 18_000L), now);
        BudgetProject lane = projects.submit(residentOfSud, project("lane", city, "45.7601", "4.8412", 150_000L), now);
        projects.submit(residentOfSud, project("books", sud, null, null, 2_500L), now);
        projects.support(residentOfSud, lane.getId(), now);
        projects.support(resident, lane.getId(), now);
        projects.support(resident, garden.getId(), now);
        return true;
    }

    /** The project whose texts are under that key. */
    private ProjectDraft project(String key, long envelope, String latitude, String longitude, long cost) {
        return new ProjectDraft(texts.get(key + ".title"), texts.get(key + ".description"), envelope,
                texts.get(key + ".address"), latitude == null ? null : new BigDecimal(latitude),
                longitude == null ? null : new BigDecimal(longitude), cost, null);
    }

    private static Actor resident(String username, String district) {
        return new Actor(username, Set.of(Role.RESIDENT), Optional.of(new DistrictCode(district)), Set.of(),
                Optional.of(1990));
    }
}
