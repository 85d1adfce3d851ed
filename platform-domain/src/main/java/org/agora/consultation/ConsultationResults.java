package org.agora.consultation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.agora.shared.DistrictCode;

/**
 * The results of a consultation: how many responses were submitted, and the {@link QuestionResults} of each
 * question in questionnaire order, overall and by district (small groups hidden).
 */
public record ConsultationResults(long responses, List<QuestionResults> questions) {

    /** The fewest answers to a question a district group may show figures for. */
    public static final int MIN_GROUP = 5;

    public ConsultationResults {
        questions = List.copyOf(questions);
    }

    /**
     * Counts the responses in one pass. Memory grows with the questions, their options and the districts, not with
     * the number of responses, so the responses may be streamed from the database.
     */
    public static ConsultationResults tally(Questionnaire questionnaire, Iterable<SubmittedResponse> responses) {
        List<QuestionCount> counts = questionnaire.questions().stream().map(QuestionCount::new).toList();
        long total = 0;
        for (SubmittedResponse response : responses) {
            total++;
            for (QuestionCount count : counts) {
                count.add(response);
            }
        }
        return new ConsultationResults(total, counts.stream().map(QuestionCount::results).toList());
    }

    /** The counters of one question: one for all responses, one per district met. */
    private static final class QuestionCount {
        private final Question question;
        private final AnswerCounter overall;
        private final Map<DistrictCode, AnswerCounter> byDistrict = new HashMap<>();

        QuestionCount(Question question) {
            this.question = question;
            this.overall = AnswerCounter.of(question);
        }

        void add(SubmittedResponse response) {
            Answer answer = response.answers().get(question.id());
            if (answer == null || answer.isEmpty()) {
                return;
            }
            overall.add(answer);
            response.district().ifPresent(district ->
                    byDistrict.computeIfAbsent(district, d -> AnswerCounter.of(question)).add(answer));
        }

        QuestionResults results() {
            Map<DistrictCode, Figures> groups = new HashMap<>();
            byDistrict.forEach((district, counter) -> groups.put(district, counter.figures()));
            return QuestionResults.withSmallGroupsHidden(question, overall.figures(), groups);
        }
    }
}
