package org.agora.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.agora.consultation.Question.Common;
import org.junit.jupiter.api.Test;

class PublicationTest {

    static final Question COMMENT = new Question.FreeText(Common.of("comment", "Commentaire", false), true);
    static final Question MODE = new Question.SingleChoice(Common.of("mode", "Comment venez-vous ?", false),
            List.of(new Option("bike", "Vélo"), new Option("bus", "Bus")));

    @Test
    void internalQuestionShowsNeitherFiguresNorTexts() {
        assertThat(Publication.NONE.publicFigures()).isFalse();
        assertThat(Publication.NONE.publicTexts(COMMENT)).isFalse();
    }

    @Test
    void publishedFiguresDoNotPublishTheTexts() {
        assertThat(Publication.FIGURES.publicFigures()).isTrue();
        assertThat(Publication.FIGURES.publicTexts(COMMENT)).isFalse();
    }

    @Test
    void publishedTextsComeWithTheFigures() {
        assertThat(Publication.FIGURES_AND_TEXTS.publicFigures()).isTrue();
        assertThat(Publication.FIGURES_AND_TEXTS.publicTexts(COMMENT)).isTrue();
    }

    @Test
    void onlyFreeTextHasTextsToPublish() {
        assertThat(Publication.FIGURES_AND_TEXTS.publicTexts(MODE)).isFalse();
        assertThat(Publication.allowedFor(MODE)).containsExactly(Publication.NONE, Publication.FIGURES);
        assertThat(Publication.allowedFor(COMMENT))
                .containsExactly(Publication.NONE, Publication.FIGURES, Publication.FIGURES_AND_TEXTS);
    }
}
