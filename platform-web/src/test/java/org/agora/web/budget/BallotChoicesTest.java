package org.agora.web.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.agora.budget.counting.Ballot;
import org.agora.budget.counting.VotingRule;
import org.agora.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

class BallotChoicesTest {

    private static BallotChoices ranking() {
        return new BallotChoices(new VotingRule.Ordinal(3), 1000, List.of());
    }

    @Test
    void anApprovalBallotIsTheTickedProjects() {
        BallotChoices choices = new BallotChoices(new VotingRule.Approval(1, 2), 1000, List.of());

        assertThat(choices.getKind()).isEqualTo("APPROVAL");
        assertThat(choices.ballot()).isEqualTo(new Ballot.Approval(java.util.Set.of()));
        assertThat(ranking().getRanks()).containsExactly(1, 2, 3);
    }

    @Test
    void ranksMustFollowEachOtherOnceEach() {
        assertThat(BallotChoices.checkedRanks(List.of(1, 2, 3))).isTrue();
        assertThatThrownBy(() -> BallotChoices.checkedRanks(List.of(1, 1, 2)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("budget.ballot.sameRank"));
        assertThatThrownBy(() -> BallotChoices.checkedRanks(List.of(1, 3)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("budget.ballot.rankGap"));
    }
}
