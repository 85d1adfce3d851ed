package org.agora.budget.project;

import static org.agora.budget.project.Budgets.AFTER_VOTE;
import static org.agora.budget.project.Budgets.AGENT_OF_NORD;
import static org.agora.budget.project.Budgets.AGENT_OF_SUD;
import static org.agora.budget.project.Budgets.ANALYST;
import static org.agora.budget.project.Budgets.ANONYMOUS;
import static org.agora.budget.project.Budgets.BEFORE_VOTE;
import static org.agora.budget.project.Budgets.IN_RESULTS;
import static org.agora.budget.project.Budgets.IN_REVIEW;
import static org.agora.budget.project.Budgets.IN_SUBMISSION;
import static org.agora.budget.project.Budgets.IN_VOTE;
import static org.agora.budget.project.Budgets.MODERATOR;
import static org.agora.budget.project.Budgets.NORD;
import static org.agora.budget.project.Budgets.OFFICE;
import static org.agora.budget.project.Budgets.RESIDENT_OF_NORD;
import static org.agora.budget.project.Budgets.RESIDENT_OF_SUD;
import static org.agora.budget.project.Budgets.cityWide;
import static org.agora.budget.project.Budgets.nord;
import static org.agora.budget.project.Budgets.resident;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.agora.budget.call.BudgetCall;
import org.agora.budget.call.Envelope;
import org.agora.budget.call.PhasePlanTest;
import org.agora.shared.Actor;
import org.junit.jupiter.api.Test;

/** Who may propose, support, edit, review and discuss the projects of a call of Nord, Sud and the whole city, in each of its phases. */
class ProjectPermissionsTest {

    private final BudgetCall call = Budgets.call();
    private final Envelope nord = nord(call);
    private final Envelope cityWide = cityWide(call);

    // projects

    @Test
    void residentsSubmitProjectsToTheirEnvelopesDuringTheSubmissionPhase() {
        assertThat(ProjectPermissions.whyNotSubmit(RESIDENT_OF_NORD, nord, IN_SUBMISSION)).isEmpty();
        assertThat(ProjectPermissions.whyNotSubmit(RESIDENT_OF_SUD, cityWide, IN_SUBMISSION)).isEmpty();
        assertThat(ProjectPermissions.whyNotSubmit(RESIDENT_OF_SUD, nord, IN_SUBMISSION))
                .contains("budget.vote.otherDistrict");
        assertThat(ProjectPermissions.whyNotSubmit(RESIDENT_OF_NORD, nord, IN_REVIEW))
                .contains("budget.project.submissionClosed");
        assertThat(ProjectPermissions.whyNotSubmit(RESIDENT_OF_NORD, nord, PhasePlanTest.day(-1)))
                .contains("budget.project.submissionClosed");
    }

    @Test
    void visitorsAndStaffAreToldInTheWordsOfProjects() {
        assertThat(ProjectPermissions.whyNotSubmit(ANONYMOUS, nord, IN_SUBMISSION))
                .contains("budget.project.signInFirst");
        for (Actor actor : List.of(OFFICE, AGENT_OF_NORD, MODERATOR, ANALYST)) {
            assertThat(ProjectPermissions.whyNotSubmit(actor, nord, IN_SUBMISSION)).as(actor.username())
                    .contains("budget.project.residentsOnly");
            assertThat(ProjectPermissions.whyNotSupport(actor, Budgets.submitted(nord, "alice"), IN_SUBMISSION))
                    .as(actor.username()).contains("budget.project.residentsOnly");
        }
        assertThat(ProjectPermissions.whyNotSupport(ANONYMOUS, Budgets.submitted(nord, "alice"), IN_SUBMISSION))
                .contains("budget.project.signInFirst");
    }

    @Test
    void residentsSupportTheProjectsOfTheirEnvelopesUnlessMergedDuringSubmission() {
        BudgetProject project = Budgets.submitted(nord, "carol");

        assertThat(ProjectPermissions.whyNotSupport(RESIDENT_OF_NORD, project, IN_SUBMISSION)).isEmpty();
        assertThat(ProjectPermissions.whyNotSupport(RESIDENT_OF_SUD, project, IN_SUBMISSION))
                .contains("budget.vote.otherDistrict");
        assertThat(ProjectPermissions.whyNotSupport(RESIDENT_OF_SUD, Budgets.submitted(cityWide, "carol"), IN_SUBMISSION))
                .isEmpty();
        assertThat(ProjectPermissions.whyNotSupport(RESIDENT_OF_NORD, project, IN_REVIEW))
                .contains("budget.project.submissionClosed");
        assertThat(ProjectPermissions.whyNotSupport(RESIDENT_OF_NORD, Budgets.merged(nord, "carol"), IN_SUBMISSION))
                .contains("budget.review.merged");
    }

    @Test
    void onlyItsAuthorsEditAProjectBeforeItsReviewAndDuringSubmission() {
        BudgetProject project = Budgets.submitted(nord, "alice");

        assertThat(ProjectPermissions.whyNotEdit(RESIDENT_OF_NORD, project, IN_SUBMISSION)).isEmpty();
        for (Actor actor : List.of(RESIDENT_OF_SUD, resident("carol", NORD, 1990), OFFICE, AGENT_OF_NORD, ANONYMOUS)) {
            assertThat(ProjectPermissions.whyNotEdit(actor, project, IN_SUBMISSION)).as(actor.username())
                    .contains("budget.project.authorsOnly");
        }
        assertThat(ProjectPermissions.whyNotEdit(RESIDENT_OF_NORD, project, IN_REVIEW))
                .contains("budget.project.submissionClosed");
        for (BudgetProject reviewed : List.of(Budgets.feasible(nord, "alice"), Budgets.notFeasible(nord, "alice"),
                Budgets.merged(nord, "alice"))) {
            assertThat(ProjectPermissions.whyNotEdit(RESIDENT_OF_NORD, reviewed, IN_SUBMISSION))
                    .as(reviewed.getStatus().name()).contains("budget.project.alreadyReviewed");
        }
    }

    @Test
    void theEnvelopesManagersReviewItsProjectsUntilTheVoteOpens() {
        assertThat(ProjectPermissions.whyNotReview(OFFICE, nord, IN_REVIEW)).isEmpty();
        assertThat(ProjectPermissions.whyNotReview(OFFICE, cityWide, IN_SUBMISSION)).isEmpty();
        assertThat(ProjectPermissions.whyNotReview(AGENT_OF_NORD, nord, BEFORE_VOTE)).isEmpty();
        for (Actor actor : List.of(AGENT_OF_SUD, RESIDENT_OF_NORD, MODERATOR, ANALYST, ANONYMOUS)) {
            assertThat(ProjectPermissions.whyNotReview(actor, nord, IN_REVIEW)).as(actor.username())
                    .contains("budget.envelope.notAllowed");
        }
        assertThat(ProjectPermissions.whyNotReview(AGENT_OF_NORD, cityWide, IN_REVIEW))
                .contains("budget.envelope.notAllowed");
        assertThat(ProjectPermissions.whyNotReview(AGENT_OF_NORD, nord, IN_VOTE)).contains("budget.call.rulesLocked");
        assertThat(ProjectPermissions.whyNotReview(OFFICE, nord, IN_RESULTS)).contains("budget.call.rulesLocked");
    }

    @Test
    void projectsTakeCommentsUntilTheVoteEndsUnlessMerged() {
        BudgetProject project = Budgets.submitted(nord, "alice");

        assertThat(ProjectPermissions.whyNoComments(project, IN_SUBMISSION)).isEmpty();
        assertThat(ProjectPermissions.whyNoComments(project, IN_VOTE)).isEmpty();
        assertThat(ProjectPermissions.whyNoComments(project, AFTER_VOTE)).contains("budget.comments.voteOver");
        assertThat(ProjectPermissions.whyNoComments(Budgets.merged(nord, "alice"), IN_SUBMISSION))
                .contains("budget.comments.merged");
    }
}
