package org.agora.web.consultation;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.agora.consultation.Figures;
import org.agora.consultation.Publication;
import org.agora.consultation.Question;
import org.agora.consultation.QuestionResults;
import org.agora.consultation.QuestionType;
import org.agora.consultation.VisibleResults;

/**
 * One question's results as the results page shows them: plain lines (label, count, share), a matrix table or a
 * number summary, and the Chart.js configuration of its chart; whether the person reads its free-text answers. Built
 * from the domain's {@link VisibleResults.ShownQuestion}.
 */
public class QuestionResultView implements Serializable {

    /** One line of a table: an option and its count and share, or a ranked item and its score and average place. */
    public record Line(String label, long count, BigDecimal share) implements Serializable {
        public String getLabel() {
            return label;
        }

        public long getCount() {
            return count;
        }

        public BigDecimal getShare() {
            return share;
        }
    }

    /** A matrix row: its label and one line per column. */
    public record MatrixRow(String label, long answered, List<Line> columns) implements Serializable {
        public String getLabel() {
            return label;
        }

        public long getAnswered() {
            return answered;
        }

        public List<Line> getColumns() {
            return columns;
        }
    }

    /** The figures of one district's residents, for a choice question: who answered and the count per option. */
    public record DistrictLine(String district, long answered, List<Long> counts) implements Serializable {
        public String getDistrict() {
            return district;
        }

        public long getAnswered() {
            return answered;
        }

        public List<Long> getCounts() {
            return counts;
        }
    }

    private final String id;
    private final String text;
    private final QuestionType type;
    private final long answered;
    private final List<Line> lines = new ArrayList<>();
    private final List<MatrixRow> matrix = new ArrayList<>();
    private final List<String> matrixColumns = new ArrayList<>();
    private BigDecimal average;
    private BigDecimal minimum;
    private BigDecimal median;
    private BigDecimal maximum;
    private final List<DistrictLine> byDistrict = new ArrayList<>();
    private final int hiddenGroups;
    private final int districtGroups;
    private final Publication publication;
    private final List<Publication> publicationChoices;
    private final boolean showsTexts;

    QuestionResultView(VisibleResults.ShownQuestion shown, Map<String, String> districtNames) {
        QuestionResults results = shown.results();
        Publication publication = shown.publication();
        Question question = results.question();
        this.id = question.id();
        this.text = question.common().text();
        this.type = QuestionType.of(question);
        this.answered = results.overall().answered();
        this.hiddenGroups = results.hiddenGroups();
        this.districtGroups = results.byDistrict().size();
        this.publication = publication;
        this.publicationChoices = Publication.allowedFor(question);
        this.showsTexts = shown.texts();
        read(results.overall());
        results.byDistrict().forEach((district, figures) -> {
            if (figures instanceof Figures.Choice choice) {
                byDistrict.add(new DistrictLine(districtNames.getOrDefault(district.value(), district.value()),
                        choice.answered(), choice.options().stream().map(Figures.OptionCount::count).toList()));
            }
        });
    }

    private void read(Figures figures) {
        if (figures instanceof Figures.Choice choice) {
            choice.options().forEach(o -> lines.add(new Line(o.option().label(), o.count(), o.percentage())));
        } else if (figures instanceof Figures.Scale scale) {
            scale.distribution().forEach(v -> lines.add(new Line(String.valueOf(v.value()), v.count(), null)));
            average = scale.average().orElse(null);
        } else if (figures instanceof Figures.Number number) {
            number.summary().ifPresent(s -> {
                average = s.average();
                minimum = s.minimum();
                median = s.median();
                maximum = s.maximum();
            });
        } else if (figures instanceof Figures.Ranking ranking) {
            ranking.options().forEach(o -> lines.add(new Line(o.option().label(), o.score(), o.averageRank().orElse(null))));
        } else if (figures instanceof Figures.Matrix m) {
            m.rows().forEach(row -> matrix.add(new MatrixRow(row.row().label(), row.answered(),
                    row.columns().stream().map(c -> new Line(c.option().label(), c.count(), c.percentage())).toList())));
            if (!m.rows().isEmpty()) {
                m.rows().get(0).columns().forEach(c -> matrixColumns.add(c.option().label()));
            }
        }
    }

    /** The Chart.js configuration of a bar chart of the lines, or null when the question has no chart. */
    public String getChart() {
        if (lines.isEmpty() || type == QuestionType.RANKING) {
            return null;
        }
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder counts = Json.createArrayBuilder();
        lines.forEach(l -> {
            labels.add(l.label());
            counts.add(l.count());
        });
        return Json.createObjectBuilder()
                .add("type", "bar")
                .add("data", Json.createObjectBuilder()
                        .add("labels", labels)
                        .add("datasets", Json.createArrayBuilder().add(Json.createObjectBuilder()
                                .add("label", text).add("data", counts).add("backgroundColor", "#1f5f8b"))))
                .add("options", Json.createObjectBuilder()
                        .add("indexAxis", type == QuestionType.SCALE ? "x" : "y")
                        .add("plugins", Json.createObjectBuilder()
                                .add("legend", Json.createObjectBuilder().add("display", false))))
                .build().toString();
    }

    public String getId() {
        return id;
    }

    public String getText() {
        return text;
    }

    public String getType() {
        return type.name();
    }

    public long getAnswered() {
        return answered;
    }

    public List<Line> getLines() {
        return lines;
    }

    public List<MatrixRow> getMatrix() {
        return matrix;
    }

    public List<String> getMatrixColumns() {
        return matrixColumns;
    }

    public BigDecimal getAverage() {
        return average;
    }

    public BigDecimal getMinimum() {
        return minimum;
    }

    public BigDecimal getMedian() {
        return median;
    }

    public BigDecimal getMaximum() {
        return maximum;
    }

    public List<DistrictLine> getByDistrict() {
        return byDistrict;
    }

    public int getHiddenGroups() {
        return hiddenGroups;
    }

    public int getDistrictGroups() {
        return districtGroups;
    }

    public Publication getPublication() {
        return publication;
    }

    public List<Publication> getPublicationChoices() {
        return publicationChoices;
    }

    /** Whether the page lists the question's free-text answers to this person. */
    public boolean isShowsTexts() {
        return showsTexts;
    }
}
