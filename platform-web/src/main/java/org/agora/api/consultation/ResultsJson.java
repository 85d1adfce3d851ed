package org.agora.api.consultation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.agora.consultation.Figures;
import org.agora.consultation.QuestionResults;
import org.agora.consultation.QuestionType;
import org.agora.consultation.VisibleResults;

/**
 * The results of a consultation in the API: per question, its figures overall and by district of residence. While
 * the responses of an anonymous consultation are sealed ({@code sealedUntilClose}), {@code responses} is the number
 * of residents who answered and there are no questions yet.
 */
public record ResultsJson(long responses, boolean sealedUntilClose, List<QuestionJson> questions) {

    /**
     * One question's figures. {@code counts}: per option (choice; matrix: per row, then per column) or per value
     * (scale); {@code scores}: ranking points per option; {@code average}, {@code minimum}, {@code median},
     * {@code maximum} for scales and numbers; {@code byDistrict}: the same counts per district, groups under 5
     * answers left out and counted in {@code hiddenGroups}.
     */
    public record QuestionJson(String id, QuestionType type, String text, long answered, Map<String, Long> counts,
                               Map<String, Map<String, Long>> rows, Map<String, Long> scores, BigDecimal average,
                               BigDecimal minimum, BigDecimal median, BigDecimal maximum,
                               Map<String, Map<String, Long>> byDistrict, int hiddenGroups) {
    }

    static ResultsJson of(VisibleResults results) {
        if (results.sealed()) {
            return sealed(results.responses());
        }
        return new ResultsJson(results.responses(), false, results.questions().stream()
                .map(q -> question(q.results())).toList());
    }

    private static ResultsJson sealed(long answered) {
        return new ResultsJson(answered, true, List.of());
    }

    private static QuestionJson question(QuestionResults q) {
        Figures overall = q.overall();
        Map<String, Map<String, Long>> byDistrict = new TreeMap<>();
        q.byDistrict().forEach((district, figures) -> {
            Map<String, Long> counts = counts(figures);
            if (counts != null) {
                byDistrict.put(district.value(), counts);
            }
        });
        BigDecimal average = null;
        BigDecimal minimum = null;
        BigDecimal median = null;
        BigDecimal maximum = null;
        if (overall instanceof Figures.Scale scale) {
            average = scale.average().orElse(null);
        } else if (overall instanceof Figures.Number number && number.summary().isPresent()) {
            Figures.Summary summary = number.summary().get();
            average = summary.average();
            minimum = summary.minimum();
            median = summary.median();
            maximum = summary.maximum();
        }
        Map<String, Map<String, Long>> rows = null;
        if (overall instanceof Figures.Matrix matrix) {
            rows = new TreeMap<>();
            for (Figures.RowCounts row : matrix.rows()) {
                Map<String, Long> columns = new TreeMap<>();
                row.columns().forEach(c -> columns.put(c.option().id(), c.count()));
                rows.put(row.row().id(), columns);
            }
        }
        Map<String, Long> scores = null;
        if (overall instanceof Figures.Ranking ranking) {
            scores = new TreeMap<>();
            for (Figures.RankedOption option : ranking.options()) {
                scores.put(option.option().id(), option.score());
            }
        }
        return new QuestionJson(q.question().id(), QuestionType.of(q.question()), q.question().common().text(),
                overall.answered(), counts(overall), rows, scores, average, minimum, median, maximum,
                byDistrict.isEmpty() ? null : byDistrict, q.hiddenGroups());
    }

    private static Map<String, Long> counts(Figures figures) {
        Map<String, Long> counts = new TreeMap<>();
        if (figures instanceof Figures.Choice choice) {
            choice.options().forEach(o -> counts.put(o.option().id(), o.count()));
        } else if (figures instanceof Figures.Scale scale) {
            scale.distribution().forEach(v -> counts.put(String.valueOf(v.value()), v.count()));
        } else {
            return null;
        }
        return counts;
    }
}
