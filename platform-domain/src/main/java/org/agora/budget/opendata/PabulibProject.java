package org.agora.budget.opendata;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.agora.budget.counting.Money;
import org.agora.budget.counting.Project;
import org.agora.budget.counting.ProjectId;

/**
 * A project row of a Pabulib file: the project as counted, and the file's other columns ({@code votes},
 * {@code name}, {@code selected}, ...) by header name, in the file's order.
 */
public record PabulibProject(Project project, Map<String, String> columns) {

    public PabulibProject {
        Objects.requireNonNull(project, "project");
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    }

    public ProjectId id() {
        return project.id();
    }

    public Money cost() {
        return project.cost();
    }

    public Optional<String> name() {
        return Optional.ofNullable(columns.get("name")).filter(name -> !name.isBlank());
    }

    /** Whether the city selected the project, when the file says ({@code selected} column, 1 = selected). */
    public Optional<Boolean> selected() {
        return Optional.ofNullable(columns.get("selected")).filter(s -> !s.isBlank()).map(s -> s.strip().equals("1"));
    }
}
