package org.agora.consultation;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.agora.consultation.Question.Common;
import org.agora.consultation.StoredOption.Role;

/**
 * How a {@link Question} is kept in the database: one row whatever its type, with the columns its type uses,
 * and its options in order. Converting back gives the same question, so its rules apply unchanged.
 */
@Entity
@Table(name = "questions")
public class StoredQuestion {

    enum Kind { SINGLE_CHOICE, MULTIPLE_CHOICE, FREE_TEXT, SCALE, NUMBER, RANKING, MATRIX }

    @Id
    @SequenceGenerator(name = "question_ids", sequenceName = "question_ids", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "question_ids")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "consultation_id")
    private Consultation consultation;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false, length = 40)
    private String code;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Kind kind;

    @Column(nullable = false, length = 120)
    private String text;

    @Column(nullable = false, length = 1000)
    private String help;

    @Column(nullable = false)
    private boolean required;

    @Column(name = "condition_question", length = 40)
    private String conditionQuestion;

    @Column(name = "condition_option", length = 40)
    private String conditionOption;

    @Column(name = "max_choices")
    private Integer maxChoices;

    @Column(name = "long_text", nullable = false)
    private boolean longText;

    @Column(name = "min_value", precision = 19, scale = 4)
    private BigDecimal minValue;

    @Column(name = "max_value", precision = 19, scale = 4)
    private BigDecimal maxValue;

    @Column(name = "min_label", length = 120)
    private String minLabel;

    @Column(name = "max_label", length = 120)
    private String maxLabel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Publication publication = Publication.FIGURES;

    @ElementCollection
    @CollectionTable(name = "question_options", joinColumns = @JoinColumn(name = "question_id"))
    @OrderColumn(name = "position", nullable = false)
    private List<StoredOption> options = new ArrayList<>();

    protected StoredQuestion() {
        // for JPA
    }

    static StoredQuestion of(Consultation consultation, int position, Question question) {
        StoredQuestion stored = new StoredQuestion();
        stored.consultation = consultation;
        stored.position = position;
        Common common = question.common();
        stored.code = common.id();
        stored.text = common.text();
        stored.help = common.help();
        stored.required = common.required();
        common.condition().ifPresent(c -> {
            stored.conditionQuestion = c.questionId();
            stored.conditionOption = c.optionId();
        });
        if (question instanceof Question.SingleChoice q) {
            stored.kind = Kind.SINGLE_CHOICE;
            stored.addAll(Role.OPTION, q.options());
        } else if (question instanceof Question.MultipleChoice q) {
            stored.kind = Kind.MULTIPLE_CHOICE;
            stored.maxChoices = q.maxChoices();
            stored.addAll(Role.OPTION, q.options());
        } else if (question instanceof Question.FreeText q) {
            stored.kind = Kind.FREE_TEXT;
            stored.longText = q.longText();
        } else if (question instanceof Question.Scale q) {
            stored.kind = Kind.SCALE;
            stored.minValue = BigDecimal.valueOf(q.min());
            stored.maxValue = BigDecimal.valueOf(q.max());
            stored.minLabel = q.minLabel();
            stored.maxLabel = q.maxLabel();
        } else if (question instanceof Question.NumberQuestion q) {
            stored.kind = Kind.NUMBER;
            stored.minValue = q.min();
            stored.maxValue = q.max();
        } else if (question instanceof Question.Ranking q) {
            stored.kind = Kind.RANKING;
            stored.addAll(Role.OPTION, q.options());
        } else if (question instanceof Question.Matrix q) {
            stored.kind = Kind.MATRIX;
            stored.addAll(Role.ROW, q.rows());
            stored.addAll(Role.COLUMN, q.columns());
        }
        return stored;
    }

    private void addAll(Role role, List<Option> list) {
        list.forEach(o -> options.add(new StoredOption(role, o)));
    }

    private List<Option> options(Role role) {
        return options.stream().filter(o -> o.role() == role).map(StoredOption::toOption).toList();
    }

    String code() {
        return code;
    }

    Publication publication() {
        return publication;
    }

    void publish(Publication chosen) {
        this.publication = chosen;
    }

    Question toQuestion() {
        Optional<Condition> condition = conditionQuestion == null
                ? Optional.empty() : Optional.of(new Condition(conditionQuestion, conditionOption));
        Common common = new Common(code, text, help, required, condition);
        return switch (kind) {
            case SINGLE_CHOICE -> new Question.SingleChoice(common, options(Role.OPTION));
            case MULTIPLE_CHOICE -> new Question.MultipleChoice(common, options(Role.OPTION), maxChoices);
            case FREE_TEXT -> new Question.FreeText(common, longText);
            case SCALE -> new Question.Scale(common, minValue.intValueExact(), maxValue.intValueExact(), minLabel, maxLabel);
            case NUMBER -> new Question.NumberQuestion(common, minValue, maxValue);
            case RANKING -> new Question.Ranking(common, options(Role.OPTION));
            case MATRIX -> new Question.Matrix(common, options(Role.ROW), options(Role.COLUMN));
        };
    }
}
