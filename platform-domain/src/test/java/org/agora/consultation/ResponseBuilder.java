package org.agora.consultation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.agora.shared.DistrictCode;

/** Builds submitted responses for results tests: {@code response().in("nord").choice("mode", "bike").build()}. */
final class ResponseBuilder {

    private static final Instant SUBMITTED = Instant.parse("2026-03-14T09:30:00Z");

    private Optional<DistrictCode> district = Optional.empty();
    private final Map<String, Answer> answers = new HashMap<>();

    static ResponseBuilder response() {
        return new ResponseBuilder();
    }

    ResponseBuilder in(String districtCode) {
        district = Optional.of(new DistrictCode(districtCode));
        return this;
    }

    ResponseBuilder choice(String questionId, String... optionIds) {
        answers.put(questionId, new Answer.Choices(Set.of(optionIds)));
        return this;
    }

    ResponseBuilder text(String questionId, String text) {
        answers.put(questionId, new Answer.Text(text));
        return this;
    }

    ResponseBuilder number(String questionId, String value) {
        answers.put(questionId, new Answer.Number(new BigDecimal(value)));
        return this;
    }

    ResponseBuilder ranking(String questionId, String... bestFirst) {
        answers.put(questionId, new Answer.Ranking(List.of(bestFirst)));
        return this;
    }

    /** Row and column ids in pairs: {@code matrix("grid", "row1", "col2", "row2", "col1")}. */
    ResponseBuilder matrix(String questionId, String... rowsAndColumns) {
        Map<String, String> columnByRow = new HashMap<>();
        for (int i = 0; i < rowsAndColumns.length; i += 2) {
            columnByRow.put(rowsAndColumns[i], rowsAndColumns[i + 1]);
        }
        answers.put(questionId, new Answer.Matrix(columnByRow));
        return this;
    }

    SubmittedResponse build() {
        return new SubmittedResponse(1, SUBMITTED, Optional.empty(), district, answers);
    }

    /** The same response {@code n} times. */
    List<SubmittedResponse> times(int n) {
        return Collections.nCopies(n, build());
    }
}
