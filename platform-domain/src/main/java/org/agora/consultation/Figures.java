package org.agora.consultation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * What a group of responses (all of them, or those of one district) says about one question, by question kind.
 * {@link #answered()} is the number of responses that answered the question; percentages and averages are of
 * those, never of all responses.
 */
public sealed interface Figures {

    long answered();

    /** How many chose an option, and what share of those who answered (percent, one decimal). */
    record OptionCount(Option option, long count, BigDecimal percentage) {
    }

    /** Single or multiple choice: the options in questionnaire order. */
    record Choice(long answered, List<OptionCount> options) implements Figures {
        public Choice {
            options = List.copyOf(options);
        }
    }

    /** How many gave one value of a scale. */
    record ValueCount(int value, long count) {
    }

    /** A scale: the average (two decimals; empty when nobody answered) and the count of each value, min to max. */
    record Scale(long answered, Optional<BigDecimal> average, List<ValueCount> distribution) implements Figures {
        public Scale {
            distribution = List.copyOf(distribution);
        }
    }

    /** Where the numbers given lie; the average has two decimals, the others are exact. */
    record Summary(BigDecimal average, BigDecimal minimum, BigDecimal median, BigDecimal maximum) {
    }

    /** A number question: its summary, empty when nobody answered. */
    record Number(long answered, Optional<Summary> summary) implements Figures {
    }

    /** One option of a ranking: its Borda score and its average rank (1 = first; two decimals). */
    record RankedOption(Option option, long score, Optional<BigDecimal> averageRank) {
    }

    /**
     * A ranking, scored by the Borda count (with n options, first place gives n points, last place 1), best score
     * first; equal scores keep the questionnaire's order.
     */
    record Ranking(long answered, List<RankedOption> options) implements Figures {
        public Ranking {
            options = List.copyOf(options);
        }
    }

    /** One row of a matrix: how many answered it, and the count of each column (percent of the row's answers). */
    record RowCounts(Option row, long answered, List<OptionCount> columns) {
        public RowCounts {
            columns = List.copyOf(columns);
        }
    }

    /** A matrix, row by row; {@link #answered()} counts those who answered at least one row. */
    record Matrix(long answered, List<RowCounts> rows) implements Figures {
        public Matrix {
            rows = List.copyOf(rows);
        }
    }

    /** Free text: only how many wrote something; the texts are read page by page elsewhere. */
    record Text(long answered) implements Figures {
    }
}
