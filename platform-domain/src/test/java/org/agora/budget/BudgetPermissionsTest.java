package org.agora.budget;

import static org.agora.budget.Budgets.AFTER_VOTE;
import static org.agora.budget.Budgets.AGENT_OF_NORD;
import static org.agora.budget.Budgets.AGENT_OF_SUD;
import static org.agora.budget.Budgets.ANALYST;
import static org.agora.budget.Budgets.ANONYMOUS;
import static org.agora.budget.Budgets.BEFORE_VOTE;
import static org.agora.budget.Budgets.EVERYONE;
import static org.agora.budget.Budgets.IN_RESULTS;
import static org.agora.budget.Budgets.IN_REVIEW;
import static org.agora.budget.Budgets.IN_SUBMISSION;
import static org.agora.budget.Budgets.IN_VOTE;
import static org.agora.budget.Budgets.MODERATOR;
import static org.agora.budget.Budgets.NORD;
import static org.agora.budget.Budgets.OFFICE;
import static org.agora.budget.Budgets.RESIDENT_OF_NORD;
import static org.agora.budget.Budgets.RESIDENT_OF_SUD;
import static org.agora.budget.Budgets.SUD;
import static org.agora.budget.Budgets.cityWide;
import static org.agora.budget.Budgets.nord;
import static org.agora.budget.Budgets.resident;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.agora.shared.Actor;
import org.agora.shared.NotAllowedException;
import org.junit.jupiter.api.Test;

/** Who may do what with a call of Nord, Sud and the whole city, in each of its phases. */
class BudgetPermissionsTest {

    private final BudgetCall call = Budgets.call();
    private final Envelope nord = nord(call);
    private final Envelope cityWide = cityWide(call);
    private final Envelope sud = call.findEnvelope(Optional.of(SUD)).orElseThrow();

    // calls and envelopes

    @Test
    void onlyTheOfficeManagesCalls() {
        for (Actor actor : EVERYONE) {
            boolean office = actor == OFFICE;
            assertThat(BudgetPermissions.canManageCalls(actor)).as(actor.username()).isEqualTo(office);
            if (office) {
                assertThatCode(() -> BudgetPermissions.requireCalls(actor)).doesNotThrowAnyException();
            } else {
                assertThatThrownBy(() -> BudgetPermissions.requireCalls(actor)).as(String.valueOf(actor.username()))
                        .isInstanceOf(NotAllowedException.class).hasMessageStartingWith("budget.call.notAllowed");
            }
        }
    }

    @Test
    void theOfficeManagesEveryEnvelopeAndAnAgentThoseOfTheirDistricts() {
        assertThat(BudgetPermissions.canManageEnvelope(OFFICE, nord.getDistrict())).isTrue();
        assertThat(BudgetPermissions.canManageEnvelope(OFFICE, cityWide.getDistrict())).isTrue();
        assertThat(BudgetPermissions.canManageEnvelope(AGENT_OF_NORD, nord.getDistrict())).isTrue();
        assertThat(BudgetPermissions.canManageEnvelope(AGENT_OF_SUD, nord.getDistrict())).isFalse();
        assertThat(BudgetPermissions.canManageEnvelope(AGENT_OF_NORD, cityWide.getDistrict())).isFalse();
        for (Actor actor : List.of(RESIDENT_OF_NORD, MODERATOR, ANALYST, ANONYMOUS)) {
            assertThat(BudgetPermissions.canManageEnvelope(actor, nord.getDistrict())).as(actor.username()).isFalse();
        }
    }

    // taking part as a resident

    @Test
    void residentsTakePartInTheirDistrictsEnvelopeAndTheCityWideOne() {
        assertThat(BudgetPermissions.whyNotResidentOf(RESIDENT_OF_NORD, nord)).isEmpty();
        assertThat(BudgetPermissions.whyNotResidentOf(RESIDENT_OF_NORD, cityWide)).isEmpty();
        assertThat(BudgetPermissions.whyNotResidentOf(RESIDENT_OF_SUD, cityWide)).isEmpty();
        assertThat(BudgetPermissions.whyNotResidentOf(RESIDENT_OF_SUD, nord)).contains("budget.vote.otherDistrict");
        assertThat(BudgetPermissions.whyNotResidentOf(RESIDENT_OF_SUD, Optional.of(SUD))).isEmpty();
        assertThat(BudgetPermissions.whyNotResidentOf(RESIDENT_OF_SUD, Optional.of(NORD)))
                .contains("budget.vote.otherDistrict");
    }

    @Test
    void visitorsSignInAndStaffOrResidentsWithoutDistrictDoNotTakePart() {
        assertThat(BudgetPermissions.whyNotResidentOf(ANONYMOUS, cityWide)).contains("budget.vote.signInFirst");
        for (Actor actor : List.of(OFFICE, AGENT_OF_NORD, MODERATOR, ANALYST, resident("nomad", null, 1990))) {
            assertThat(BudgetPermissions.whyNotResidentOf(actor, nord)).as(actor.username())
                    .contains("budget.vote.residentsOnly");
            assertThat(BudgetPermissions.whyNotResidentOf(actor, cityWide)).as(actor.username())
                    .contains("budget.vote.residentsOnly");
        }
    }

    @Test
    void aMinimumAgeIsReachedDuringTheYearTheVoteOpens() {
        Envelope nordFrom16 = nord(Budgets.call(16));

        assertThat(BudgetPermissions.whyTooYoung(resident("nobirthyear", NORD, null), nord)).isEmpty();
        assertThat(BudgetPermissions.whyTooYoung(resident("nobirthyear", NORD, null), nordFrom16))
                .contains("budget.vote.birthYearNeeded");
        assertThat(BudgetPermissions.whyTooYoung(resident("sixteen", NORD, 2011), nordFrom16)).isEmpty();
        assertThat(BudgetPermissions.whyTooYoung(resident("fifteen", NORD, 2012), nordFrom16))
                .contains("budget.vote.tooYoung");
        assertThat(BudgetPermissions.whyTooYoung(resident("fifteen", NORD, 2012), Optional.of(15), call.getPhases()))
                .isEmpty();
    }

    // the vote

    @Test
    void aResidentVotesInTheirEnvelopesWhileTheVoteIsOpen() {
        assertThat(whyNotVote(RESIDENT_OF_NORD, nord, null, IN_VOTE)).isEmpty();
        assertThat(whyNotVote(RESIDENT_OF_NORD, cityWide, null, IN_VOTE)).isEmpty();
        assertThat(whyNotVote(RESIDENT_OF_NORD, nord, null, BEFORE_VOTE)).contains("budget.vote.notOpen");
        assertThat(whyNotVote(RESIDENT_OF_NORD, nord, null, AFTER_VOTE)).contains("budget.vote.notOpen");
    }

    @Test
    void whoTheyAreAndTheirAgeAreCheckedBeforeTheVotesDates() {
        assertThat(whyNotVote(ANONYMOUS, nord, null, BEFORE_VOTE)).contains("budget.vote.signInFirst");
        assertThat(whyNotVote(AGENT_OF_NORD, nord, null, IN_VOTE)).contains("budget.vote.residentsOnly");
        assertThat(whyNotVote(OFFICE, cityWide, null, IN_VOTE)).contains("budget.vote.residentsOnly");
        assertThat(whyNotVote(RESIDENT_OF_SUD, nord, null, IN_VOTE)).contains("budget.vote.otherDistrict");
        assertThat(whyNotVote(resident("fifteen", NORD, 2012), nord, 16, BEFORE_VOTE)).contains("budget.vote.tooYoung");
        assertThat(whyNotVote(resident("sixteen", NORD, 2011), nord, 16, IN_VOTE)).isEmpty();
    }

    private Optional<String> whyNotVote(Actor voter, Envelope envelope, Integer minimumAge, java.time.Instant now) {
        return BudgetPermissions.whyNotVote(voter, envelope.getDistrict(), Optional.ofNullable(minimumAge),
                call.getPhases(), now);
    }

    // projects

    @Test
    void residentsSubmitProjectsToTheirEnvelopesDuringTheSubmissionPhase() {
        assertThat(BudgetPermissions.whyNotSubmit(RESIDENT_OF_NORD, nord, IN_SUBMISSION)).isEmpty();
        assertThat(BudgetPermissions.whyNotSubmit(RESIDENT_OF_SUD, cityWide, IN_SUBMISSION)).isEmpty();
        assertThat(BudgetPermissions.whyNotSubmit(RESIDENT_OF_SUD, nord, IN_SUBMISSION))
                .contains("budget.vote.otherDistrict");
        assertThat(BudgetPermissions.whyNotSubmit(RESIDENT_OF_NORD, nord, IN_REVIEW))
                .contains("budget.project.submissionClosed");
        assertThat(BudgetPermissions.whyNotSubmit(RESIDENT_OF_NORD, nord, PhasePlanTest.day(-1)))
                .contains("budget.project.submissionClosed");
    }

    @Test
    void visitorsAndStaffAreToldInTheWordsOfProjects() {
        assertThat(BudgetPermissions.whyNotSubmit(ANONYMOUS, nord, IN_SUBMISSION))
                .contains("budget.project.signInFirst");
        for (Actor actor : List.of(OFFICE, AGENT_OF_NORD, MODERATOR, ANALYST)) {
            assertThat(BudgetPermissions.whyNotSubmit(actor, nord, IN_SUBMISSION)).as(actor.username())
                    .contains("budget.project.residentsOnly");
            assertThat(BudgetPermissions.whyNotSupport(actor, Budgets.submitted(nord, "alice"), IN_SUBMISSION))
                    .as(actor.username()).contains("budget.project.residentsOnly");
        }
        assertThat(BudgetPermissions.whyNotSupport(ANONYMOUS, Budgets.submitted(nord, "alice"), IN_SUBMISSION))
                .contains("budget.project.signInFirst");
    }

    @Test
    void residentsSupportTheProjectsOfTheirEnvelopesUnlessMergedDuringSubmission() {
        BudgetProject project = Budgets.submitted(nord, "carol");

        assertThat(BudgetPermissions.whyNotSupport(RESIDENT_OF_NORD, project, IN_SUBMISSION)).isEmpty();
        assertThat(BudgetPermissions.whyNotSupport(RESIDENT_OF_SUD, project, IN_SUBMISSION))
                .contains("budget.vote.otherDistrict");
        assertThat(BudgetPermissions.whyNotSupport(RESIDENT_OF_SUD, Budgets.submitted(cityWide, "carol"), IN_SUBMISSION))
                .isEmpty();
        assertThat(BudgetPermissions.whyNotSupport(RESIDENT_OF_NORD, project, IN_REVIEW))
                .contains("budget.project.submissionClosed");
        assertThat(BudgetPermissions.whyNotSupport(RESIDENT_OF_NORD, Budgets.merged(nord, "carol"), IN_SUBMISSION))
                .contains("budget.review.merged");
    }

    @Test
    void onlyItsAuthorsEditAProjectBeforeItsReviewAndDuringSubmission() {
        BudgetProject project = Budgets.submitted(nord, "alice");

        assertThat(BudgetPermissions.whyNotEdit(RESIDENT_OF_NORD, project, IN_SUBMISSION)).isEmpty();
        for (Actor actor : List.of(RESIDENT_OF_SUD, resident("carol", NORD, 1990), OFFICE, AGENT_OF_NORD, ANONYMOUS)) {
            assertThat(BudgetPermissions.whyNotEdit(actor, project, IN_SUBMISSION)).as(actor.username())
                    .contains("budget.project.authorsOnly");
        }
        assertThat(BudgetPermissions.whyNotEdit(RESIDENT_OF_NORD, project, IN_REVIEW))
                .contains("budget.project.submissionClosed");
        for (BudgetProject reviewed : List.of(Budgets.feasible(nord, "alice"), Budgets.notFeasible(nord, "alice"),
                Budgets.merged(nord, "alice"))) {
            assertThat(BudgetPermissions.whyNotEdit(RESIDENT_OF_NORD, reviewed, IN_SUBMISSION))
                    .as(reviewed.getStatus().name()).contains("budget.project.alreadyReviewed");
        }
    }

    @Test
    void theEnvelopesManagersReviewItsProjectsUntilTheVoteOpens() {
        assertThat(BudgetPermissions.whyNotReview(OFFICE, nord, IN_REVIEW)).isEmpty();
        assertThat(BudgetPermissions.whyNotReview(OFFICE, cityWide, IN_SUBMISSION)).isEmpty();
        assertThat(BudgetPermissions.whyNotReview(AGENT_OF_NORD, nord, BEFORE_VOTE)).isEmpty();
        for (Actor actor : List.of(AGENT_OF_SUD, RESIDENT_OF_NORD, MODERATOR, ANALYST, ANONYMOUS)) {
            assertThat(BudgetPermissions.whyNotReview(actor, nord, IN_REVIEW)).as(actor.username())
                    .contains("budget.envelope.notAllowed");
        }
        assertThat(BudgetPermissions.whyNotReview(AGENT_OF_NORD, cityWide, IN_REVIEW))
                .contains("budget.envelope.notAllowed");
        assertThat(BudgetPermissions.whyNotReview(AGENT_OF_NORD, nord, IN_VOTE)).contains("budget.call.rulesLocked");
        assertThat(BudgetPermissions.whyNotReview(OFFICE, nord, IN_RESULTS)).contains("budget.call.rulesLocked");
    }

    @Test
    void projectsTakeCommentsUntilTheVoteEndsUnlessMerged() {
        BudgetProject project = Budgets.submitted(nord, "alice");

        assertThat(BudgetPermissions.whyNoComments(project, IN_SUBMISSION)).isEmpty();
        assertThat(BudgetPermissions.whyNoComments(project, IN_VOTE)).isEmpty();
        assertThat(BudgetPermissions.whyNoComments(project, AFTER_VOTE)).contains("budget.comments.voteOver");
        assertThat(BudgetPermissions.whyNoComments(Budgets.merged(nord, "alice"), IN_SUBMISSION))
                .contains("budget.comments.merged");
    }

    // results and follow-up

    @Test
    void nobodySeesACountWhileTheVoteIsOpen() {
        nord.closeCount("agent", IN_VOTE);
        for (Actor actor : EVERYONE) {
            assertThat(BudgetPermissions.canSeeResults(actor, nord, IN_VOTE)).as(actor.username()).isFalse();
        }
    }

    @Test
    void theManagersSeeTheCountOnceTheyClosedItAfterTheVote() {
        for (Actor actor : EVERYONE) {
            assertThat(BudgetPermissions.canSeeResults(actor, nord, AFTER_VOTE)).as(actor.username()).isFalse();
        }

        nord.closeCount("agent", AFTER_VOTE);

        for (Actor actor : EVERYONE) {
            boolean manager = actor == OFFICE || actor == AGENT_OF_NORD;
            assertThat(BudgetPermissions.canSeeResults(actor, nord, AFTER_VOTE)).as(actor.username())
                    .isEqualTo(manager);
        }
    }

    @Test
    void everyoneSeesTheResultsAndTheFollowUpOncePublished() {
        for (Actor actor : EVERYONE) {
            assertThat(BudgetPermissions.canSeeResults(actor, nord, IN_RESULTS)).as(actor.username()).isTrue();
            assertThat(BudgetPermissions.canSeeResults(actor, cityWide, IN_RESULTS)).as(actor.username()).isTrue();
        }
        assertThat(BudgetPermissions.canReadFollowUp(call, AFTER_VOTE)).isFalse();
        assertThat(BudgetPermissions.canReadFollowUp(call, IN_RESULTS)).isTrue();
    }

    @Test
    void theEnvelopesManagersFollowUpItsWinnersOnceTheResultsArePublic() {
        assertThat(BudgetPermissions.whyNotFollowUp(OFFICE, cityWide, IN_RESULTS)).isEmpty();
        assertThat(BudgetPermissions.whyNotFollowUp(AGENT_OF_NORD, nord, IN_RESULTS)).isEmpty();
        assertThat(BudgetPermissions.canFollowUp(AGENT_OF_NORD, nord, IN_RESULTS)).isTrue();
        assertThat(BudgetPermissions.whyNotFollowUp(AGENT_OF_NORD, nord, AFTER_VOTE)).contains("budget.followup.notYet");
        assertThat(BudgetPermissions.canFollowUp(OFFICE, nord, AFTER_VOTE)).isFalse();
        for (Actor actor : List.of(AGENT_OF_SUD, RESIDENT_OF_NORD, MODERATOR, ANALYST, ANONYMOUS)) {
            assertThat(BudgetPermissions.whyNotFollowUp(actor, nord, IN_RESULTS)).as(actor.username())
                    .contains("budget.envelope.notAllowed");
            assertThat(BudgetPermissions.canFollowUp(actor, nord, IN_RESULTS)).as(actor.username()).isFalse();
        }
        assertThat(BudgetPermissions.whyNotFollowUp(AGENT_OF_NORD, cityWide, IN_RESULTS))
                .contains("budget.envelope.notAllowed");
    }

    // the town-hall desk

    @Test
    void staffRecordBallotsAtTheDeskInTheEnvelopesTheyManage() {
        assertThat(BudgetPermissions.canRecordAtDesk(OFFICE, sud, Optional.of(SUD))).isTrue();
        assertThat(BudgetPermissions.canRecordAtDesk(OFFICE, cityWide, Optional.empty())).isTrue();
        assertThat(BudgetPermissions.canRecordAtDesk(AGENT_OF_NORD, nord, Optional.of(NORD))).isTrue();
        assertThat(BudgetPermissions.canRecordAtDesk(AGENT_OF_NORD, sud, Optional.of(SUD))).isFalse();
        assertThat(BudgetPermissions.canRecordAtDesk(AGENT_OF_NORD, sud.getDistrict(), Optional.of(NORD))).isFalse();
        for (Actor actor : List.of(RESIDENT_OF_NORD, MODERATOR, ANALYST, ANONYMOUS)) {
            assertThat(BudgetPermissions.canRecordAtDesk(actor, nord, Optional.of(NORD))).as(actor.username()).isFalse();
            assertThat(BudgetPermissions.canRecordAtDesk(actor, cityWide, Optional.of(NORD))).as(actor.username())
                    .isFalse();
        }
    }

    @Test
    void anAgentRecordsTheCityWideBallotOfAResidentOfTheirDistrictsOnly() {
        assertThat(BudgetPermissions.canRecordAtDesk(AGENT_OF_NORD, cityWide, Optional.of(NORD))).isTrue();
        assertThat(BudgetPermissions.canRecordAtDesk(AGENT_OF_NORD, cityWide, Optional.of(SUD))).isFalse();
        assertThat(BudgetPermissions.canRecordAtDesk(AGENT_OF_NORD, cityWide, Optional.empty())).isFalse();
        assertThat(BudgetPermissions.canRecordAtDesk(AGENT_OF_SUD, Optional.empty(), Optional.of(SUD))).isTrue();
    }

    @Test
    void theDeskPageOpensToTheEnvelopesManagersAndToEveryAgentForTheCityWideOne() {
        assertThat(BudgetPermissions.canOpenDesk(OFFICE, nord)).isTrue();
        assertThat(BudgetPermissions.canOpenDesk(OFFICE, cityWide)).isTrue();
        assertThat(BudgetPermissions.canOpenDesk(AGENT_OF_NORD, nord)).isTrue();
        assertThat(BudgetPermissions.canOpenDesk(AGENT_OF_NORD, sud)).isFalse();
        assertThat(BudgetPermissions.canOpenDesk(AGENT_OF_NORD, cityWide)).isTrue();
        assertThat(BudgetPermissions.canOpenDesk(AGENT_OF_SUD, cityWide)).isTrue();
        for (Actor actor : List.of(RESIDENT_OF_NORD, MODERATOR, ANALYST, ANONYMOUS)) {
            assertThat(BudgetPermissions.canOpenDesk(actor, nord)).as(actor.username()).isFalse();
            assertThat(BudgetPermissions.canOpenDesk(actor, cityWide)).as(actor.username()).isFalse();
        }
    }
}
