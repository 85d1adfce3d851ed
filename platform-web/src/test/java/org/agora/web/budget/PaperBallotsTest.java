package org.agora.web.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.agora.budget.counting.Ballot;
import org.agora.budget.counting.ProjectId;
import org.agora.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

class PaperBallotsTest {

    @Test
    void oneBallotPerLineBlankLinesSkipped() {
        List<Ballot> ballots = PaperBallots.parse("12, 15\n\n  18 \r\n", "KNAPSACK");

        assertThat(ballots).containsExactly(Ballot.Approval.of("12", "15"), Ballot.Approval.of("18"));
    }

    @Test
    void pointsAndRankingsKeepTheirMeaning() {
        assertThat(PaperBallots.parse("12:3, 15:2", "CUMULATIVE"))
                .containsExactly(new Ballot.Cumulative(Map.of(new ProjectId("12"), 3, new ProjectId("15"), 2)));
        assertThat(PaperBallots.parse("15, 12", "ORDINAL")).containsExactly(Ballot.Ordinal.of("15", "12"));
    }

    @Test
    void anUnreadableLineIsRefusedWithItsNumber() {
        assertThatThrownBy(() -> PaperBallots.parse("12, 15\n12, douze", "APPROVAL"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("budget.paper.lineMalformed");
                    assertThat(e.arguments()).containsExactly(2, "12, douze");
                });
        assertThatThrownBy(() -> PaperBallots.parse("12, 12", "APPROVAL")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> PaperBallots.parse("12:3, 12:1", "CUMULATIVE")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> PaperBallots.parse("12", "CUMULATIVE")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> PaperBallots.parse(" \n ", "APPROVAL"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("budget.paper.none"));
    }
}
