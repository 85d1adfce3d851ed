package org.agora.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.agora.shared.Actor;
import org.agora.shared.ConflictException;
import org.agora.shared.DistrictCode;
import org.agora.shared.NotAllowedException;
import org.agora.shared.Role;
import org.agora.testing.DatabaseTest;
import org.agora.testing.Services;
import org.junit.jupiter.api.Test;

/** Answering consultations against a real database; run on H2 and on PostgreSQL by the subclasses. */
abstract class ResponsePersistenceContract extends DatabaseTest {

    static final Instant OPENED = ConsultationPersistenceContract.NOW.plus(8, ChronoUnit.DAYS);
    static final Actor RESIDENT_OF_NORD = resident("resident", "nord");
    static final Actor RESIDENT_OF_SUD = resident("resident.sud", "sud");

    static Actor resident(String username, String district) {
        return new Actor(username, Set.of(Role.RESIDENT), Optional.of(new DistrictCode(district)), Set.of());
    }

    /** Answers to every question type, the conditional one shown. */
    static Map<String, Answer> fullAnswers() {
        Map<String, Answer> answers = new HashMap<>();
        answers.put("cycles", new Answer.Choices(Set.of("yes")));
        answers.put("improvements", new Answer.Choices(Set.of("lanes", "lights")));
        answers.put("street", new Answer.Text("Rue des Lilas"));
        answers.put("idea", new Answer.Text("Plus d'arceaux\ndevant l'école"));
        answers.put("safety", new Answer.Number(new BigDecimal("4")));
        answers.put("trips", new Answer.Number(new BigDecimal("12.5")));
        answers.put("priorities", new Answer.Ranking(List.of("c", "a", "b")));
        answers.put("places", new Answer.Matrix(Map.of("park", "good", "station", "bad")));
        return answers;
    }

    private <T> T responses(Function<ResponseService, T> work) {
        return db().inTransaction(em -> work.apply(Services.on(em).sealedWith(SealsForTests.SEAL).responses()));
    }

    private <T> T consultations(Function<ConsultationService, T> work) {
        return db().inTransaction(em -> work.apply(Services.on(em).sealedWith(SealsForTests.SEAL).consultations()));
    }

    /** An open consultation of the north district with one question of each type. */
    private long openConsultation(boolean anonymous, boolean editable) {
        ConsultationDraft draft = ConsultationPersistenceContract.draft("nord");
        ConsultationDraft wanted = new ConsultationDraft(draft.title(), draft.description(), null, "nord",
                draft.opensAt(), draft.closesAt(), anonymous, editable);
        Actor agent = ConsultationPersistenceContract.AGENT_OF_NORD;
        long id = consultations(c -> c.create(agent, wanted)).getId();
        consultations(c -> c.replaceQuestions(agent, id, ConsultationPersistenceContract.ALL_TYPES));
        consultations(c -> c.schedule(agent, id, ConsultationPersistenceContract.NOW));
        consultations(c -> c.applySchedule(OPENED));
        return id;
    }

    private SubmittedResponse submit(Actor who, long id, Map<String, Answer> answers) {
        return responses(r -> r.submit(who, id, answers, OPENED));
    }

    private List<SubmittedResponse> submitted(long id) {
        return responses(r -> {
            List<SubmittedResponse> all = new ArrayList<>();
            r.submitted(id).forEach(all::add);
            return all;
        });
    }

    private boolean hasAnswered(Actor who, long id) {
        return responses(r -> r.hasAnswered(who, id));
    }

    private Optional<Response> mine(Actor who, long id) {
        return responses(r -> r.mine(who, id));
    }

    private List<ResponseService.TextAnswer> texts(long id, String question, String search, boolean approvedOnly,
                                                   int first, int max) {
        return responses(r -> r.texts(id, question, search, approvedOnly, first, max));
    }

    private long count(String sql) {
        return db().inTransaction(em -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }

    @Test
    void answersOfEveryTypeAreKeptAsGiven() {
        long id = openConsultation(false, false);

        SubmittedResponse response = submit(RESIDENT_OF_NORD, id, fullAnswers());

        Map<String, Answer> expected = new HashMap<>(fullAnswers());
        expected.put("idea", new Answer.Text("Plus d'arceaux\ndevant l'école"));
        assertThat(submitted(id)).singleElement().satisfies(stored -> {
            assertThat(stored.answers()).isEqualTo(expected);
            assertThat(stored.respondent()).contains("resident");
            assertThat(stored.district()).contains(new DistrictCode("nord"));
            assertThat(stored.number()).isEqualTo(response.number());
        });
    }

    @Test
    void answersOfAHiddenQuestionAreDropped() {
        long id = openConsultation(false, false);
        Map<String, Answer> answers = fullAnswers();
        answers.put("cycles", new Answer.Choices(Set.of("no")));

        submit(RESIDENT_OF_NORD, id, answers);

        assertThat(submitted(id).get(0).answers()).doesNotContainKey("improvements").containsKey("street");
    }

    @Test
    void aSecondSubmitIsRefusedAndChangesNothing() {
        long id = openConsultation(false, false);
        submit(RESIDENT_OF_NORD, id, fullAnswers());
        Map<String, Answer> other = fullAnswers();
        other.put("street", new Answer.Text("Autre rue"));

        assertThatThrownBy(() -> submit(RESIDENT_OF_NORD, id, other))
                .isInstanceOf(ConflictException.class).hasMessageStartingWith("consultation.answer.already");
        assertThat(submitted(id)).singleElement()
                .satisfies(r -> assertThat(r.answers().get("street")).isEqualTo(new Answer.Text("Rue des Lilas")));
    }

    @Test
    void anEditableResponseIsReplacedNotDuplicated() {
        long id = openConsultation(false, true);
        SubmittedResponse first = submit(RESIDENT_OF_NORD, id, fullAnswers());
        Map<String, Answer> other = fullAnswers();
        other.put("street", new Answer.Text("Autre rue"));

        SubmittedResponse second = submit(RESIDENT_OF_NORD, id, other);

        assertThat(second.number()).isEqualTo(first.number());
        assertThat(submitted(id)).singleElement()
                .satisfies(r -> assertThat(r.answers().get("street")).isEqualTo(new Answer.Text("Autre rue")));
    }

    @Test
    void aDraftIsKeptToComeBackToThenSubmitted() {
        long id = openConsultation(false, false);
        Map<String, Answer> half = Map.of("cycles", new Answer.Choices(Set.of("yes")),
                "street", new Answer.Text("Rue des Lilas"));

        responses(r -> r.saveDraft(RESIDENT_OF_NORD, id, half, OPENED));

        Response draft = mine(RESIDENT_OF_NORD, id).orElseThrow();
        assertThat(draft.getStatus()).isEqualTo(ResponseStatus.DRAFT);
        assertThat(draft.getAnswers()).isEqualTo(half);
        assertThat(submitted(id)).isEmpty();
        assertThat(hasAnswered(RESIDENT_OF_NORD, id)).isFalse();

        submit(RESIDENT_OF_NORD, id, fullAnswers());
        assertThat(submitted(id)).hasSize(1);
        assertThat(count("select count(*) from responses")).isEqualTo(1);
    }

    @Test
    void aDraftMayMissRequiredAnswersButNotHoldAnInvalidOne() {
        long id = openConsultation(false, false);
        Map<String, Answer> tooLong = Map.of("street", new Answer.Text("x".repeat(201)));

        assertThatThrownBy(() -> responses(r -> r.saveDraft(RESIDENT_OF_NORD, id, tooLong, OPENED)))
                .isInstanceOfSatisfying(AnswersRefusedException.class, e -> assertThat(e.problems())
                        .extracting(AnswerProblem::questionId, AnswerProblem::messageKey)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("street", "consultation.answer.tooLong")));
        assertThat(count("select count(*) from responses")).isZero();
    }

    @Test
    void everyProblemIsReportedAndNothingStored() {
        long id = openConsultation(false, false);
        Map<String, Answer> answers = fullAnswers();
        answers.remove("safety");
        answers.put("unknown", new Answer.Text("?"));
        answers.put("improvements", new Answer.Choices(Set.of("lanes", "parking", "lights")));
        answers.put("priorities", new Answer.Ranking(List.of("a", "zz", "b")));

        assertThatThrownBy(() -> submit(RESIDENT_OF_NORD, id, answers))
                .isInstanceOfSatisfying(AnswersRefusedException.class, e -> assertThat(e.problems())
                        .extracting(AnswerProblem::questionId)
                        .containsExactlyInAnyOrder("unknown", "improvements", "safety", "priorities"));
        assertThat(count("select count(*) from responses")).isZero();
        assertThat(count("select count(*) from consultation_participations")).isZero();
    }

    @Test
    void aResidentOfAnotherDistrictMayNotAnswer() {
        long id = openConsultation(false, false);

        assertThatThrownBy(() -> submit(RESIDENT_OF_SUD, id, fullAnswers()))
                .isInstanceOf(NotAllowedException.class).hasMessageStartingWith("consultation.answer.outOfScope");
        assertThat(count("select count(*) from responses")).isZero();
    }

    @Test
    void nobodyAnswersOnceTheClosingTimeHasPassedEvenBeforeTheSchedulerRuns() {
        long id = openConsultation(false, false);
        Instant afterClosing = ConsultationPersistenceContract.NOW.plus(22, ChronoUnit.DAYS);

        assertThatThrownBy(() -> responses(r -> r.submit(RESIDENT_OF_NORD, id, fullAnswers(), afterClosing)))
                .isInstanceOf(NotAllowedException.class).hasMessageStartingWith("consultation.answer.notOpen");
        assertThat(count("select count(*) from responses")).isZero();
    }

    @Test
    void anAnonymousResponseIsSealedUntilTheConsultationClosesThenKeepsNeitherThePersonNorTheTime() {
        long id = openConsultation(true, false);

        SubmittedResponse acknowledged = submit(RESIDENT_OF_NORD, id, fullAnswers());

        assertThat(acknowledged.number()).isZero();
        assertThat(count("select count(*) from responses")).isZero();
        assertThat(count("select count(*) from sealed_responses")).isEqualTo(1);
        assertThat(submitted(id)).isEmpty();
        assertThat((long) responses(r -> r.countAnswered(id))).isEqualTo(1);
        assertThat(mine(RESIDENT_OF_NORD, id)).isEmpty();
        assertThat(hasAnswered(RESIDENT_OF_NORD, id)).isTrue();
        assertThatThrownBy(() -> submit(RESIDENT_OF_NORD, id, fullAnswers())).isInstanceOf(ConflictException.class);

        Instant closing = OPENED.plus(3, ChronoUnit.DAYS);
        consultations(c -> c.closeNow(ConsultationPersistenceContract.AGENT_OF_NORD, id, closing));

        assertThat(count("select count(*) from sealed_responses")).isZero();
        assertThat(count("select count(*) from responses where respondent is not null")).isZero();
        assertThat(submitted(id)).singleElement().satisfies(r -> {
            assertThat(r.respondent()).isEmpty();
            assertThat(r.answers()).isEqualTo(fullAnswers());
            assertThat(r.submittedAt()).isEqualTo(closing);
            assertThat(r.number()).isGreaterThan(1L << 62); // random, far from the sequence
            assertThat(r.district()).isEmpty(); // a district of fewer than five respondents is not kept
        });
    }

    @Test
    void aResponseStoredInClearBeforeSealingExistedIsCountedAgainWithTheOthersAtTheClosing() throws Exception {
        long id = openConsultation(true, false);
        db().sql("insert into consultation_participations (consultation_id, respondent) values (" + id + ", 'ancien')");
        db().sql("insert into responses (id, consultation_id, respondent, district_code, status, saved_at, submitted_at,"
                + " version) values (7, " + id + ", null, 'nord', 'SUBMITTED', TIMESTAMP WITH TIME ZONE"
                + " '2027-02-08 23:00:00+00', TIMESTAMP WITH TIME ZONE '2027-02-08 23:00:00+00', 0)");
        db().sql("insert into response_answers (response_id, position, question_code, text_value, text_approved)"
                + " values (7, 0, 'street', 'Rue ancienne', false)");
        submit(RESIDENT_OF_NORD, id, fullAnswers());

        Instant closing = OPENED.plus(1, ChronoUnit.DAYS);
        consultations(c -> c.closeNow(ConsultationPersistenceContract.AGENT_OF_NORD, id, closing));

        assertThat(count("select count(*) from responses where id = 7")).isZero();
        assertThat(submitted(id)).hasSize(2).allSatisfy(r -> {
            assertThat(r.number()).isGreaterThan(1L << 62);
            assertThat(r.submittedAt()).isEqualTo(closing);
        }).anySatisfy(r -> assertThat(r.answers()).containsEntry("street", new Answer.Text("Rue ancienne")));
    }

    @Test
    void anAnonymousConsultationKeepsNoDraftOnTheServer() {
        long id = openConsultation(true, false);
        Map<String, Answer> half = Map.of("cycles", new Answer.Choices(Set.of("no")),
                "improvements", new Answer.Choices(Set.of("lanes")), "street", new Answer.Text("Rue"));

        assertThatThrownBy(() -> responses(r -> r.saveDraft(RESIDENT_OF_NORD, id, half, OPENED)))
                .isInstanceOf(NotAllowedException.class).hasMessageStartingWith("consultation.answer.draftInBrowser");
        Map<String, Answer> kept = responses(r -> r.checkDraft(RESIDENT_OF_NORD, id, half, OPENED));

        assertThat(kept).containsOnlyKeys("cycles", "street"); // the answer to a hidden question is dropped
        assertThat(count("select count(*) from responses")).isZero();
        assertThat(count("select count(*) from sealed_responses")).isZero();
        Map<String, Answer> tooLong = Map.of("street", new Answer.Text("x".repeat(201)));
        assertThatThrownBy(() -> responses(r -> r.checkDraft(RESIDENT_OF_NORD, id, tooLong, OPENED)))
                .isInstanceOf(AnswersRefusedException.class);
    }

    @Test
    void districtsWithEnoughRespondentsAreKeptForTheBreakdown() {
        long id = openConsultation(true, false);
        for (int i = 0; i < ConsultationResults.MIN_GROUP; i++) {
            submit(resident("habitant" + i, "nord"), id, fullAnswers());
        }

        consultations(c -> c.closeNow(ConsultationPersistenceContract.AGENT_OF_NORD, id, OPENED.plusSeconds(60)));

        assertThat(submitted(id)).hasSize(ConsultationResults.MIN_GROUP)
                .allSatisfy(r -> assertThat(r.district()).contains(new DistrictCode("nord")));
    }

    @Test
    void nobodyAnswersAnAnonymousConsultationOnceItIsClosedAndNothingIsLeftSealed() {
        long id = openConsultation(true, false);
        submit(RESIDENT_OF_NORD, id, fullAnswers());
        consultations(c -> c.closeNow(ConsultationPersistenceContract.AGENT_OF_NORD, id, OPENED.plusSeconds(60)));

        assertThatThrownBy(() -> submit(resident("late", "nord"), id, fullAnswers()))
                .isInstanceOf(NotAllowedException.class);
        assertThat(count("select count(*) from sealed_responses")).isZero();
        assertThat(submitted(id)).hasSize(1);
    }

    @Test
    void submitsRacingTheClosingAreEitherCountedOrRefusedNeverLeftSealed() throws Exception {
        long id = openConsultation(true, false);
        int residents = 12;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Callable<Boolean>> work = new ArrayList<>();
        for (int i = 0; i < residents; i++) {
            Actor resident = resident("habitant" + i, "nord");
            work.add(() -> {
                try {
                    submit(resident, id, fullAnswers());
                    return true;
                } catch (NotAllowedException closed) {
                    return false;
                }
            });
            if (i == residents / 2) {
                work.add(() -> {
                    consultations(c -> c.closeNow(ConsultationPersistenceContract.AGENT_OF_NORD, id, OPENED.plusSeconds(60)));
                    return false;
                });
            }
        }
        long accepted = 0;
        for (Future<Boolean> outcome : pool.invokeAll(work)) {
            accepted += outcome.get() ? 1 : 0;
        }
        pool.shutdown();

        assertThat(count("select count(*) from sealed_responses")).isZero();
        assertThat(count("select count(*) from consultation_participations")).isEqualTo(accepted);
        assertThat(submitted(id)).hasSize((int) accepted);
    }

    @Test
    void closingWithoutTheSealingKeyFailsAndLosesNothing() {
        long id = openConsultation(true, false);
        submit(RESIDENT_OF_NORD, id, fullAnswers());

        assertThatThrownBy(() -> db().inTransaction(em -> Services.on(em).consultations()
                .closeNow(ConsultationPersistenceContract.AGENT_OF_NORD, id, OPENED.plusSeconds(60))))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> db().inTransaction(em -> Services.on(em).sealedWith(ResponseSeal.fromBase64(
                SealsForTests.newKey())).consultations().closeNow(ConsultationPersistenceContract.AGENT_OF_NORD, id, OPENED.plusSeconds(60))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not open");

        assertThat((ConsultationStatus) consultations(c -> c.get(id).getStatus())).isEqualTo(ConsultationStatus.OPEN);
        assertThat(count("select count(*) from sealed_responses")).isEqualTo(1);
    }

    @Test
    void simultaneousSubmitsOfOneResidentGiveExactlyOneResponse() throws InterruptedException {
        long id = openConsultation(false, false);
        int attempts = 8;
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        List<Callable<SubmittedResponse>> tries = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            tries.add(() -> submit(RESIDENT_OF_NORD, id, fullAnswers()));
        }
        int accepted = 0;
        int refused = 0;
        for (Future<SubmittedResponse> outcome : pool.invokeAll(tries)) {
            try {
                outcome.get();
                accepted++;
            } catch (ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(ConflictException.class);
                refused++;
            }
        }
        pool.shutdown();

        assertThat(accepted).isEqualTo(1);
        assertThat(refused).isEqualTo(attempts - 1);
        assertThat(count("select count(*) from responses")).isEqualTo(1);
        assertThat(count("select count(*) from consultation_participations")).isEqualTo(1);
    }

    @Test
    void theDatabaseItselfRefusesASecondParticipation() throws Exception {
        long id = openConsultation(false, false);
        submit(RESIDENT_OF_NORD, id, fullAnswers());

        assertThatThrownBy(() -> db().sql("insert into consultation_participations (consultation_id, respondent) values ("
                + id + ", 'resident')")).isInstanceOf(java.sql.SQLException.class);
    }

    @Test
    void anAnonymousConsultationCannotLetAnswersBeEdited() {
        assertThatThrownBy(() -> openConsultation(true, true))
                .isInstanceOf(org.agora.shared.InvalidInputException.class)
                .hasMessageStartingWith("consultation.anonymous.notEditable");
    }

    @Test
    void freeTextAnswersAreSearchedPagedAndApprovedOneByOne() {
        long id = openConsultation(false, false);
        String[] streets = {"Rue des Lilas", "Avenue 100% vélo", "rue du Port", "Place_Verte", "Quai des Lilas", "Rue Haute"};
        for (int i = 0; i < streets.length; i++) {
            Map<String, Answer> answers = fullAnswers();
            answers.put("street", new Answer.Text(streets[i]));
            submit(resident("habitant" + i, "nord"), id, answers);
        }

        assertThat((long) responses(r -> r.countTexts(id, "street", null, false))).isEqualTo(6);
        assertThat(texts(id, "street", "lilas", false, 0, 10))
                .extracting(ResponseService.TextAnswer::text).containsExactly("Rue des Lilas", "Quai des Lilas");
        assertThat(texts(id, "street", "100%", false, 0, 10)).hasSize(1);
        assertThat(texts(id, "street", "_", false, 0, 10))
                .extracting(ResponseService.TextAnswer::text).containsExactly("Place_Verte");
        assertThat(texts(id, "street", null, false, 2, 2))
                .extracting(ResponseService.TextAnswer::text).containsExactly("rue du Port", "Place_Verte");

        ResponseService.TextAnswer port = texts(id, "street", "port", false, 0, 1).get(0);
        Actor agent = ConsultationPersistenceContract.AGENT_OF_NORD;
        db().inTransaction(em -> {
            Services.on(em).sealedWith(SealsForTests.SEAL).responses().approveText(agent, id, port.responseId(), port.position(), true);
            return null;
        });
        assertThat(texts(id, "street", null, true, 0, 10))
                .extracting(ResponseService.TextAnswer::text).containsExactly("rue du Port");
        assertThatThrownBy(() -> db().inTransaction(em -> {
            Services.on(em).sealedWith(SealsForTests.SEAL).responses().approveText(RESIDENT_OF_NORD, id, port.responseId(), port.position(), false);
            return null;
        })).isInstanceOf(NotAllowedException.class);
    }

    @Test
    void theOrganiserChoosesWhatIsPublishedOfEachQuestion() {
        long id = openConsultation(false, false);
        Actor agent = ConsultationPersistenceContract.AGENT_OF_NORD;

        consultations(c -> c.choosePublication(agent, id, "idea", Publication.FIGURES_AND_TEXTS));
        consultations(c -> c.choosePublication(agent, id, "safety", Publication.NONE));

        Map<String, Publication> chosen = new HashMap<>(consultations(c -> c.get(id).getPublications()));
        assertThat(chosen).containsEntry("idea", Publication.FIGURES_AND_TEXTS).containsEntry("safety", Publication.NONE)
                .containsEntry("cycles", Publication.FIGURES);
        assertThatThrownBy(() -> consultations(c -> c.choosePublication(agent, id, "cycles", Publication.FIGURES_AND_TEXTS)))
                .isInstanceOf(org.agora.shared.InvalidInputException.class);
    }
}
