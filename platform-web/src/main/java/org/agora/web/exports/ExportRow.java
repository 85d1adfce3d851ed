package org.agora.web.exports;

import java.util.Locale;
import org.agora.exports.ExportJob;
import org.agora.exports.ExportStatus;
import org.agora.web.platform.CityTime;
import org.agora.web.platform.Texts;

/** One of the person's exports as the dashboard lists it. */
public final class ExportRow {

    private final ExportJob job;
    private final Locale locale;

    ExportRow(ExportJob job, Locale locale) {
        this.job = job;
        this.locale = locale;
    }

    public long getId() {
        return job.getId();
    }

    public String getKind() {
        return Texts.format(locale, "export.kind." + job.getKind().name());
    }

    public String getFileName() {
        return job.downloadName();
    }

    public String getStatus() {
        return job.getStatus().name();
    }

    public String getStatusLabel() {
        return Texts.format(locale, "export.status." + job.getStatus().name());
    }

    public boolean isActive() {
        return job.getStatus().isActive();
    }

    public boolean isDone() {
        return job.getStatus() == ExportStatus.DONE;
    }

    public int getPercent() {
        return job.getPercent();
    }

    /** Rows written of rows expected, while it runs. */
    public String getProgress() {
        return job.getRowsExpected().map(expected -> Texts.format(locale, "export.rows",
                String.format(locale, "%,d", job.getRowsWritten()), String.format(locale, "%,d", expected))).orElse("");
    }

    public String getCreated() {
        return CityTime.dateTime(job.getCreatedAt(), locale);
    }

    /** When its file is deleted, once done. */
    public String getExpires() {
        return job.getExpiresAt().filter(at -> isDone())
                .map(at -> Texts.format(locale, "export.expires", CityTime.dateTime(at, locale))).orElse("");
    }

    public String getDownload() {
        return ExportFileServlet.PATH + "?id=" + job.getId();
    }
}
