package org.agora.council;

import java.util.List;

/**
 * What staff type in a council's form: its name, its presentation (rich text), how to reach it, whether joining
 * needs an animator's approval, and the usernames of its animators.
 */
public record CouncilDraft(String name, String presentation, String contact, boolean approvalRequired,
                           List<String> animators) {

    public CouncilDraft {
        animators = animators == null ? List.of() : List.copyOf(animators);
    }
}
