package org.agora.api.kpi;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import org.agora.kpi.KpiQueries;
import org.agora.kpi.KpiReport;
import org.agora.kpi.KpiService;
import org.agora.reports.KpiCsv;
import org.agora.reports.KpiTables;
import org.agora.reports.KpiTexts;
import org.agora.reports.KpiWorkbook;
import org.agora.shared.Actor;
import org.agora.shared.NotFoundException;
import org.agora.shared.Period;
import org.agora.territory.TerritoryService;
import org.agora.web.reports.ReportsPage;
import org.agora.web.platform.Texts;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The participation KPIs for staff tokens: analysts and the office for the city or any district, agents for their
 * districts (403 otherwise). {@code from} and {@code to} are ISO dates (default: the first of January to today),
 * {@code district} a code, {@code theme} an id. JSON, the workbook, one table as CSV or all of them zipped.
 */
@Path("kpis")
@RequestScoped
public class KpiResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    KpiService kpis;

    @Inject
    Actor actor;

    @Inject
    TerritoryService territory;

    @Context
    HttpHeaders headers;

    private KpiReport report(String from, String to, String district, String theme) {
        return kpis.figures(actor, KpiQueries.parse(actor, from, to, district, theme, LocalDate.now(Period.CITY_ZONE)),
                Instant.now());
    }

    private KpiTexts texts() {
        Locale locale = Texts.preferred(headers.getAcceptableLanguages());
        return KpiTexts.in(locale);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Participation KPIs of a period and scope (analyst, office; agents for their districts)")
    @SecurityRequirement(name = "keycloak")
    public KpiJson figures(@QueryParam("from") String from, @QueryParam("to") String to,
                           @QueryParam("district") String district, @QueryParam("theme") String theme) {
        return KpiJson.of(report(from, to, district, theme));
    }

    @GET
    @Path("workbook")
    @Produces(XLSX)
    @Operation(summary = "The KPI workbook (XLSX, with charts) of a period and scope")
    @SecurityRequirement(name = "keycloak")
    public Response workbook(@QueryParam("from") String from, @QueryParam("to") String to,
                             @QueryParam("district") String district, @QueryParam("theme") String theme) {
        KpiReport report = report(from, to, district, theme);
        KpiTexts texts = texts();
        String scope = ReportsPage.scopeLabel(report.query(), territory, texts);
        StreamingOutput body = out -> KpiWorkbook.write(report, scope, texts, out);
        return Response.ok(body, XLSX)
                .header("Content-Disposition", "attachment; filename=\"" + KpiWorkbook.fileName(report.query()) + "\"")
                .build();
    }

    @GET
    @Path("csv")
    @Produces({"text/csv", "application/zip"})
    @Operation(summary = "One KPI table as CSV (table=summary, weekly, consultations, questions, budget, moderation, "
            + "councils, districts, ages, funnel, audience, pages, definitions), or every table in a zip without table")
    @SecurityRequirement(name = "keycloak")
    public Response csv(@QueryParam("from") String from, @QueryParam("to") String to,
                        @QueryParam("district") String district, @QueryParam("theme") String theme,
                        @QueryParam("table") String table) {
        KpiReport report = report(from, to, district, theme);
        KpiTexts texts = texts();
        if (table == null || table.isBlank()) {
            StreamingOutput zip = out -> KpiCsv.writeZip(report, texts, out);
            return Response.ok(zip, "application/zip")
                    .header("Content-Disposition", "attachment; filename=\"" + KpiCsv.zipName(report.query()) + "\"")
                    .build();
        }
        if (!KpiTables.NAMES.contains(table) && !"definitions".equals(table)) {
            throw new NotFoundException("kpi.table.notFound", table);
        }
        StreamingOutput csv = out -> KpiCsv.write(KpiCsv.table(report, texts, table), texts, out);
        return Response.ok(csv, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + KpiCsv.fileName(report.query(), table) + "\"")
                .build();
    }
}
