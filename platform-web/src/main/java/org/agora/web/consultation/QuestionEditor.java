package org.agora.web.consultation;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.agora.consultation.Option;
import org.agora.consultation.QuestionSpec;
import org.agora.consultation.QuestionType;
import org.agora.shared.Label;

/**
 * What the organiser types in the question editor: options as text, one per line. {@link #toSpec} turns it into a
 * {@link QuestionSpec} for the domain to check. New options get ids from their line ({@code o1}, {@code o2}...;
 * {@code r1}... for the rows of a matrix); when a question is edited, an option keeps its id as long as its text
 * stays the same, so that conditions and answers that point to it still mean the same choice after lines move.
 */
public class QuestionEditor implements Serializable {

    private static final Pattern NUMBERED = Pattern.compile("[a-z](\\d{1,6})");

    private String questionId;
    private QuestionType type = QuestionType.SINGLE_CHOICE;
    private String text;
    private String help;
    private boolean required;
    private String optionsText;
    private String rowsText;
    private Integer maxChoices;
    private BigDecimal min;
    private BigDecimal max;
    private String minLabel;
    private String maxLabel;
    private String conditionQuestion;
    private String conditionOption;
    private LinkedHashMap<String, String> optionIdsByLabel = new LinkedHashMap<>();
    private LinkedHashMap<String, String> rowIdsByLabel = new LinkedHashMap<>();

    /** An empty editor for a new question. */
    public QuestionEditor() {
    }

    /** The editor filled with a question to change; it keeps the question's id and its options' ids. */
    public static QuestionEditor of(QuestionSpec spec) {
        QuestionEditor editor = new QuestionEditor();
        editor.questionId = spec.id();
        editor.type = spec.type();
        editor.text = spec.text();
        editor.help = spec.help();
        editor.required = spec.required();
        editor.optionsText = lines(spec.options());
        editor.rowsText = lines(spec.rows());
        spec.options().forEach(o -> editor.optionIdsByLabel.putIfAbsent(o.label(), o.id()));
        spec.rows().forEach(o -> editor.rowIdsByLabel.putIfAbsent(o.label(), o.id()));
        editor.maxChoices = spec.maxChoices();
        editor.min = spec.min();
        editor.max = spec.max();
        editor.minLabel = spec.minLabel();
        editor.maxLabel = spec.maxLabel();
        editor.conditionQuestion = spec.conditionQuestion();
        editor.conditionOption = spec.conditionOption();
        return editor;
    }

    private static String lines(List<Option> options) {
        return String.join("\n", options.stream().map(Option::label).toList());
    }

    /** The question as typed, with this id; only the fields its type uses. Malformed options are refused here. */
    public QuestionSpec toSpec(String id) {
        boolean withOptions = isWithOptions();
        List<Option> options = withOptions ? options(optionsText, optionIdsByLabel, "o") : List.of();
        List<Option> rows = isMatrix() ? options(rowsText, rowIdsByLabel, "r") : List.of();
        boolean hasCondition = conditionQuestion != null && !conditionQuestion.isBlank();
        return new QuestionSpec(type, id, text, help, required,
                hasCondition ? conditionQuestion : null, hasCondition ? conditionOption : null,
                options, rows,
                isMultipleChoice() ? maxChoices : null,
                isWithBounds() ? min : null, isWithBounds() ? max : null,
                isScale() ? minLabel : null, isScale() ? maxLabel : null);
    }

    /** One option per non-blank line; a line whose text an option already had keeps that option's id. */
    static List<Option> options(String text, Map<String, String> previousIds, String prefix) {
        List<String> labels = text == null ? List.of()
                : text.lines().map(l -> new Label(l).text()).filter(l -> !l.isEmpty()).toList();
        int highest = previousIds.values().stream().mapToInt(QuestionEditor::number).max().orElse(0);
        Set<String> used = new HashSet<>();
        List<Option> options = new ArrayList<>();
        for (String label : labels) {
            String id = previousIds.get(label);
            if (id == null || !used.add(id)) {
                id = prefix + (++highest);
                used.add(id);
            }
            options.add(new Option(id, label));
        }
        return options;
    }

    private static int number(String id) {
        Matcher m = NUMBERED.matcher(id);
        return m.matches() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** A scale starts as 1 to 5, which is what most organisers want. */
    public void typeChanged() {
        if (type == QuestionType.SCALE && min == null && max == null) {
            min = BigDecimal.ONE;
            max = BigDecimal.valueOf(5);
        }
    }

    // --- which fields the type uses, for the page ---

    public boolean isAdding() {
        return questionId == null;
    }

    public boolean isWithOptions() {
        return type != null && (type.hasOptions() || type == QuestionType.MATRIX);
    }

    public boolean isMatrix() {
        return type == QuestionType.MATRIX;
    }

    public boolean isMultipleChoice() {
        return type == QuestionType.MULTIPLE_CHOICE;
    }

    public boolean isWithBounds() {
        return type == QuestionType.SCALE || type == QuestionType.NUMBER;
    }

    public boolean isScale() {
        return type == QuestionType.SCALE;
    }

    // --- fields ---

    public String getQuestionId() {
        return questionId;
    }

    public QuestionType getType() {
        return type;
    }

    public void setType(QuestionType type) {
        this.type = type;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public String getHelp() {
        return help;
    }

    public void setHelp(String help) {
        this.help = help;
    }

    public boolean isRequired() {
        return required;
    }

    public void setRequired(boolean required) {
        this.required = required;
    }

    public String getOptionsText() {
        return optionsText;
    }

    public void setOptionsText(String optionsText) {
        this.optionsText = optionsText;
    }

    public String getRowsText() {
        return rowsText;
    }

    public void setRowsText(String rowsText) {
        this.rowsText = rowsText;
    }

    public Integer getMaxChoices() {
        return maxChoices;
    }

    public void setMaxChoices(Integer maxChoices) {
        this.maxChoices = maxChoices;
    }

    public BigDecimal getMin() {
        return min;
    }

    public void setMin(BigDecimal min) {
        this.min = min;
    }

    public BigDecimal getMax() {
        return max;
    }

    public void setMax(BigDecimal max) {
        this.max = max;
    }

    public String getMinLabel() {
        return minLabel;
    }

    public void setMinLabel(String minLabel) {
        this.minLabel = minLabel;
    }

    public String getMaxLabel() {
        return maxLabel;
    }

    public void setMaxLabel(String maxLabel) {
        this.maxLabel = maxLabel;
    }

    public String getConditionQuestion() {
        return conditionQuestion;
    }

    public void setConditionQuestion(String conditionQuestion) {
        this.conditionQuestion = conditionQuestion;
    }

    public String getConditionOption() {
        return conditionOption;
    }

    public void setConditionOption(String conditionOption) {
        this.conditionOption = conditionOption;
    }
}
