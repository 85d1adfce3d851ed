package org.agora.consultation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Counts the answers of one question, one response at a time, into its {@link Figures}. It keeps counters per
 * option (per distinct value for a number question), never the answers themselves. Answers that are not of the
 * question's kind, and options the question does not have, are not counted: responses are checked before they
 * are kept, so these do not occur.
 */
sealed interface AnswerCounter {

    /** Counts one non-empty answer to the question. */
    void add(Answer answer);

    Figures figures();

    static AnswerCounter of(Question question) {
        if (question instanceof Question.SingleChoice single) {
            return new ChoiceCounter(single.options());
        }
        if (question instanceof Question.MultipleChoice multiple) {
            return new ChoiceCounter(multiple.options());
        }
        if (question instanceof Question.Scale scale) {
            return new ScaleCounter(scale.min(), scale.max());
        }
        if (question instanceof Question.NumberQuestion) {
            return new NumberCounter();
        }
        if (question instanceof Question.Ranking ranking) {
            return new RankingCounter(ranking.options());
        }
        if (question instanceof Question.Matrix matrix) {
            return new MatrixCounter(matrix.rows(), matrix.columns());
        }
        return new TextCounter();
    }

    /** Percent of {@code whole}, one decimal, half up; 0.0 of nothing. */
    private static BigDecimal percentage(long part, long whole) {
        if (whole == 0) {
            return BigDecimal.ZERO.setScale(1);
        }
        return BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    /** Two decimals, half up; empty when there is nothing to divide by. */
    private static Optional<BigDecimal> average(BigDecimal sum, long count) {
        return count == 0
                ? Optional.empty()
                : Optional.of(sum.divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP));
    }

    private static Map<String, Integer> positions(List<Option> options) {
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < options.size(); i++) {
            positions.put(options.get(i).id(), i);
        }
        return positions;
    }

    private static List<Figures.OptionCount> optionCounts(List<Option> options, long[] counts, long whole) {
        List<Figures.OptionCount> result = new ArrayList<>(options.size());
        for (int i = 0; i < options.size(); i++) {
            result.add(new Figures.OptionCount(options.get(i), counts[i], percentage(counts[i], whole)));
        }
        return result;
    }

    final class ChoiceCounter implements AnswerCounter {
        private final List<Option> options;
        private final Map<String, Integer> positions;
        private final long[] counts;
        private long answered;

        ChoiceCounter(List<Option> options) {
            this.options = options;
            this.positions = positions(options);
            this.counts = new long[options.size()];
        }

        @Override
        public void add(Answer answer) {
            if (answer instanceof Answer.Choices choices) {
                answered++;
                for (String id : choices.optionIds()) {
                    Integer position = positions.get(id);
                    if (position != null) {
                        counts[position]++;
                    }
                }
            }
        }

        @Override
        public Figures figures() {
            return new Figures.Choice(answered, optionCounts(options, counts, answered));
        }
    }

    final class ScaleCounter implements AnswerCounter {
        private final int min;
        private final long[] counts;
        private long answered;
        private long sum;

        ScaleCounter(int min, int max) {
            this.min = min;
            this.counts = new long[max - min + 1];
        }

        @Override
        public void add(Answer answer) {
            if (answer instanceof Answer.Number number) {
                int index = number.value().intValue() - min;
                if (index >= 0 && index < counts.length) {
                    answered++;
                    sum += number.value().intValue();
                    counts[index]++;
                }
            }
        }

        @Override
        public Figures figures() {
            List<Figures.ValueCount> distribution = new ArrayList<>(counts.length);
            for (int i = 0; i < counts.length; i++) {
                distribution.add(new Figures.ValueCount(min + i, counts[i]));
            }
            return new Figures.Scale(answered, average(BigDecimal.valueOf(sum), answered), distribution);
        }
    }

    /** Keeps how often each distinct value was given: enough for an exact median without keeping every answer. */
    final class NumberCounter implements AnswerCounter {
        private final TreeMap<BigDecimal, Long> frequencies = new TreeMap<>();
        private BigDecimal sum = BigDecimal.ZERO;
        private long answered;

        @Override
        public void add(Answer answer) {
            if (answer instanceof Answer.Number number) {
                answered++;
                sum = sum.add(number.value());
                frequencies.merge(number.value(), 1L, Long::sum);
            }
        }

        @Override
        public Figures figures() {
            if (answered == 0) {
                return new Figures.Number(0, Optional.empty());
            }
            return new Figures.Number(answered, Optional.of(new Figures.Summary(average(sum, answered).orElseThrow(),
                    frequencies.firstKey(), median(), frequencies.lastKey())));
        }

        /** The middle value, or halfway between the two middle values when their number is even. */
        private BigDecimal median() {
            long lower = (answered - 1) / 2; // 0-based positions in the sorted answers
            long upper = answered / 2;
            BigDecimal atLower = null;
            long seen = 0;
            for (Map.Entry<BigDecimal, Long> entry : frequencies.entrySet()) {
                seen += entry.getValue();
                if (atLower == null && seen > lower) {
                    atLower = entry.getKey();
                }
                if (seen > upper) {
                    return atLower.add(entry.getKey()).divide(BigDecimal.valueOf(2));
                }
            }
            throw new IllegalStateException("fewer values than answers");
        }
    }

    final class RankingCounter implements AnswerCounter {
        private final List<Option> options;
        private final Map<String, Integer> positions;
        private final long[] scores;
        private final long[] rankSums;
        private final long[] ranked;
        private long answered;

        RankingCounter(List<Option> options) {
            this.options = options;
            this.positions = positions(options);
            this.scores = new long[options.size()];
            this.rankSums = new long[options.size()];
            this.ranked = new long[options.size()];
        }

        @Override
        public void add(Answer answer) {
            if (answer instanceof Answer.Ranking ranking) {
                answered++;
                List<String> order = ranking.optionIds();
                for (int rank = 1; rank <= order.size(); rank++) {
                    Integer position = positions.get(order.get(rank - 1));
                    if (position != null) {
                        scores[position] += options.size() + 1 - rank;
                        rankSums[position] += rank;
                        ranked[position]++;
                    }
                }
            }
        }

        @Override
        public Figures figures() {
            List<Figures.RankedOption> result = new ArrayList<>(options.size());
            for (int i = 0; i < options.size(); i++) {
                result.add(new Figures.RankedOption(options.get(i), scores[i],
                        average(BigDecimal.valueOf(rankSums[i]), ranked[i])));
            }
            result.sort(Comparator.comparingLong(Figures.RankedOption::score).reversed()); // stable: ties keep order
            return new Figures.Ranking(answered, result);
        }
    }

    final class MatrixCounter implements AnswerCounter {
        private final List<Option> rows;
        private final List<Option> columns;
        private final Map<String, Integer> rowPositions;
        private final Map<String, Integer> columnPositions;
        private final long[][] counts;
        private final long[] rowAnswers;
        private long answered;

        MatrixCounter(List<Option> rows, List<Option> columns) {
            this.rows = rows;
            this.columns = columns;
            this.rowPositions = positions(rows);
            this.columnPositions = positions(columns);
            this.counts = new long[rows.size()][columns.size()];
            this.rowAnswers = new long[rows.size()];
        }

        @Override
        public void add(Answer answer) {
            if (answer instanceof Answer.Matrix matrix) {
                answered++;
                matrix.columnByRow().forEach((rowId, columnId) -> {
                    Integer row = rowPositions.get(rowId);
                    Integer column = columnPositions.get(columnId);
                    if (row != null && column != null) {
                        rowAnswers[row]++;
                        counts[row][column]++;
                    }
                });
            }
        }

        @Override
        public Figures figures() {
            List<Figures.RowCounts> result = new ArrayList<>(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                result.add(new Figures.RowCounts(rows.get(i), rowAnswers[i],
                        optionCounts(columns, counts[i], rowAnswers[i])));
            }
            return new Figures.Matrix(answered, result);
        }
    }

    final class TextCounter implements AnswerCounter {
        private long answered;

        @Override
        public void add(Answer answer) {
            if (answer instanceof Answer.Text) {
                answered++;
            }
        }

        @Override
        public Figures figures() {
            return new Figures.Text(answered);
        }
    }
}
