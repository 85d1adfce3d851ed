package org.agora.web.consultation;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.agora.consultation.Answer;
import org.agora.consultation.Option;
import org.agora.consultation.Question;
import org.agora.consultation.QuestionSpec;
import org.agora.consultation.QuestionType;

/**
 * What a resident typed or picked for one question in the answering form, in the shape the inputs need (a
 * number as typed, a rank per item...), turned into an {@link Answer} for the questionnaire's rules.
 */
public class AnswerField implements Serializable {

    private final QuestionSpec spec;
    private String single;
    private List<String> many = new ArrayList<>();
    private String text;
    private String number;
    private final Map<String, String> rankByOption = new HashMap<>();
    private final Map<String, String> columnByRow = new HashMap<>();

    AnswerField(Question question) {
        this.spec = QuestionSpec.of(question);
    }

    /** Fills the inputs from an answer saved before (a draft, or a response being edited). */
    void fill(Answer answer) {
        if (answer instanceof Answer.Choices choices) {
            many = new ArrayList<>(choices.optionIds());
            single = choices.optionIds().stream().findFirst().orElse(null);
        } else if (answer instanceof Answer.Text t) {
            text = t.value();
        } else if (answer instanceof Answer.Number n) {
            number = n.value().toPlainString();
        } else if (answer instanceof Answer.Ranking ranking) {
            IntStream.range(0, ranking.optionIds().size())
                    .forEach(i -> rankByOption.put(ranking.optionIds().get(i), String.valueOf(i + 1)));
        } else if (answer instanceof Answer.Matrix matrix) {
            columnByRow.putAll(matrix.columnByRow());
        }
    }

    /** The answer given, empty when nothing was; a number that is not one is {@link #isNumberMalformed()}. */
    Optional<Answer> answer() {
        QuestionType type = spec.type();
        return switch (type) {
            case SINGLE_CHOICE -> present(single).map(s -> new Answer.Choices(java.util.Set.of(s)));
            case MULTIPLE_CHOICE -> many.isEmpty() ? Optional.empty() : Optional.of(new Answer.Choices(new HashSet<>(many)));
            case SHORT_TEXT, LONG_TEXT -> present(text).map(Answer.Text::new);
            case SCALE, NUMBER -> parsedNumber().map(Answer.Number::new);
            case RANKING -> ranking();
            case MATRIX -> {
                Map<String, String> cells = new HashMap<>();
                columnByRow.forEach((row, column) -> present(column).ifPresent(c -> cells.put(row, c)));
                yield cells.isEmpty() ? Optional.empty() : Optional.of(new Answer.Matrix(cells));
            }
        };
    }

    /** Items ranked by the place picked for each; an item left without a place makes the ranking incomplete. */
    private Optional<Answer> ranking() {
        Map<String, Integer> places = new HashMap<>();
        rankByOption.forEach((option, place) -> present(place).ifPresent(p -> places.put(option, Integer.valueOf(p))));
        if (places.isEmpty()) {
            return Optional.empty();
        }
        List<String> ordered = places.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
        boolean distinct = new HashSet<>(places.values()).size() == places.size();
        return Optional.of(new Answer.Ranking(distinct ? ordered : duplicateMarker(ordered)));
    }

    /** Two items at the same place: repeat one so the questionnaire's rule ("rank every item once") refuses it. */
    private static List<String> duplicateMarker(List<String> ordered) {
        List<String> withRepeat = new ArrayList<>(ordered);
        withRepeat.add(ordered.get(0));
        return withRepeat;
    }

    boolean isNumberMalformed() {
        return (spec.type() == QuestionType.NUMBER || spec.type() == QuestionType.SCALE)
                && present(number).isPresent() && parsedNumber().isEmpty();
    }

    private Optional<BigDecimal> parsedNumber() {
        return present(number).flatMap(n -> {
            try {
                return Optional.of(new BigDecimal(n.strip().replace(',', '.').replace(" ", "").replace("\u00a0", "")));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    private static Optional<String> present(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    public String getId() {
        return spec.id();
    }

    public String getType() {
        return spec.type().name();
    }

    public QuestionSpec getSpec() {
        return spec;
    }

    /** The places an item of a ranking may take: 1 to the number of items. */
    public List<String> getPlaces() {
        return IntStream.rangeClosed(1, spec.options().size()).mapToObj(String::valueOf).toList();
    }

    /** The values of a scale, lowest first. */
    public List<String> getScaleValues() {
        return spec.min() == null || spec.max() == null ? List.of()
                : IntStream.rangeClosed(spec.min().intValue(), spec.max().intValue()).mapToObj(String::valueOf).toList();
    }

    public List<Option> getOptions() {
        return spec.options();
    }

    public List<Option> getRows() {
        return spec.rows();
    }

    public String getSingle() {
        return single;
    }

    public void setSingle(String single) {
        this.single = single;
    }

    public List<String> getMany() {
        return many;
    }

    public void setMany(List<String> many) {
        this.many = many == null ? new ArrayList<>() : new ArrayList<>(many);
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public String getNumber() {
        return number;
    }

    public void setNumber(String number) {
        this.number = number;
    }

    public Map<String, String> getRankByOption() {
        return rankByOption;
    }

    public Map<String, String> getColumnByRow() {
        return columnByRow;
    }
}
