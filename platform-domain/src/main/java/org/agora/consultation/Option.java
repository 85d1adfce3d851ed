package org.agora.consultation;

import java.io.Serializable;
import org.agora.shared.Label;

/** One possible answer of a choice question (also a row or a column of a matrix, an item to rank). */
public record Option(String id, String label) implements Serializable {

    public Option {
        QuestionId.check(id);
        label = Label.of("option", label).text();
    }
}
