package org.agora.budget.call;

import static org.agora.budget.project.Budgets.AFTER_VOTE;
import static org.agora.budget.project.Budgets.AGENT_OF_NORD;
import static org.agora.budget.project.Budgets.AGENT_OF_SUD;
import static org.agora.budget.project.Budgets.ANALYST;
import static org.agora.budget.project.Budgets.ANONYMOUS;
import static org.agora.budget.project.Budgets.BEFORE_VOTE;
import static org.agora.budget.project.Budgets.EVERYONE;
import static org.agora.budget.project.Budgets.IN_RESULTS;
import static org.agora.budget.project.Budgets.IN_VOTE;
import static org.agora.budget.project.Budgets.MODERATOR;
import static org.agora.budget.project.Budgets.NORD;
import static org.agora.budget.project.Budgets.OFFICE;
import static org.agora.budget.project.Budgets.RESIDENT_OF_NORD;
import static org.agora.budget.project.Budgets.RESIDENT_OF_SUD;
import static org.agora.budget.project.Budgets.SUD;
import static org.agora.budget.project.Budgets.cityWide;
import static org.agora.budget.project.Budgets.nord;
import static org.agora.budget.project.Budgets.resident;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.agora.budget.project.Budgets;
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
