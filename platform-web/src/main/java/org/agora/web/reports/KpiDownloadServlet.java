package org.agora.web.reports;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import org.agora.kpi.KpiQueries;
import org.agora.kpi.KpiQuery;
import org.agora.kpi.KpiReport;
import org.agora.kpi.KpiService;
import org.agora.reports.KpiCsv;
import org.agora.reports.KpiTexts;
import org.agora.reports.KpiWorkbook;
import org.agora.shared.DomainException;
import org.agora.shared.NotAllowedException;
import org.agora.shared.NotFoundException;
import org.agora.shared.Period;
import org.agora.territory.TerritoryService;
import org.agora.web.platform.Language;
import org.agora.web.security.CurrentUser;

/**
 * The dashboard's downloads, with the filters of its address: {@code /reports/kpi.xlsx} (the workbook) and
 * {@code /reports/kpi-csv.zip} (every table as CSV). 403 for a district the person may not read, 400 for a malformed
 * filter, 404 for an unknown district or theme.
 */
@WebServlet(urlPatterns = {KpiDownloadServlet.WORKBOOK, KpiDownloadServlet.CSV})
public class KpiDownloadServlet extends HttpServlet {

    static final String WORKBOOK = "/reports/kpi.xlsx";
    static final String CSV = "/reports/kpi-csv.zip";

    @Inject
    KpiService kpis;

    @Inject
    CurrentUser currentUser;

    @Inject
    Language language;

    @Inject
    TerritoryService territory;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        KpiReport report;
        try {
            KpiQuery query = KpiQueries.parse(currentUser.actor(), request.getParameter("from"),
                    request.getParameter("to"), request.getParameter("district"), request.getParameter("theme"),
                    LocalDate.now(Period.CITY_ZONE));
            report = kpis.figures(currentUser.actor(), query, Instant.now());
        } catch (NotAllowedException e) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        } catch (NotFoundException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        } catch (DomainException e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        KpiTexts texts = KpiTexts.in(language.getCurrent());
        response.setHeader("Cache-Control", "private, no-cache");
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (WORKBOOK.equals(request.getServletPath())) {
            response.setContentType(ReportsPage.XLSX);
            response.setHeader("Content-Disposition", "attachment; filename=\"" + KpiWorkbook.fileName(report.query()) + "\"");
            KpiWorkbook.write(report, ReportsPage.scopeLabel(report.query(), territory, texts), texts,
                    response.getOutputStream());
        } else {
            response.setContentType("application/zip");
            response.setHeader("Content-Disposition", "attachment; filename=\"" + KpiCsv.zipName(report.query()) + "\"");
            KpiCsv.writeZip(report, texts, response.getOutputStream());
        }
    }
}
