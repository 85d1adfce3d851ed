package org.agora.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.agora.shared.Actor;
import org.agora.shared.DistrictCode;
import org.agora.shared.Role;
import org.junit.jupiter.api.Test;

/**
 * Who may do what with a consultation. The tests of each permission ask it of everyone (see {@link #EVERYONE}) and
 * list who may.
 */
class ConsultationPermissionsTest {

    static final DistrictCode NORD = new DistrictCode("nord");
    static final DistrictCode SUD = new DistrictCode("sud");
    static final ConsultationScope IN_NORD = ConsultationScope.of(NORD);

    static Actor resident(DistrictCode home) {
        return new Actor("camille", Set.of(Role.RESIDENT), Optional.of(home), Set.of());
    }

    static final Actor AGENT_OF_NORD = new Actor("agent", Set.of(Role.DISTRICT_AGENT), Optional.empty(), Set.of(NORD));
    static final Actor OFFICE = new Actor("office", Set.of(Role.OFFICE_ADMIN), Optional.empty(), Set.of());
    static final Actor AGENT_OF_SUD = new Actor("agent.sud", Set.of(Role.DISTRICT_AGENT), Optional.empty(), Set.of(SUD));
    static final Actor MODERATOR = new Actor("moderator", Set.of(Role.MODERATOR), Optional.empty(), Set.of());
    static final Actor ANALYST = new Actor("analyst", Set.of(Role.ANALYST), Optional.empty(), Set.of());

    /** One person of each kind, by name; a consultation of Nord is "in" the district of the first. */
    static final Map<String, Actor> EVERYONE = new LinkedHashMap<>();

    static {
        EVERYONE.put("resident of nord", resident(NORD));
        EVERYONE.put("resident of sud", resident(SUD));
        EVERYONE.put("agent of nord", AGENT_OF_NORD);
        EVERYONE.put("agent of sud", AGENT_OF_SUD);
        EVERYONE.put("moderator", MODERATOR);
        EVERYONE.put("office", OFFICE);
        EVERYONE.put("analyst", ANALYST);
        EVERYONE.put("anonymous", Actor.anonymous());
    }

    static final String[] ALL = EVERYONE.keySet().toArray(String[]::new);
    static final String[] ORGANISERS_OF_NORD = {"agent of nord", "office"};

    /** The names of those who may. */
    static List<String> who(Predicate<Actor> may) {
        return EVERYONE.entrySet().stream().filter(e -> may.test(e.getValue())).map(Map.Entry::getKey).toList();
    }

    static List<ConsultationStatus> allBut(ConsultationStatus... excluded) {
        return Arrays.stream(ConsultationStatus.values()).filter(s -> !Arrays.asList(excluded).contains(s)).toList();
    }

    @Test
    void theOfficeOrganisesAnyConsultation() {
        assertThat(ConsultationPermissions.canOrganise(OFFICE, ConsultationScope.city())).isTrue();
        assertThat(ConsultationPermissions.canOrganise(OFFICE, IN_NORD)).isTrue();
    }

    @Test
    void anAgentOrganisesOnlyTheConsultationsOfTheirDistricts() {
        assertThat(ConsultationPermissions.canOrganise(AGENT_OF_NORD, IN_NORD)).isTrue();
        assertThat(ConsultationPermissions.canOrganise(AGENT_OF_NORD, ConsultationScope.of(SUD))).isFalse();
        assertThat(ConsultationPermissions.canOrganise(AGENT_OF_NORD, ConsultationScope.city())).isFalse();
    }

    @Test
    void aResidentDoesNotOrganise() {
        assertThat(ConsultationPermissions.canOrganise(resident(NORD), IN_NORD)).isFalse();
    }

    @Test
    void aResidentInScopeAnswersAnOpenConsultation() {
        assertThat(ConsultationPermissions.whyNotAnswer(resident(NORD), IN_NORD, ConsultationStatus.OPEN)).isEmpty();
        assertThat(ConsultationPermissions.whyNotAnswer(resident(SUD), ConsultationScope.city(), ConsultationStatus.OPEN))
                .isEmpty();
    }

    @Test
    void eachRefusalSaysWhy() {
        assertThat(ConsultationPermissions.whyNotAnswer(resident(SUD), IN_NORD, ConsultationStatus.OPEN))
                .contains("consultation.answer.outOfScope");
        assertThat(ConsultationPermissions.whyNotAnswer(resident(NORD), IN_NORD, ConsultationStatus.CLOSED))
                .contains("consultation.answer.notOpen");
        assertThat(ConsultationPermissions.whyNotAnswer(Actor.anonymous(), IN_NORD, ConsultationStatus.OPEN))
                .contains("consultation.answer.signInFirst");
        assertThat(ConsultationPermissions.whyNotAnswer(AGENT_OF_NORD, IN_NORD, ConsultationStatus.OPEN))
                .contains("consultation.answer.residentsOnly");
    }

    @Test
    void aResidentBlockedByModerationAnswersNoConsultation() {
        assertThat(ConsultationPermissions.whyNotAnswer(resident(NORD).blocked("Insultes"), IN_NORD,
                ConsultationStatus.OPEN)).contains(Actor.BLOCKED);
        assertThat(ConsultationPermissions.whyNotAnswer(resident(NORD).blocked("Insultes"), ConsultationScope.city(),
                ConsultationStatus.OPEN)).contains(Actor.BLOCKED);
    }

    @Test
    void aResidentWithoutHomeDistrictAnswersOnlyCityWideConsultations() {
        Actor homeless = new Actor("x", Set.of(Role.RESIDENT), Optional.empty(), Set.of());
        assertThat(ConsultationPermissions.whyNotAnswer(homeless, IN_NORD, ConsultationStatus.OPEN))
                .contains("consultation.answer.outOfScope");
        assertThat(ConsultationPermissions.whyNotAnswer(homeless, ConsultationScope.city(), ConsultationStatus.OPEN))
                .isEmpty();
    }

    @Test
    void aDraftIsReadOnlyByItsOrganisersAndResultsArePublicOncePublished() {
        Actor agent = new Actor("agent", Set.of(Role.DISTRICT_AGENT),
                Optional.empty(), Set.of(new DistrictCode("nord")));
        ConsultationScope nord = ConsultationScope.of(new DistrictCode("nord"));
        Actor visitor = Actor.anonymous();

        assertThat(ConsultationPermissions.canRead(visitor, nord, ConsultationStatus.DRAFT)).isFalse();
        assertThat(ConsultationPermissions.canRead(agent, nord, ConsultationStatus.DRAFT)).isTrue();
        assertThat(ConsultationPermissions.canRead(visitor, nord, ConsultationStatus.SCHEDULED)).isTrue();
        assertThat(ConsultationPermissions.canSeeResults(visitor, nord, ConsultationStatus.CLOSED)).isFalse();
        assertThat(ConsultationPermissions.canSeeResults(agent, nord, ConsultationStatus.OPEN)).isTrue();
        assertThat(ConsultationPermissions.canSeeResults(agent, nord, ConsultationStatus.DRAFT)).isFalse();
        assertThat(ConsultationPermissions.canSeeResults(visitor, nord, ConsultationStatus.RESULTS_PUBLISHED)).isTrue();
    }

    @Test
    void theOfficeAndTheAgentsOfItsDistrictOrganiseAConsultationAndNobodyElse() {
        assertThat(who(a -> ConsultationPermissions.canOrganise(a, IN_NORD))).containsExactly(ORGANISERS_OF_NORD);
        assertThat(who(a -> ConsultationPermissions.canOrganise(a, ConsultationScope.city()))).containsExactly("office");
    }

    @Test
    void everyoneReadsAConsultationOnceScheduledAndOnlyItsOrganisersReadADraft() {
        assertThat(who(a -> ConsultationPermissions.canRead(a, IN_NORD, ConsultationStatus.DRAFT)))
                .containsExactly(ORGANISERS_OF_NORD);
        assertThat(who(a -> ConsultationPermissions.canRead(a, ConsultationScope.city(), ConsultationStatus.DRAFT)))
                .containsExactly("office");
        for (ConsultationStatus status : allBut(ConsultationStatus.DRAFT)) {
            assertThat(who(a -> ConsultationPermissions.canRead(a, IN_NORD, status))).as(status.name())
                    .containsExactly(ALL);
        }
    }

    @Test
    void everyoneSeesPublishedResultsAndOnlyOrganisersFollowThemBeforeAndNobodyForADraft() {
        assertThat(who(a -> ConsultationPermissions.canSeeResults(a, IN_NORD, ConsultationStatus.DRAFT))).isEmpty();
        for (ConsultationStatus status : allBut(ConsultationStatus.DRAFT, ConsultationStatus.RESULTS_PUBLISHED)) {
            assertThat(who(a -> ConsultationPermissions.canSeeResults(a, IN_NORD, status))).as(status.name())
                    .containsExactly(ORGANISERS_OF_NORD);
        }
        assertThat(who(a -> ConsultationPermissions.canSeeResults(a, IN_NORD, ConsultationStatus.RESULTS_PUBLISHED)))
                .containsExactly(ALL);
    }

    @Test
    void everyoneSeesTheFiguresOfAPublishedQuestionAndOnlyOrganisersThoseKeptInternal() {
        ConsultationStatus published = ConsultationStatus.RESULTS_PUBLISHED;
        assertThat(who(a -> ConsultationPermissions.canSeeFigures(a, IN_NORD, published, Publication.FIGURES)))
                .containsExactly(ALL);
        assertThat(who(a -> ConsultationPermissions.canSeeFigures(a, IN_NORD, published, Publication.FIGURES_AND_TEXTS)))
                .containsExactly(ALL);
        assertThat(who(a -> ConsultationPermissions.canSeeFigures(a, IN_NORD, published, Publication.NONE)))
                .containsExactly(ORGANISERS_OF_NORD);
        assertThat(who(a -> ConsultationPermissions.canSeeFigures(a, IN_NORD, ConsultationStatus.CLOSED,
                Publication.FIGURES))).containsExactly(ORGANISERS_OF_NORD);
        assertThat(who(a -> ConsultationPermissions.canSeeFigures(a, IN_NORD, ConsultationStatus.DRAFT,
                Publication.FIGURES))).isEmpty();
    }

    @Test
    void everyoneReadsTheTextsPublishedWithTheFiguresAndOnlyOrganisersTheOthers() {
        ConsultationStatus published = ConsultationStatus.RESULTS_PUBLISHED;
        assertThat(who(a -> ConsultationPermissions.canSeeTexts(a, IN_NORD, published, Publication.FIGURES_AND_TEXTS)))
                .containsExactly(ALL);
        assertThat(who(a -> ConsultationPermissions.canSeeTexts(a, IN_NORD, published, Publication.FIGURES)))
                .containsExactly(ORGANISERS_OF_NORD);
        assertThat(who(a -> ConsultationPermissions.canSeeTexts(a, IN_NORD, published, Publication.NONE)))
                .containsExactly(ORGANISERS_OF_NORD);
        assertThat(who(a -> ConsultationPermissions.canSeeTexts(a, IN_NORD, ConsultationStatus.OPEN,
                Publication.FIGURES_AND_TEXTS))).containsExactly(ORGANISERS_OF_NORD);
        assertThat(who(a -> ConsultationPermissions.canSeeTexts(a, IN_NORD, ConsultationStatus.DRAFT,
                Publication.FIGURES_AND_TEXTS))).isEmpty();
    }

    @Test
    void onlyOrganisersReviewTheTexts() {
        assertThat(who(a -> ConsultationPermissions.canReviewTexts(a, IN_NORD))).containsExactly(ORGANISERS_OF_NORD);
        assertThat(who(a -> ConsultationPermissions.canReviewTexts(a, ConsultationScope.city())))
                .containsExactly("office");
    }

    @Test
    void onlyOrganisersExportTheResponsesAndNobodyWhileTheyAreSealed() {
        assertThat(who(a -> ConsultationPermissions.canExportResponses(a, IN_NORD, false)))
                .containsExactly(ORGANISERS_OF_NORD);
        assertThat(who(a -> ConsultationPermissions.canExportResponses(a, ConsultationScope.city(), false)))
                .containsExactly("office");
        assertThat(who(a -> ConsultationPermissions.canExportResponses(a, IN_NORD, true))).isEmpty();
    }

    @Test
    void onlyResidentsOfItsScopeAnswerAnOpenConsultationAndEveryoneElseIsToldWhy() {
        Map<String, Optional<String>> reasons = new LinkedHashMap<>();
        EVERYONE.forEach((name, actor) ->
                reasons.put(name, ConsultationPermissions.whyNotAnswer(actor, IN_NORD, ConsultationStatus.OPEN)));
        assertThat(reasons).containsExactly(
                Map.entry("resident of nord", Optional.empty()),
                Map.entry("resident of sud", Optional.of("consultation.answer.outOfScope")),
                Map.entry("agent of nord", Optional.of("consultation.answer.residentsOnly")),
                Map.entry("agent of sud", Optional.of("consultation.answer.residentsOnly")),
                Map.entry("moderator", Optional.of("consultation.answer.residentsOnly")),
                Map.entry("office", Optional.of("consultation.answer.residentsOnly")),
                Map.entry("analyst", Optional.of("consultation.answer.residentsOnly")),
                Map.entry("anonymous", Optional.of("consultation.answer.signInFirst")));
        assertThat(who(a -> ConsultationPermissions.whyNotAnswer(a, ConsultationScope.city(), ConsultationStatus.OPEN)
                .isEmpty())).containsExactly("resident of nord", "resident of sud");
        for (ConsultationStatus status : allBut(ConsultationStatus.OPEN)) {
            assertThat(ConsultationPermissions.whyNotAnswer(resident(NORD), IN_NORD, status)).as(status.name())
                    .contains("consultation.answer.notOpen");
        }
    }

    @Test
    void commentsAreTakenWhileTheConsultationIsOpenOnly() {
        assertThat(ConsultationPermissions.whyNoComments(ConsultationStatus.OPEN)).isEmpty();
        for (ConsultationStatus status : allBut(ConsultationStatus.OPEN)) {
            assertThat(ConsultationPermissions.whyNoComments(status)).as(status.name())
                    .contains("consultation.comments.notOpen");
        }
    }
}
