package org.agora.privacy;

import static org.agora.budget.call.PhasePlanTest.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.agora.budget.call.BudgetCall;
import org.agora.budget.call.BudgetCallPersistenceContract;
import org.agora.budget.counting.Ballot;
import org.agora.budget.counting.TallyRule;
import org.agora.budget.counting.VotingRule;
import org.agora.budget.project.BudgetProject;
import org.agora.budget.project.ProjectDraft;
import org.agora.budget.vote.VotingPersistenceContract;
import org.agora.comment.CommentTarget;
import org.agora.consultation.Answer;
import org.agora.consultation.ConsultationDraft;
import org.agora.consultation.Question;
import org.agora.council.CouncilDraft;
import org.agora.shared.Actor;
import org.agora.shared.DistrictCode;
import org.agora.shared.NotAllowedException;
import org.agora.testing.DatabaseTest;
import org.agora.testing.Services;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Residents' rights on a real database: Alice proposes, supports, comments, answers a consultation, joins a council and
 * votes; Bruno does some of the same. Alice's copy of her data holds all of hers and nothing of Bruno's, and of her vote
 * only the mark on the register: the project she chose appears nowhere in it. Once the vote is closed she erases her
 * account: nothing in any table names her any more, what she wrote stays signed "Compte supprimé", and the count
 * keeps her mark.
 */
abstract class MyDataContract extends DatabaseTest {

    static final Actor ALICE = VotingPersistenceContract.resident("alice", "nord");
    static final Actor BRUNO = VotingPersistenceContract.resident("bruno", "nord");
    static final Actor OFFICE = BudgetCallPersistenceContract.OFFICE;
    static final Actor AGENT = BudgetCallPersistenceContract.AGENT_OF_NORD;
    static final String SECRET_CHOICE = "Une piste cyclable au bord du canal";

    @BeforeEach
    void aliceAndBrunoTakePart() {
        BudgetCall call = db().inTransaction(em -> Services.on(em).budget().createCall(OFFICE,
                BudgetCallPersistenceContract.draft(BudgetCallPersistenceContract.envelopes(),
                        new VotingRule.Approval(1, 3), TallyRule.GREEDY)));
        long nord = db().inTransaction(em -> Services.on(em).budget().getCall(call.getId())
                .findEnvelope(Optional.of(new DistrictCode("nord"))).orElseThrow().getId());
        long garden = db().inTransaction(em -> Services.on(em).projects().submit(ALICE, new ProjectDraft(
                "Un potager partagé", "Des bacs au pied des immeubles.", nord, "Square Vauban", (BigDecimal) null,
                null, 15_000L, null), day(10))).getId();
        long fountain = db().inTransaction(em -> Services.on(em).projects().submit(BRUNO, new ProjectDraft(
                "Une fontaine", "Pour l'été.", nord, "Place du Marché", (BigDecimal) null, null, 30_000L, null),
                day(10))).getId();
        db().inTransaction(em -> {
            Services.on(em).projects().support(ALICE, fountain, day(11));
            Services.on(em).comments().post(ALICE, "Alice M.", CommentTarget.budgetProject(fountain),
                    "<p>Bonne idée, <strong>vraiment</strong></p>", day(11));
            Services.on(em).comments().post(BRUNO, "Bruno", CommentTarget.budgetProject(garden),
                    "<p>Commentaire de Bruno</p>", day(11));
            return null;
        });
        BudgetProject secret = db().inTransaction(em -> Services.on(em).voting()
                .addToBallot(AGENT, nord, SECRET_CHOICE, 90_000, VotingPersistenceContract.BEFORE_VOTE));
        db().inTransaction(em -> {
            Services.on(em).voting().cast(ALICE, nord, new Ballot.Approval(Set.of(secret.toCandidate().id())),
                    VotingPersistenceContract.DURING_VOTE);
            return null;
        });

        long aubiers = db().inTransaction(em -> em.createQuery("select n.id from Neighbourhood n where n.name = :n",
                Long.class).setParameter("n", "Les Aubiers").getSingleResult());
        long council = db().inTransaction(em -> Services.on(em).councils().create(AGENT, aubiers,
                new CouncilDraft("Conseil des Aubiers", "<p>Bienvenue</p>", null, false, List.of()), day(1))).getId();
        db().inTransaction(em -> Services.on(em).councils().join(ALICE, council, "Alice M.", day(2)));
        db().inTransaction(em -> Services.on(em).councils().join(BRUNO, council, "Bruno", day(2)));
        db().inTransaction(em -> {
            new TermsConsents(em).accept(ALICE, "2026-11", day(2));
            return null;
        });

        Instant opens = day(20);
        long consultation = db().inTransaction(em -> Services.on(em).consultations().create(OFFICE,
                new ConsultationDraft("Les bancs du quartier", "<p>Votre avis</p>", null, null, opens,
                        opens.plusSeconds(86_400 * 7), false, false))).getId();
        db().inTransaction(em -> Services.on(em).consultations().replaceQuestions(OFFICE, consultation,
                List.of(new Question.FreeText(new Question.Common("idea", "Votre idée", null, true, Optional.empty()),
                        false))));
        db().inTransaction(em -> Services.on(em).consultations().schedule(OFFICE, consultation, day(19)));
        db().inTransaction(em -> Services.on(em).consultations().openNow(OFFICE, consultation, opens));
        db().inTransaction(em -> Services.on(em).responses().submit(ALICE, consultation,
                Map.of("idea", new Answer.Text("Plus de bancs à l'ombre")), opens.plusSeconds(60)));
        // she subscribed to the newsletter and follows a theme (issue 14)
        long theme = db().inTransaction(em -> em.createQuery("select t.id from org.agora.territory.Theme t order by t.name",
                Long.class).setMaxResults(1).getSingleResult());
        db().inTransaction(em -> Services.on(em).notificationCentre().choose(ALICE,
                Map.of(org.agora.notification.NotificationKind.NEWSLETTER,
                        new org.agora.notification.NotificationKind.Choice(false, true)), "fr",
                java.util.Optional.of(java.util.Set.of(theme))));
    }

    private PersonalData of(Actor actor) {
        return db().inTransaction(em -> new MyData(em).of(actor, day(100)));
    }

    private static Stream<String> everyValue(PersonalData data) {
        return data.sections().stream().flatMap(s -> s.rows().stream()).flatMap(List::stream)
                .filter(java.util.Objects::nonNull);
    }

    @Test
    void aliceGetsEverythingOfHersAndNothingOfBrunos() {
        PersonalData alice = of(ALICE);
        assertThat(alice.person()).isEqualTo("alice");
        assertThat(alice.section("budget_projects").orElseThrow().rows()).extracting(row -> row.get(0))
                .containsExactly("Un potager partagé");
        assertThat(alice.section("budget_supports").orElseThrow().rows()).containsExactly(List.of("Une fontaine"));
        List<String> comment = alice.section("comments").orElseThrow().rows().get(0);
        assertThat(comment.get(2)).isEqualTo("Alice M.");
        assertThat(comment.get(3)).as("rich text as plain text").isEqualTo("Bonne idée, vraiment");
        assertThat(alice.section("council_memberships").orElseThrow().rows()).extracting(row -> row.get(0))
                .containsExactly("Conseil des Aubiers");
        assertThat(alice.section("consultation_answers").orElseThrow().rows()).extracting(row -> row.get(6))
                .containsExactly("Plus de bancs à l'ombre");
        assertThat(alice.section("register").orElseThrow().rows()).extracting(row -> row.get(3))
                .containsExactly("nord");
        assertThat(alice.section("followed_themes").orElseThrow().rows()).hasSize(1);
        assertThat(alice.section("notification_choices").orElseThrow().rows()).contains(List.of("NEWSLETTER", "false", "true"));
        assertThat(everyValue(alice)).noneMatch(v -> v.contains("Bruno"));
    }

    @Test
    void ofHerVoteAliceGetsTheMarkOnTheRegisterAndNotHerChoice() {
        PersonalData alice = of(ALICE);
        assertThat(alice.section("votes").orElseThrow().rows()).hasSize(1)
                .allSatisfy(row -> assertThat(row).endsWith("nord", "ONLINE"));
        assertThat(everyValue(alice)).noneMatch(v -> v.contains(SECRET_CHOICE));
        assertThat(of(BRUNO).section("votes")).as("Bruno did not vote").isEmpty();
    }

    private AccountErasure erasure(jakarta.persistence.EntityManager em) {
        return new AccountErasure(em);
    }

    @Test
    void anAccountIsNotErasedWhileAVoteItTookPartInIsOpen() {
        assertThatThrownBy(() -> db().inTransaction(em -> erasure(em).erase(ALICE, VotingPersistenceContract.DURING_VOTE)))
                .isInstanceOfSatisfying(org.agora.shared.ConflictException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("privacy.erase.voteOpen"));
        assertThat(of(ALICE).section("comments")).isPresent();
        assertThatThrownBy(() -> db().inTransaction(em -> erasure(em).erase(OFFICE, day(100))))
                .isInstanceOf(NotAllowedException.class);
        Optional<org.agora.shared.MessageKey> bruno = db().inTransaction(em -> erasure(em)
                .whyNot(BRUNO, VotingPersistenceContract.DURING_VOTE));
        assertThat(bruno).as("Bruno did not vote").isEmpty();
    }

    @Test
    void onceErasedNoTableNamesAliceHerWordsStayUnsignedAndHerVoteStillCounts() {
        String tag = db().inTransaction(em -> erasure(em).erase(ALICE, day(100)));
        assertThat(tag).startsWith("deleted-").doesNotContain("alice");

        assertThat(of(ALICE).sections()).as("nothing left under her name").isEmpty();
        List<String> stored = everyStoredValue();
        assertThat(stored).as("the scan reads the tables").anyMatch(value -> value.contains("bruno"));
        assertThat(stored).noneMatch(value -> value.toLowerCase().contains("alice"));
        List<?> names = db().inTransaction(em -> em.createNativeQuery("select author_name from comments order by id")
                .getResultList());
        List<String> comments = names.stream().map(String::valueOf).toList();
        assertThat(comments).containsExactly(AccountErasure.SHOWN_NAME, "Bruno");
        long marks = db().inTransaction(em -> ((Number) em.createNativeQuery("select count(*) from vote_marks")
                .getSingleResult()).longValue());
        assertThat(marks).isEqualTo(1);
        assertThat(of(BRUNO).section("comments")).isPresent();
        // again: nothing left to erase, and nobody else touched
        db().inTransaction(em -> erasure(em).erase(ALICE, day(101)));
        assertThat(of(BRUNO).section("council_memberships").orElseThrow().rows()).hasSize(1);
    }

    /** Every value of every table of the schema but Flyway's history, as text. */
    private List<String> everyStoredValue() {
        return db().inTransaction(em -> {
            java.sql.Connection connection = em.unwrap(java.sql.Connection.class);
            List<String> values = new java.util.ArrayList<>();
            try (java.sql.ResultSet tables = connection.getMetaData().getTables(null, connection.getSchema(), "%",
                    new String[] {"TABLE"})) {
                List<String> names = new java.util.ArrayList<>();
                while (tables.next()) {
                    names.add(tables.getString("TABLE_NAME"));
                }
                for (String table : names) {
                    if (table.toLowerCase().startsWith("flyway")) {
                        continue;
                    }
                    try (var statement = connection.createStatement();
                         java.sql.ResultSet rows = statement.executeQuery("select * from " + table)) {
                        while (rows.next()) {
                            for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                                values.add(table + ": " + rows.getObject(i));
                            }
                        }
                    }
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            return values;
        });
    }

    private boolean accepted(Actor actor, String version) {
        Boolean accepted = db().inTransaction(em -> new TermsConsents(em).hasAccepted(actor, version));
        return accepted;
    }

    @Test
    void aVersionOfTheTermsIsAcceptedOnceAndListedInTheData() {
        assertThat(accepted(ALICE, "2026-12")).isFalse();
        for (int i = 0; i < 2; i++) {
            db().inTransaction(em -> {
                new TermsConsents(em).accept(ALICE, "2026-12", day(3));
                return null;
            });
        }
        assertThat(accepted(ALICE, "2026-12")).isTrue();
        assertThat(accepted(ALICE, "2027-06")).isFalse();
        assertThat(accepted(BRUNO, "2026-12")).isFalse();
        assertThat(of(ALICE).section("terms_accepted").orElseThrow().rows()).extracting(row -> row.get(0))
                .containsExactly("2026-11", "2026-12");
    }

    private AccountActivity activity(jakarta.persistence.EntityManager em) {
        return new AccountActivity(em);
    }

    private RetentionPurge retention(jakarta.persistence.EntityManager em) {
        return new RetentionPurge(new AccountActivity(em), new AccountErasure(em), Services.on(em).audit());
    }

    private void seen(String username, java.time.LocalDate day) {
        db().inTransaction(em -> {
            activity(em).seen(username, day);
            return null;
        });
    }

    @Test
    void theLastDayAnAccountWasSeenOnlyMovesForward() {
        java.time.LocalDate monday = java.time.LocalDate.of(2027, 3, 1);
        seen("alice", monday);
        seen("alice", monday);
        seen("alice", monday.minusDays(10));
        seen("bruno", monday.plusDays(2));
        long before = db().inTransaction(em -> activity(em).countInactiveSince(monday.plusDays(1)));
        assertThat(before).isEqualTo(1);
        assertThat(of(ALICE).section("activity").orElseThrow().rows()).containsExactly(List.of("2027-03-01"));
        List<String> inactive = db().inTransaction(em -> activity(em).inactiveSince(monday.plusDays(3), 10));
        assertThat(inactive).containsExactly("alice", "bruno");
    }

    @Test
    void anInactiveAccountIsErasedOnceNoVoteItTookPartInIsOpenAndTheAuditNamesItsTagOnly() {
        Instant now = VotingPersistenceContract.DURING_VOTE;
        seen("alice", java.time.LocalDate.of(2020, 1, 6));
        seen("bruno", now.atZone(org.agora.shared.Period.CITY_ZONE).toLocalDate());
        RetentionPurge.Plan plan = db().inTransaction(em -> retention(em).plan(OFFICE, now, 365));
        assertThat(plan.accounts()).isEqualTo(1);
        assertThatThrownBy(() -> db().inTransaction(em -> retention(em).plan(ALICE, now, 365)))
                .isInstanceOf(NotAllowedException.class);
        List<String> candidates = db().inTransaction(em -> retention(em).candidates(now, 365, 10));
        assertThat(candidates).containsExactly("alice");

        Optional<org.agora.shared.MessageKey> deferred = db().inTransaction(em -> retention(em).purge("alice", now, 365));
        assertThat(deferred).map(org.agora.shared.MessageKey::key).contains("privacy.erase.voteOpen");
        assertThat(of(ALICE).section("comments")).as("left for a later run").isPresent();

        Optional<org.agora.shared.MessageKey> done = db().inTransaction(em -> retention(em).purge("alice", day(100), 365));
        assertThat(done).isEmpty();
        assertThat(of(ALICE).sections()).isEmpty();
        List<?> audit = db().inTransaction(em -> em.createNativeQuery("select subject from audit_log where action ="
                + " 'RETENTION_PURGE'").getResultList());
        assertThat(audit).hasSize(1).allSatisfy(subject -> assertThat(String.valueOf(subject)).startsWith("deleted-"));
        assertThat(everyStoredValue()).noneMatch(value -> value.toLowerCase().contains("alice"));
        assertThat(of(BRUNO).section("activity")).isPresent();
    }

    @Test
    void nobodySignedOutGetsAnything() {
        assertThatThrownBy(() -> of(Actor.anonymous())).isInstanceOf(NotAllowedException.class);
    }
}
