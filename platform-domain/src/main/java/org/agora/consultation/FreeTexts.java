package org.agora.consultation;

import java.util.List;
import org.agora.consultation.ResponseService.TextAnswer;

/** A page of the free-text answers to one question, and how many there are in all (with the same search). */
public record FreeTexts(List<TextAnswer> answers, long total) {

    public static final FreeTexts NONE = new FreeTexts(List.of(), 0);

    public FreeTexts {
        answers = List.copyOf(answers);
    }
}
