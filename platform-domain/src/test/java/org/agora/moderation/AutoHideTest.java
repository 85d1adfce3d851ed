package org.agora.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.agora.shared.ConflictException;
import org.agora.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

class AutoHideTest {

    static final Instant NOW = Instant.parse("2027-03-01T09:00:00Z");

    static ModerationCase newCase() {
        return new ModerationCase(new ModeratedItem(new ItemRef(ItemKind.COMMENT, 7), "author", Optional.empty(), "x",
                "p", Visibility.SHOWN), NOW);
    }

    @Test
    void theThirdReportHidesAnOpenCaseByDefault() {
        assertThat(AutoHide.DEFAULT.hides(CaseState.OPEN, 2)).isFalse();
        assertThat(AutoHide.DEFAULT.hides(CaseState.OPEN, 3)).isTrue();
        assertThat(new AutoHide(1).hides(CaseState.OPEN, 1)).isTrue();
    }

    @Test
    void reportsDoNotHideWhatAModeratorAlreadyHidOrRejected() {
        assertThat(AutoHide.DEFAULT.hides(CaseState.HIDDEN, 10)).isFalse();
        assertThat(AutoHide.DEFAULT.hides(CaseState.REJECTED, 10)).isFalse();
        assertThat(AutoHide.DEFAULT.hides(CaseState.PENDING, 10)).isFalse();
    }

    @Test
    void aThresholdBelowOneIsRefused() {
        assertThatThrownBy(() -> new AutoHide(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aKeptItemCountsItsReportsAgainFromZero() {
        ModerationCase c = newCase();
        assertThat(c.reported(AutoHide.DEFAULT, true, NOW)).isFalse();
        assertThat(c.reported(AutoHide.DEFAULT, true, NOW)).isFalse();
        c.keep("moderator", NOW);
        assertThat(c.getState()).isEqualTo(CaseState.KEPT);
        assertThat(c.getOpenReports()).isZero();

        assertThat(c.reported(AutoHide.DEFAULT, true, NOW)).isFalse();
        assertThat(c.getState()).isEqualTo(CaseState.OPEN);
        assertThat(c.reported(AutoHide.DEFAULT, true, NOW)).isFalse();
        assertThat(c.reported(AutoHide.DEFAULT, true, NOW)).isTrue();
        assertThat(c.getState()).isEqualTo(CaseState.PENDING);
        assertThat(c.visibility()).isEqualTo(Visibility.PENDING_REVIEW);
    }

    @Test
    void anItemItsOwnerSaysMayNotBeHiddenStaysOpenWhateverTheReports() {
        ModerationCase c = newCase();
        for (int i = 0; i < 5; i++) {
            assertThat(c.reported(AutoHide.DEFAULT, false, NOW)).isFalse();
        }
        assertThat(c.getState()).isEqualTo(CaseState.OPEN);
        assertThat(c.getOpenReports()).isEqualTo(5);
    }

    @Test
    void decisionsFollowTheCaseStates() {
        ModerationCase c = newCase();
        assertThatThrownBy(() -> c.restore("moderator", NOW)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> c.hide(" ", "moderator", NOW)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.messageKey()).isEqualTo("moderation.reason.required"));
        c.hide("Propos injurieux", "moderator", NOW);
        assertThat(c.visibility()).isEqualTo(Visibility.hidden("Propos injurieux"));
        assertThatThrownBy(() -> c.keep("moderator", NOW)).isInstanceOf(ConflictException.class);
        c.restore("moderator", NOW);
        assertThat(c.visibility()).isEqualTo(Visibility.SHOWN);
        assertThat(c.getDecidedBy()).contains("moderator");
    }

    @Test
    void otherNeedsATextAndReportsAreKeptAsPlainText() {
        assertThatThrownBy(() -> Report.details(ReportReason.OTHER, "  ")).isInstanceOfSatisfying(
                InvalidInputException.class, e -> assertThat(e.messageKey()).isEqualTo("moderation.report.detailsRequired"));
        assertThatThrownBy(() -> Report.details(null, "x")).isInstanceOf(InvalidInputException.class);
        assertThat(Report.details(ReportReason.SPAM, "  ")).isNull();
        assertThat(Report.details(ReportReason.OTHER, " <b>x</b> ")).isEqualTo("<b>x</b>");
    }
}
