package org.agora.consultation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.agora.shared.DistrictCode;

/**
 * The results of one question: the figures of all responses, always shown, and the same figures per respondent
 * district, in the order of the district codes. Responses without a district count only in the overall figures.
 * <p>
 * Small groups: a district whose figures would rest on fewer than {@link ConsultationResults#MIN_GROUP} answers to
 * this question is left out and only counted in {@link #hiddenGroups()}. Since the overall figures are shown, the
 * groups left out must not be recoverable as the overall figures minus the shown groups: when exactly one group is
 * left out, or when the groups left out hold fewer than {@code MIN_GROUP} answers together, the smallest shown
 * group (the first by district code among equals) is left out too.
 */
public record QuestionResults(Question question, Figures overall, Map<DistrictCode, Figures> byDistrict,
                              int hiddenGroups) {

    private static final Comparator<Map.Entry<DistrictCode, Figures>> SMALLEST_FIRST =
            Comparator.comparingLong((Map.Entry<DistrictCode, Figures> group) -> group.getValue().answered())
                    .thenComparing(group -> group.getKey().value());

    public QuestionResults {
        for (Figures group : byDistrict.values()) {
            if (group.getClass() != overall.getClass() || group.answered() < ConsultationResults.MIN_GROUP) {
                throw new IllegalArgumentException("a district group is of another kind or too small to show");
            }
        }
        byDistrict = inCodeOrder(byDistrict);
        if (hiddenGroups < 0) {
            throw new IllegalArgumentException("hiddenGroups < 0");
        }
    }

    /** Shows the district groups that are large enough, by the rule above. */
    static QuestionResults withSmallGroupsHidden(Question question, Figures overall,
                                                 Map<DistrictCode, Figures> groups) {
        List<Map.Entry<DistrictCode, Figures>> shown = new ArrayList<>();
        int hidden = 0;
        long hiddenAnswers = 0;
        for (Map.Entry<DistrictCode, Figures> group : groups.entrySet()) {
            if (group.getValue().answered() < ConsultationResults.MIN_GROUP) {
                hidden++;
                hiddenAnswers += group.getValue().answered();
            } else {
                shown.add(group);
            }
        }
        boolean subtractable = hidden == 1 || (hidden > 1 && hiddenAnswers < ConsultationResults.MIN_GROUP);
        if (subtractable && !shown.isEmpty()) {
            shown.remove(shown.stream().min(SMALLEST_FIRST).orElseThrow());
            hidden++;
        }
        Map<DistrictCode, Figures> byDistrict = new LinkedHashMap<>();
        shown.forEach(e -> byDistrict.put(e.getKey(), e.getValue()));
        return new QuestionResults(question, overall, byDistrict, hidden);
    }

    private static Map<DistrictCode, Figures> inCodeOrder(Map<DistrictCode, Figures> groups) {
        Map<DistrictCode, Figures> ordered = new LinkedHashMap<>();
        groups.entrySet().stream().sorted(Map.Entry.comparingByKey(Comparator.comparing(DistrictCode::value)))
                .forEach(e -> ordered.put(e.getKey(), e.getValue()));
        return Collections.unmodifiableMap(ordered);
    }
}
