package org.agora.budget;

import jakarta.persistence.EntityManager;
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
import org.agora.media.ImageService;
import org.agora.shared.Actor;
import org.agora.shared.DistrictCode;
import org.agora.shared.Period;
import org.agora.shared.Role;
import org.agora.territory.TerritoryService;

/**
 * The participatory budget of a demo installation: this year's call of Belrive, open for projects (a few already
 * submitted and supported by the demo residents), and a real past election imported from the open Pabulib data
 * (Toulouse 2019) with its results. Loaded once, after the demo territory.
 */
public final class DemoBudget {

    private static final Actor OFFICE = new Actor("officeadmin", Set.of(Role.OFFICE_ADMIN), Optional.empty(), Set.of());
    private static final String TOULOUSE = "/org/agora/budget/demo/France_Toulouse_2019.pb";

    private DemoBudget() {
    }

    /** Creates the demo calls if there is none yet; returns whether it did. */
    public static boolean seedIfEmpty(EntityManager em, Instant now) {
        TerritoryService territory = new TerritoryService(em);
        BudgetService budget = new BudgetService(em, territory);
        if (!budget.calls().isEmpty()) {
            return false;
        }
        try (InputStream in = DemoBudget.class.getResourceAsStream(TOULOUSE);
             Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            new OpenDataService(em, budget, new TallyService(em), new VotingService(em)).importElection(OFFICE,
                    "Toulouse 2019 (élection réelle, données ouvertes Pabulib)", 2019, PabulibFile.read(reader), now);
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
        BudgetCall call = budget.createCall(OFFICE, new BudgetCallDraft("Budget participatif de Belrive",
                now.atZone(Period.CITY_ZONE).getYear() + 1, 700_000, envelopes, phases, new VotingRule.Approval(1, 5),
                TallyRule.EQUAL_SHARES, 16));
        long nord = call.findEnvelope(Optional.of(new DistrictCode("nord"))).orElseThrow().getId();
        long city = call.findEnvelope(Optional.empty()).orElseThrow().getId();
        long sud = call.findEnvelope(Optional.of(new DistrictCode("sud"))).orElseThrow().getId();
        Actor resident = resident("resident", "nord");
        Actor residentOfSud = resident("resident.sud", "sud");
        ProjectService projects = new ProjectService(em, territory, new ImageService(em));
        BudgetProject garden = projects.submit(resident, new ProjectDraft("Un jardin partagé au square des Tilleuls",
                "Des bacs de culture, un composteur et un point d'eau, entretenus par les voisins avec l'aide d'une "
                        + "association.", nord, "Square des Tilleuls", new BigDecimal("45.7712"), new BigDecimal("4.8321"),
                35_000L, null), now);
        projects.submit(resident, new ProjectDraft("Des bancs et de l'ombre rue Lamartine",
                "Six bancs et quatre arbres le long de la rue, pour que les aînés puissent s'arrêter en chemin.", nord,
                "Rue Lamartine", new BigDecimal("45.7698"), new BigDecimal("4.8355"), 18_000L, null), now);
        projects.submit(residentOfSud, new ProjectDraft("Une piste cyclable le long des quais",
                "Relier le quartier Sud au centre à vélo, en sécurité, par les quais.", city, "Quai du Rhône",
                new BigDecimal("45.7601"), new BigDecimal("4.8412"), 150_000L, null), now);
        projects.submit(residentOfSud, new ProjectDraft("Une boîte à livres devant l'école",
                "Une boîte à livres en bois, fabriquée par les élèves du collège.", sud, "Place de l'École", null, null,
                2_500L, null), now);
        long lane = projectOn(em, city);
        projects.support(residentOfSud, lane, now);
        projects.support(resident, lane, now);
        projects.support(resident, garden.getId(), now);
        return true;
    }

    private static long projectOn(EntityManager em, long envelope) {
        return em.createQuery("select p.id from BudgetProject p where p.envelope.id = :e order by p.id", Long.class)
                .setParameter("e", envelope).setMaxResults(1).getSingleResult();
    }

    private static Actor resident(String username, String district) {
        return new Actor(username, Set.of(Role.RESIDENT), Optional.of(new DistrictCode(district)), Set.of(),
                Optional.of(1990));
    }
}
