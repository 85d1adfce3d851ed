package org.agora.consultation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What a resident gave to one question; each question type accepts one kind of answer. */
public sealed interface Answer {

    /** True when the resident gave nothing (no choice, blank text...). */
    boolean isEmpty();

    /** Chosen options of a single or multiple choice question. */
    record Choices(Set<String> optionIds) implements Answer {
        public Choices {
            optionIds = Set.copyOf(optionIds);
        }

        @Override
        public boolean isEmpty() {
            return optionIds.isEmpty();
        }
    }

    record Text(String value) implements Answer {
        @Override
        public boolean isEmpty() {
            return value == null || value.isBlank();
        }
    }

    /** A number question's or a scale's value. */
    record Number(BigDecimal value) implements Answer {
        @Override
        public boolean isEmpty() {
            return value == null;
        }
    }

    /** Options in the resident's order of preference, best first. */
    record Ranking(List<String> optionIds) implements Answer {
        public Ranking {
            optionIds = List.copyOf(optionIds);
        }

        @Override
        public boolean isEmpty() {
            return optionIds.isEmpty();
        }
    }

    /** For each row of a matrix, the column chosen. */
    record Matrix(Map<String, String> columnByRow) implements Answer {
        public Matrix {
            columnByRow = Map.copyOf(columnByRow);
        }

        @Override
        public boolean isEmpty() {
            return columnByRow.isEmpty();
        }
    }
}
