package org.agora.budget.opendata;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.agora.budget.call.ImportedElection;
import org.agora.budget.call.PabulibEntry;
import org.agora.budget.counting.ProjectId;
import org.agora.budget.project.BudgetProject;

/**
 * A project of an imported Pabulib file as the file wrote it: its id in the file and its other columns in the file's
 * order ({@code name} in full, however long, {@code votes}, {@code selected}, {@code category}, coordinates...). The
 * {@link BudgetProject} it became holds what the platform shows and counts (a title of at most 120 characters, the
 * cost).
 */
@Entity
@Table(name = "imported_projects")
public class ImportedProject {

    @Id
    @Column(name = "project_id")
    private Long projectId;

    @Column(name = "call_id", nullable = false)
    private long callId;

    @Column(name = "file_id", nullable = false, length = PabulibEntry.MAX_NAME)
    private String fileId;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "imported_project_fields", joinColumns = @JoinColumn(name = "project_id"))
    @OrderColumn(name = "position")
    private List<PabulibEntry> fields = new ArrayList<>();

    protected ImportedProject() {
        // for JPA
    }

    ImportedProject(BudgetProject project, ImportedElection election, PabulibProject row) {
        this.projectId = project.getId();
        this.callId = election.getCallId();
        this.fileId = row.id().value();
        row.columns().forEach((name, value) -> fields.add(new PabulibEntry(name, value)));
    }

    public Long getProjectId() {
        return projectId;
    }

    /** The project's id in the file. */
    public ProjectId getFileId() {
        return ProjectId.of(fileId);
    }

    /** The file's other columns for this project, in the file's order. */
    public Map<String, String> getColumns() {
        Map<String, String> columns = new LinkedHashMap<>();
        fields.forEach(field -> columns.put(field.getName(), field.getValue()));
        return Collections.unmodifiableMap(columns);
    }
}
