package org.agora.web.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.agora.consultation.Option;
import org.agora.consultation.Question;
import org.agora.consultation.QuestionSpec;
import org.agora.consultation.QuestionType;
import org.agora.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

class QuestionEditorTest {

    @Test
    void newOptionsAreNumberedByLineAndBlankLinesIgnored() {
        QuestionEditor editor = new QuestionEditor();
        editor.setText("Comment venez-vous ?");
        editor.setOptionsText("  Vélo \r\n\nBus\n   \nÀ  pied\n");

        QuestionSpec spec = editor.toSpec("q1");

        assertThat(spec.options()).containsExactly(new Option("o1", "Vélo"), new Option("o2", "Bus"),
                new Option("o3", "À pied"));
        assertThat(spec.toQuestion()).isInstanceOf(Question.SingleChoice.class);
    }

    @Test
    void anEditedOptionKeepsItsIdWhileItsTextStaysTheSame() {
        QuestionSpec saved = spec(QuestionType.SINGLE_CHOICE, List.of(new Option("o1", "Oui"), new Option("o2", "Non")));
        QuestionEditor editor = QuestionEditor.of(saved);
        assertThat(editor.getOptionsText()).isEqualTo("Oui\nNon");

        editor.setOptionsText("Non\nPeut-être\nOui");

        assertThat(editor.toSpec("q1").options()).containsExactly(new Option("o2", "Non"),
                new Option("o3", "Peut-être"), new Option("o1", "Oui"));
    }

    @Test
    void aRemovedOptionsIdIsNotGivenToANewOne() {
        QuestionEditor editor = QuestionEditor.of(spec(QuestionType.SINGLE_CHOICE,
                List.of(new Option("o1", "A"), new Option("o2", "B"), new Option("o3", "C"))));

        editor.setOptionsText("A\nD");

        assertThat(editor.toSpec("q1").options()).containsExactly(new Option("o1", "A"), new Option("o4", "D"));
    }

    @Test
    void aRepeatedLineGetsItsOwnId() {
        QuestionEditor editor = QuestionEditor.of(spec(QuestionType.SINGLE_CHOICE,
                List.of(new Option("o1", "A"), new Option("o2", "B"))));

        editor.setOptionsText("A\nA");

        assertThat(editor.toSpec("q1").options()).extracting(Option::id).containsExactly("o1", "o3");
    }

    @Test
    void aMatrixHasRowsAndColumnsAndOnlyTheFieldsOfItsType() {
        QuestionEditor editor = new QuestionEditor();
        editor.setType(QuestionType.MATRIX);
        editor.setText("Que pensez-vous de ces lieux ?");
        editor.setRowsText("Parc\nGare");
        editor.setOptionsText("Bien\nMal");
        editor.setMaxChoices(2);
        editor.setMin(BigDecimal.ONE);

        QuestionSpec spec = editor.toSpec("q4");

        assertThat(spec.rows()).containsExactly(new Option("r1", "Parc"), new Option("r2", "Gare"));
        assertThat(spec.options()).containsExactly(new Option("o1", "Bien"), new Option("o2", "Mal"));
        assertThat(spec.maxChoices()).isNull();
        assertThat(spec.min()).isNull();
        assertThat(spec.toQuestion()).isInstanceOf(Question.Matrix.class);
    }

    @Test
    void aScaleStartsFromOneToFiveAndTheDomainRefusesItUpsideDown() {
        QuestionEditor editor = new QuestionEditor();
        editor.setType(QuestionType.SCALE);
        editor.typeChanged();
        assertThat(editor.getMin()).isEqualTo(BigDecimal.ONE);
        assertThat(editor.getMax()).isEqualTo(BigDecimal.valueOf(5));

        editor.setText("Satisfaction");
        editor.setMin(BigDecimal.valueOf(5));
        editor.setMax(BigDecimal.ONE);

        assertThatThrownBy(() -> editor.toSpec("q2").toQuestion())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).contains("max"));
    }

    @Test
    void aConditionIsKeptOnlyWhenAQuestionIsChosen() {
        QuestionEditor editor = new QuestionEditor();
        editor.setType(QuestionType.SHORT_TEXT);
        editor.setText("Pourquoi ?");
        editor.setConditionQuestion("");
        editor.setConditionOption("o1");
        assertThat(editor.toSpec("q2").conditionOption()).isNull();

        editor.setConditionQuestion("q1");
        assertThat(editor.toSpec("q2").conditionQuestion()).isEqualTo("q1");
        assertThat(editor.toSpec("q2").conditionOption()).isEqualTo("o1");
    }

    private static QuestionSpec spec(QuestionType type, List<Option> options) {
        return new QuestionSpec(type, "q1", "Êtes-vous d'accord ?", "", true, null, null, options, List.of(), null,
                null, null, null, null);
    }
}
