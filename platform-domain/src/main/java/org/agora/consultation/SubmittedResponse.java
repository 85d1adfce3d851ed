package org.agora.consultation;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.agora.shared.DistrictCode;

/**
 * A submitted response as results and exports read it: its number in the consultation, when it was submitted,
 * who gave it (always empty for an anonymous consultation), the respondent's home district at that time (for
 * breakdowns), and the kept answers by question id.
 */
public record SubmittedResponse(long number, Instant submittedAt, Optional<String> respondent,
                                Optional<DistrictCode> district, Map<String, Answer> answers) {

    public SubmittedResponse {
        respondent = respondent == null ? Optional.empty() : respondent;
        district = district == null ? Optional.empty() : district;
        answers = Map.copyOf(answers);
    }
}
