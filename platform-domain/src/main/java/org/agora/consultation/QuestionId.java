package org.agora.consultation;

import java.util.regex.Pattern;
import org.agora.shared.InvalidInputException;

/** Ids of questions and options: short, stable, safe in URLs, JSON and spreadsheet headers. */
final class QuestionId {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{1,40}");

    private QuestionId() {
    }

    static String check(String id) {
        if (id == null || !FORMAT.matcher(id).matches()) {
            throw new InvalidInputException("id", "consultation.question.id.malformed", String.valueOf(id));
        }
        return id;
    }
}
