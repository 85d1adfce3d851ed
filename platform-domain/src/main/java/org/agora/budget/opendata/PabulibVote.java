package org.agora.budget.opendata;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.agora.budget.counting.Ballot;

/**
 * A vote row of a Pabulib file: the file's anonymous voter id, the ballot, and the file's other columns
 * ({@code age}, {@code sex}, ...) by header name.
 */
public record PabulibVote(String voterId, Ballot ballot, Map<String, String> columns) {

    public PabulibVote {
        Objects.requireNonNull(voterId, "voterId");
        Objects.requireNonNull(ballot, "ballot");
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    }
}
