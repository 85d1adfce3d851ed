package org.agora.web.exports;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.agora.exports.ExportJob;
import org.agora.exports.ExportJobs;
import org.agora.exports.ExportKind;
import org.agora.kpi.KpiPermissions;
import org.agora.kpi.KpiQueries;
import org.agora.kpi.KpiQuery;
import org.agora.shared.Actor;
import org.agora.shared.Period;
import org.agora.web.platform.FacesActions;
import org.agora.web.platform.FacesFeedback;
import org.agora.web.platform.Language;
import org.agora.web.security.CurrentUser;

/**
 * The dashboard's background exports ({@code /reports/}, form {@code exports}): "prepare the raw data" as a workbook or
 * as CSV files with the filters the dashboard shows (posted with the form), and the person's exports with their
 * progress, polled every two seconds while one is queued or being written, a download link once done and when the
 * file is deleted.
 */
@Named
@RequestScoped
public class ExportsPanel {

    static final String FORM = "exports";

    @Inject
    ExportJobs jobs;

    @Inject
    ExportWorker worker;

    @Inject
    CurrentUser currentUser;

    @Inject
    Language language;

    private List<ExportRow> mine;

    /** Queues an export of this kind with the filters posted with the form; the list then shows it. */
    public void queue(String kind) {
        Actor actor = currentUser.actor();
        Map<String, String> posted = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        FacesActions.runInPlace(FORM, () -> {
            KpiQuery query = KpiQueries.parse(actor, posted.get("from"), posted.get("to"), posted.get("district"),
                    posted.get("theme"), LocalDate.now(Period.CITY_ZONE));
            ExportJob job = jobs.queue(actor, ExportKind.parse(kind).orElseThrow(), query, language.getCurrent(),
                    Instant.now());
            worker.takeQueued();
            FacesFeedback.doneInPlace("export.queued", job.downloadName());
        });
        mine = null;
    }

    /** The person's exports, newest first. */
    public List<ExportRow> getMine() {
        if (mine == null) {
            Actor actor = currentUser.actor();
            Locale locale = language.getCurrent();
            mine = KpiPermissions.canRead(actor)
                    ? jobs.mine(actor).stream().map(job -> new ExportRow(job, locale)).toList() : List.of();
        }
        return mine;
    }

    /** Whether an export is queued or being written: the list is then polled. */
    public boolean isActive() {
        return getMine().stream().anyMatch(ExportRow::isActive);
    }

    /** Called by the poll: the list is read again as it renders. */
    public void refresh() {
        mine = null;
    }
}
