package org.agora.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.agora.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

class QuestionSpecTest {

    @Test
    void everyQuestionTypeGoesToASpecAndBackUnchanged() {
        for (Question question : ConsultationPersistenceContract.ALL_TYPES) {
            assertThat(QuestionSpec.of(question).toQuestion()).isEqualTo(question);
        }
    }

    @Test
    void theTypeOfEachQuestionIsNamed() {
        assertThat(ConsultationPersistenceContract.ALL_TYPES).extracting(QuestionType::of).containsExactly(
                QuestionType.SINGLE_CHOICE, QuestionType.MULTIPLE_CHOICE, QuestionType.SHORT_TEXT,
                QuestionType.LONG_TEXT, QuestionType.SCALE, QuestionType.NUMBER, QuestionType.RANKING,
                QuestionType.MATRIX);
    }

    @Test
    void aMultipleChoiceWithoutMaximumAllowsEveryOption() {
        QuestionSpec spec = new QuestionSpec(QuestionType.MULTIPLE_CHOICE, "q", "Q ?", "", false, null, null,
                List.of(new Option("a", "A"), new Option("b", "B"), new Option("c", "C")), null, null, null, null, null, null);

        assertThat(((Question.MultipleChoice) spec.toQuestion()).maxChoices()).isEqualTo(3);
    }

    @Test
    void aScaleNeedsWholeBounds() {
        QuestionSpec spec = new QuestionSpec(QuestionType.SCALE, "q", "Q ?", "", false, null, null, null, null, null,
                new BigDecimal("1.5"), BigDecimal.TEN, null, null);

        assertThatThrownBy(spec::toQuestion).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aSpecWithoutTypeIsRefused() {
        QuestionSpec spec = new QuestionSpec(null, "q", "Q ?", "", false, null, null, null, null, null, null, null, null, null);

        assertThatThrownBy(spec::toQuestion).isInstanceOf(InvalidInputException.class).hasMessageStartingWith("validation.required");
    }
}
