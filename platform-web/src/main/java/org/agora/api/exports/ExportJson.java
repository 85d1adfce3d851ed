package org.agora.api.exports;

import java.time.Instant;
import java.time.LocalDate;
import org.agora.exports.ExportJob;

/**
 * An export as the API shows it to its owner: what, with which filters, where it stands (rows written of rows
 * expected, a percentage), and once done its file's address, name, size and expiry.
 */
public record ExportJson(long id, String kind, String status, LocalDate from, LocalDate to, String district, Long theme,
                         java.util.List<String> tables, String language, long rowsWritten, Long rowsExpected, int percent, Instant createdAt,
                         Instant startedAt, Instant finishedAt, Instant expiresAt, String fileName, Long size,
                         String file) {

    static ExportJson of(ExportJob job) {
        boolean done = job.getStatus() == org.agora.exports.ExportStatus.DONE;
        return new ExportJson(job.getId(), job.getKind().name(), job.getStatus().name(), job.query().from(),
                job.query().to(), job.query().district().map(d -> d.value()).orElse(null),
                job.query().theme().orElse(null),
                job.tables().stream().map(org.agora.exports.RawTable::fileName).toList(), job.getLanguage().getLanguage(), job.getRowsWritten(),
                job.getRowsExpected().orElse(null), job.getPercent(), job.getCreatedAt(),
                job.getStartedAt().orElse(null), job.getFinishedAt().orElse(null), job.getExpiresAt().orElse(null),
                job.downloadName(), done ? job.getFileSize().orElse(null) : null,
                done ? "/api/exports/" + job.getId() + "/file" : null);
    }

    /**
     * What to export: {@code kind} (KPI_WORKBOOK, RAW_WORKBOOK, RAW_CSV), the dashboard's filters, the raw tables
     * (answers, ballots, comments, meetings; none for all), the language.
     */
    public record Request(String kind, String from, String to, String district, String theme,
                          java.util.List<String> tables, String language) {
    }
}
