package org.agora.web.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.agora.consultation.FreeTexts;
import org.agora.consultation.ResponseService.TextAnswer;
import org.agora.web.consultation.ResultsPage.TextRow;
import org.agora.web.consultation.ResultsPage.TextsShown;
import org.junit.jupiter.api.Test;

/** The page of free-text answers the results page shows for a question, and its previous and next buttons. */
class TextsShownTest {

    private static FreeTexts found(int onThisPage, long total) {
        return new FreeTexts(IntStream.range(0, onThisPage)
                .mapToObj(i -> new TextAnswer(100 + i, 2, "texte " + i, i % 2 == 0)).toList(), total);
    }

    @Test
    void theRowsAreTheAnswersAsTheDomainGaveThem() {
        TextsShown shown = TextsShown.page(found(2, 2), 0);
        assertThat(shown.rows()).containsExactly(new TextRow(100, 2, "texte 0", true), new TextRow(101, 2, "texte 1", false));
    }

    @Test
    void theFirstPageHasNoPreviousAndANextOnlyWhenMoreAnswersFollow() {
        int perPage = ResultsPage.TEXTS_PER_PAGE;
        assertThat(TextsShown.page(found(perPage, perPage), 0)).extracting(TextsShown::previous, TextsShown::next)
                .containsExactly(false, false);
        assertThat(TextsShown.page(found(perPage, perPage + 1), 0)).extracting(TextsShown::previous, TextsShown::next)
                .containsExactly(false, true);
        assertThat(TextsShown.page(found(0, 0), 0).rows()).isEqualTo(List.of());
    }

    @Test
    void aLaterPageHasAPreviousAndANextUntilTheLastAnswer() {
        int perPage = ResultsPage.TEXTS_PER_PAGE;
        assertThat(TextsShown.page(found(perPage, 3L * perPage), 1)).extracting(TextsShown::previous, TextsShown::next)
                .containsExactly(true, true);
        assertThat(TextsShown.page(found(1, 2L * perPage + 1), 2)).extracting(TextsShown::previous, TextsShown::next)
                .containsExactly(true, false);
    }
}
