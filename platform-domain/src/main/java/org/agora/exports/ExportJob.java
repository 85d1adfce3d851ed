package org.agora.exports;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.agora.kpi.KpiQuery;
import org.agora.shared.Actor;
import org.agora.shared.DistrictCode;
import org.agora.shared.Role;

/**
 * One export a member of staff asked for: what (its {@link ExportKind}), with which filters ({@link KpiQuery}) and in
 * which language, as whom (the roles and districts the person had when asking: the figures are read as them, so the
 * same permissions apply), and where it stands. Workers change it only through {@link ExportJobs}' conditional
 * updates, so two instances never both run it.
 */
@Entity
@Table(name = "export_jobs")
public class ExportJob {

    @Id
    @SequenceGenerator(name = "export_job_ids", sequenceName = "export_job_ids", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "export_job_ids")
    private Long id;

    @Column(nullable = false, length = 100)
    private String owner;

    @Column(name = "owner_roles", nullable = false, length = 200)
    private String ownerRoles;

    @Column(name = "owner_districts", nullable = false, length = 500)
    private String ownerDistricts;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ExportKind kind;

    @Column(name = "period_from", nullable = false)
    private LocalDate periodFrom;

    @Column(name = "period_to", nullable = false)
    private LocalDate periodTo;

    @Column(name = "district_code", length = 32)
    private String districtCode;

    @Column(name = "theme_id")
    private Long themeId;

    @Column(name = "raw_tables", length = 100)
    private String rawTables;

    @Column(nullable = false, length = 2)
    private String language;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private ExportStatus status;

    @Column(name = "rows_written", nullable = false)
    private long rowsWritten;

    @Column(name = "rows_expected")
    private Long rowsExpected;

    @Column(nullable = false)
    private int attempts;

    @Column(length = 100)
    private String runner;

    @Column(name = "heartbeat_at")
    private OffsetDateTime heartbeatAt;

    @Column(name = "file_name", length = 200)
    private String fileName;

    @Column(name = "file_size")
    private Long fileSize;

    @Column(length = 500)
    private String error;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "started_at")
    private OffsetDateTime startedAt;

    @Column(name = "finished_at")
    private OffsetDateTime finishedAt;

    @Column(name = "expires_at")
    private OffsetDateTime expiresAt;

    protected ExportJob() {
        // for JPA
    }

    ExportJob(Actor owner, ExportKind kind, KpiQuery query, java.util.List<RawTable> tables, Locale language,
              Instant now) {
        this.owner = owner.username();
        this.ownerRoles = owner.roles().stream().map(Role::name).sorted().collect(Collectors.joining(","));
        this.ownerDistricts = owner.agentDistricts().stream().map(DistrictCode::value).sorted()
                .collect(Collectors.joining(","));
        this.kind = kind;
        this.periodFrom = query.from();
        this.periodTo = query.to();
        this.districtCode = query.district().map(DistrictCode::value).orElse(null);
        this.themeId = query.theme().orElse(null);
        this.rawTables = tables.isEmpty() || tables.containsAll(java.util.List.of(RawTable.values())) ? null
                : java.util.EnumSet.copyOf(tables).stream().map(Enum::name).collect(Collectors.joining(","));
        this.language = "fr".equals(language.getLanguage()) ? "fr" : "en";
        this.status = ExportStatus.QUEUED;
        this.createdAt = utc(now);
    }

    public long getId() {
        return id;
    }

    public String getOwner() {
        return owner;
    }

    /** The person as they were when they asked: whose permissions the export is read with. */
    public Actor asOwner() {
        Set<Role> roles = Arrays.stream(ownerRoles.split(",")).filter(s -> !s.isBlank()).map(Role::valueOf)
                .collect(Collectors.toCollection(() -> java.util.EnumSet.noneOf(Role.class)));
        Set<DistrictCode> districts = Arrays.stream(ownerDistricts.split(",")).filter(s -> !s.isBlank())
                .map(DistrictCode::new).collect(Collectors.toCollection(LinkedHashSet::new));
        return new Actor(owner, roles, Optional.empty(), districts);
    }

    public ExportKind getKind() {
        return kind;
    }

    /** The filters it was asked with. */
    public KpiQuery query() {
        return new KpiQuery(periodFrom, periodTo, Optional.ofNullable(districtCode).map(DistrictCode::new),
                Optional.ofNullable(themeId));
    }

    /** The raw tables it holds: all of them, unless some were asked for. */
    public java.util.List<RawTable> tables() {
        return rawTables == null ? java.util.List.of(RawTable.values())
                : Arrays.stream(rawTables.split(",")).map(RawTable::valueOf).toList();
    }

    /** Whether only some raw tables were asked for: a workbook then holds those alone, without the KPI sheets. */
    public boolean isSomeTables() {
        return rawTables != null;
    }

    public Locale getLanguage() {
        return "fr".equals(language) ? Locale.FRENCH : Locale.ENGLISH;
    }

    public ExportStatus getStatus() {
        return status;
    }

    public long getRowsWritten() {
        return rowsWritten;
    }

    public Optional<Long> getRowsExpected() {
        return Optional.ofNullable(rowsExpected);
    }

    /** How far it is, from 0 to 100: 100 once done, 0 until the worker knows how many rows to write. */
    public int getPercent() {
        if (status == ExportStatus.DONE || status == ExportStatus.EXPIRED) {
            return 100;
        }
        if (rowsExpected == null || rowsExpected == 0) {
            return 0;
        }
        return (int) Math.min(99, rowsWritten * 100 / rowsExpected);
    }

    public int getAttempts() {
        return attempts;
    }

    public Optional<String> getRunner() {
        return Optional.ofNullable(runner);
    }

    public Optional<String> getFileName() {
        return Optional.ofNullable(fileName);
    }

    public Optional<Long> getFileSize() {
        return Optional.ofNullable(fileSize);
    }

    public Optional<String> getError() {
        return Optional.ofNullable(error);
    }

    /** The name the file is downloaded under, with the scope and period. */
    public String downloadName() {
        String stem = query().fileStem();
        if (isSomeTables() && kind != ExportKind.KPI_WORKBOOK) {
            stem += "-" + tables().stream().map(RawTable::fileName).collect(Collectors.joining("-"));
        }
        return kind.downloadName(stem);
    }

    public Instant getCreatedAt() {
        return createdAt.toInstant();
    }

    public Optional<Instant> getStartedAt() {
        return Optional.ofNullable(startedAt).map(OffsetDateTime::toInstant);
    }

    public Optional<Instant> getFinishedAt() {
        return Optional.ofNullable(finishedAt).map(OffsetDateTime::toInstant);
    }

    public Optional<Instant> getExpiresAt() {
        return Optional.ofNullable(expiresAt).map(OffsetDateTime::toInstant);
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
