package org.agora.consultation;

import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.agora.consultation.Question.Common;
import org.agora.media.ImageService;
import org.agora.shared.Actor;
import org.agora.shared.Role;
import org.agora.territory.TerritoryService;

/**
 * The consultations of a demo installation: one open to the whole city with a question of each type and a
 * condition, and one of the north district scheduled to open in a week. Loaded once, after the demo territory.
 */
public final class DemoConsultations {

    private static final Actor OFFICE = new Actor("officeadmin", Set.of(Role.OFFICE_ADMIN), Optional.empty(), Set.of());

    private static final List<Question> CYCLING = List.of(
            new Question.SingleChoice(Common.of("cycles", "Vous déplacez-vous à vélo dans Belrive ?", true),
                    List.of(new Option("daily", "Tous les jours"), new Option("sometimes", "De temps en temps"),
                            new Option("never", "Jamais"))),
            new Question.MultipleChoice(Common.of("improvements", "Qu'est-ce qui vous aiderait le plus ?", true)
                    .shownWhen("cycles", "sometimes"),
                    List.of(new Option("lanes", "Des pistes séparées"), new Option("parking", "Des arceaux"),
                            new Option("lights", "Un meilleur éclairage"), new Option("repair", "Un atelier de réparation")), 2),
            new Question.Scale(Common.of("safety", "Vous sentez-vous en sécurité à vélo ?", true), 1, 5,
                    "Pas du tout", "Tout à fait"),
            new Question.NumberQuestion(Common.of("distance", "Combien de kilomètres par semaine ?", false),
                    BigDecimal.ZERO, new BigDecimal("500")),
            new Question.Ranking(Common.of("priorities", "Classez ces projets", false),
                    List.of(new Option("school", "Rues scolaires"), new Option("river", "Voie verte des quais"),
                            new Option("station", "Parking vélo de la gare"))),
            new Question.Matrix(Common.of("places", "Comment jugez-vous ces lieux à vélo ?", false),
                    List.of(new Option("centre", "Centre-ville"), new Option("station", "Gare"), new Option("port", "Le Port")),
                    List.of(new Option("good", "Bien"), new Option("average", "Moyen"), new Option("bad", "Mal"))),
            new Question.FreeText(new Common("idea", "Votre idée pour le vélo à Belrive", "Soyez précis : lieu, problème, solution.",
                    false, Optional.empty()), true));

    private DemoConsultations() {
    }

    /** Creates the demo consultations if there is none yet; returns whether it did. */
    public static boolean seedIfEmpty(EntityManager em, Instant now) {
        long existing = em.createQuery("select count(c) from Consultation c", Long.class).getSingleResult();
        if (existing > 0) {
            return false;
        }
        ConsultationService consultations = new ConsultationService(em, new TerritoryService(em), new ImageService(em),
                new ResponseService(em, null));
        Instant soon = now.plus(Duration.ofMinutes(5));
        Consultation cycling = consultations.create(OFFICE, new ConsultationDraft("Belrive à vélo : votre avis",
                "<p>La Ville prépare son <strong>plan vélo 2027-2032</strong>. Dites-nous comment vous vous déplacez "
                        + "et ce qui vous aiderait.</p>", null, null, soon, now.plus(Duration.ofDays(30)), false, true));
        consultations.replaceQuestions(OFFICE, cycling.getId(), CYCLING);
        consultations.schedule(OFFICE, cycling.getId(), now);
        consultations.openNow(OFFICE, cycling.getId(), now);

        Instant nextWeek = now.plus(Duration.ofDays(7));
        Consultation square = consultations.create(OFFICE, new ConsultationDraft("Réaménagement de la place de la Gare",
                "<p>Avant les travaux de 2027, la mairie du Nord consulte les habitants du quartier.</p>", null, "nord",
                nextWeek, nextWeek.plus(Duration.ofDays(21)), true, false));
        consultations.replaceQuestions(OFFICE, square.getId(), List.of(
                new Question.SingleChoice(Common.of("use", "Comment utilisez-vous la place ?", true),
                        List.of(new Option("cross", "Je la traverse"), new Option("stay", "J'y reste"),
                                new Option("park", "J'y stationne"))),
                new Question.FreeText(Common.of("wish", "Que souhaitez-vous y trouver ?", false), true)));
        consultations.schedule(OFFICE, square.getId(), now);
        return true;
    }
}
