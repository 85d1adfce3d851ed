package org.agora.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.agora.consultation.Question.Common;
import org.agora.shared.Actor;
import org.agora.shared.DistrictCode;
import org.agora.shared.Role;
import org.agora.testing.DatabaseTest;
import org.agora.testing.Services;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The announcement of an opened consultation to the people on the register of its district (everyone for the city),
 * in batches that record how far they went, on H2 and PostgreSQL (subclasses): each told once, in the app only by
 * default, whichever instance runs the batches and however often; an old consultation is not announced.
 */
abstract class AnnouncementsPersistenceContract extends DatabaseTest {

    static final Instant NOW = Instant.parse("2027-03-01T08:00:00Z");
    static final Actor AGENT = new Actor("agent", Set.of(Role.DISTRICT_AGENT), Optional.empty(), Set.of(new DistrictCode("nord")));
    static final Actor OFFICE = new Actor("officeadmin", Set.of(Role.OFFICE_ADMIN), Optional.empty(), Set.of());

    /** Five accounts in Nord, two in Sud, and a person entered at a desk without an account. */
    @BeforeEach
    void register() throws Exception {
        String[][] people = {{"n1", "nord"}, {"n2", "nord"}, {"s1", "sud"}, {"n3", "nord"}, {"n4", "nord"}, {"s2", "sud"},
                {"n5", "nord"}};
        for (int i = 0; i < people.length; i++) {
            db().sql("insert into residents (id, account, district_code, enlisted_at) values (" + (i + 1) + ", '"
                    + people[i][0] + "', '" + people[i][1] + "', TIMESTAMP WITH TIME ZONE '2027-01-01 00:00:00+00')");
        }
        db().sql("insert into residents (id, full_name, name_key, birth_date, district_code, enlisted_at) values (99,"
                + " 'Sans Compte', 'sans compte', DATE '1970-01-01', 'nord', TIMESTAMP WITH TIME ZONE '2027-01-01 00:00:00+00')");
    }

    private long openConsultation(Actor organiser, String district, Instant openedAt) {
        return openConsultation(organiser, district, null, openedAt);
    }

    private long openConsultation(Actor organiser, String district, Long theme, Instant openedAt) {
        return db().inTransaction(em -> {
            ConsultationService consultations = Services.on(em).consultations();
            long id = consultations.create(organiser, new ConsultationDraft("Le vélo à " + district, "<p>Votre avis</p>", theme,
                    district, openedAt.plus(7, ChronoUnit.DAYS), openedAt.plus(21, ChronoUnit.DAYS), false, true)).getId();
            consultations.replaceQuestions(organiser, id,
                    List.of(new Question.FreeText(Common.of("idea", "Votre idée", false), false)));
            consultations.schedule(organiser, id, openedAt);
            consultations.openNow(organiser, id, openedAt);
            return id;
        });
    }

    private boolean batch(Instant now, int size) {
        return db().inTransaction(em -> new ConsultationAnnouncements(em, Services.on(em).campaigns()).announceNextBatch(now, size));
    }

    private List<String> told() {
        return db().inTransaction(em -> em.createQuery("select concat(n.recipient, ' ', n.link) from"
                + " org.agora.notification.Notification n order by n.recipient, n.link", String.class).getResultList());
    }

    @Test
    void theConsultationsDistrictIsToldOnceInBatchesInTheAppOnly() {
        long id = openConsultation(AGENT, "nord", NOW);
        String link = " /consultations/view.xhtml?id=" + id;
        assertThat(batch(NOW, 2)).isTrue();
        assertThat(told()).containsExactly("n1" + link, "n2" + link);
        assertThat(batch(NOW, 2)).isTrue();
        assertThat(batch(NOW, 2)).isTrue();
        assertThat(batch(NOW, 2)).isFalse();
        assertThat(told()).containsExactly("n1" + link, "n2" + link, "n3" + link, "n4" + link, "n5" + link);
        // a later round, on this or another instance, tells nobody again
        assertThat(batch(NOW.plusSeconds(60), 500)).isFalse();
        assertThat(told()).hasSize(5);
        long mails = db().inTransaction(em -> em.createQuery("select count(m) from org.agora.notification.Mail m", Long.class)
                .getSingleResult());
        assertThat(mails).isZero();
        var campaign = db().inTransaction(em -> Services.on(em).campaigns().find("consultation:" + id, ConsultationAnnouncements.EVENT))
                .orElseThrow();
        assertThat(campaign.isDone()).isTrue();
        assertThat(campaign.getTold()).isEqualTo(5);
    }

    @Test
    void aCityWideConsultationIsToldToEveryAccountAndAnOldOneToNobody() {
        openConsultation(OFFICE, null, NOW.minus(3, ChronoUnit.DAYS));
        assertThat(batch(NOW, 500)).isFalse();
        assertThat(told()).isEmpty();

        openConsultation(OFFICE, null, NOW);
        while (batch(NOW, 3)) {
            // batch after batch until everyone was told
        }
        assertThat(told()).extracting(t -> t.split(" ")[0]).containsExactly("n1", "n2", "n3", "n4", "n5", "s1", "s2");
    }

    @Test
    void someoneWhoTurnedItOffIsNotTold() {
        db().inTransaction(em -> Services.on(em).notificationCentre().choose(
                new Actor("n2", Set.of(Role.RESIDENT), Optional.empty(), Set.of()),
                java.util.Map.of(org.agora.notification.NotificationKind.CONSULTATION_OPENED,
                        new org.agora.notification.NotificationKind.Choice(false, false)), "fr"));
        openConsultation(AGENT, "nord", NOW);
        while (batch(NOW, 500)) {
            // one batch
        }
        assertThat(told()).extracting(t -> t.split(" ")[0]).containsExactly("n1", "n3", "n4", "n5");
    }

    /** A consultation of Nord in a theme: Nord's people and those who follow the theme elsewhere, each told once. */
    @Test
    void theFollowersOfItsThemeAreToldTooAndOnceWhenTheyAlsoLiveInItsDistrict() {
        long theme = db().inTransaction(em -> em.createQuery("select t.id from org.agora.territory.Theme t order by t.id",
                Long.class).setMaxResults(1).getSingleResult());
        for (String person : List.of("s1", "n1")) {
            db().inTransaction(em -> Services.on(em).notificationCentre().choose(
                    new Actor(person, Set.of(Role.RESIDENT), Optional.empty(), Set.of()), java.util.Map.of(), "fr",
                    Optional.of(Set.of(theme))));
        }
        long id = openConsultation(AGENT, "nord", theme, NOW);
        while (batch(NOW, 2)) {
            // batch after batch
        }
        assertThat(told()).extracting(t -> t.split(" ")[0]).containsExactly("n1", "n2", "n3", "n4", "n5", "s1");
        assertThat(told()).allMatch(t -> t.endsWith("?id=" + id));
    }
}
