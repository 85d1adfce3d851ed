package org.agora.council;

import jakarta.persistence.EntityManager;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.agora.media.ImageService;
import org.agora.shared.Actor;
import org.agora.shared.DistrictCode;
import org.agora.shared.Period;
import org.agora.shared.Role;
import org.agora.territory.Neighbourhood;

/**
 * The neighbourhood councils of a demo installation: Les Aubiers (Nord), open to all, led by the Nord agent, with
 * the demo resident as a member and a public meeting in two weeks; Saint-Roch (Sud), which needs approval, with a
 * public meeting and a members-only one. Loaded once, after the demo territory.
 */
public final class DemoCouncils {

    private static final Actor OFFICE = new Actor("officeadmin", Set.of(Role.OFFICE_ADMIN), Optional.empty(), Set.of());
    private static final Actor RESIDENT = new Actor("resident", Set.of(Role.RESIDENT),
            Optional.of(new DistrictCode("nord")), Set.of());

    private DemoCouncils() {
    }

    /** Creates the demo councils if there is none yet (and the demo neighbourhoods exist); returns whether it did. */
    public static boolean seedIfEmpty(EntityManager em, Instant now) {
        CouncilService councils = new CouncilService(em, new ImageService(em));
        if (!councils.directory().isEmpty()) {
            return false;
        }
        Optional<Neighbourhood> aubiers = neighbourhood(em, "nord", "Les Aubiers");
        Optional<Neighbourhood> saintRoch = neighbourhood(em, "sud", "Saint-Roch");
        if (aubiers.isEmpty() || saintRoch.isEmpty()) {
            return false;
        }
        MeetingService meetings = new MeetingService(em, councils);
        Council nord = councils.create(OFFICE, aubiers.get().getId(), new CouncilDraft("Conseil de quartier des Aubiers",
                "<p>Le conseil réunit les habitants des Aubiers pour améliorer la vie du quartier : propreté, "
                        + "circulation, animations. <strong>Tout le monde est le bienvenu.</strong></p>",
                "Mairie du secteur Nord, conseils.nord@belrive.example", false, List.of("agent")), now);
        councils.join(RESIDENT, nord.getId(), "Camille Martin", now);
        meetings.schedule(OFFICE, nord.getId(), new MeetingDraft("Réunion publique : la rue Lamartine",
                evening(now, 2, DayOfWeek.TUESDAY), 120, "Maison de quartier des Aubiers, 12 rue des Lilas", null,
                "<ol><li>Le projet de zone apaisée rue Lamartine</li><li>Les fêtes de quartier</li>"
                        + "<li>Questions diverses</li></ol>", false, 40), now);
        Council sud = councils.create(OFFICE, saintRoch.get().getId(), new CouncilDraft(
                "Conseil de quartier de Saint-Roch",
                "<p>Un conseil de quartier pour les habitants de Saint-Roch. L'adhésion est validée par les animateurs.</p>",
                "Mairie du secteur Sud", true, List.of("resident.sud")), now);
        meetings.schedule(OFFICE, sud.getId(), new MeetingDraft("Assemblée plénière de printemps",
                evening(now, 3, DayOfWeek.THURSDAY), 90, "Salle des fêtes de Saint-Roch",
                "https://visio.belrive.example/saint-roch", "<p>Bilan de l'année et élection du bureau.</p>", false, null),
                now);
        meetings.schedule(OFFICE, sud.getId(), new MeetingDraft("Groupe de travail : jardins partagés",
                evening(now, 4, DayOfWeek.MONDAY), 60, null, "https://visio.belrive.example/jardins",
                "<p>Préparer le dossier pour le budget participatif.</p>", true, 12), now);
        return true;
    }

    /** 18:30 in the city on the given day of the week, some weeks ahead. */
    private static Instant evening(Instant now, int weeks, DayOfWeek day) {
        ZonedDateTime base = now.atZone(Period.CITY_ZONE).plusWeeks(weeks).with(TemporalAdjusters.nextOrSame(day));
        return base.with(LocalTime.of(18, 30)).toInstant();
    }

    private static Optional<Neighbourhood> neighbourhood(EntityManager em, String district, String name) {
        return em.createQuery("select n from Neighbourhood n where n.district.code = :d and n.name = :n",
                        Neighbourhood.class)
                .setParameter("d", district).setParameter("n", name).getResultStream().findFirst();
    }
}
