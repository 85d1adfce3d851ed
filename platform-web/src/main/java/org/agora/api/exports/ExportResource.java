package org.agora.api.exports;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.agora.exports.ExportJob;
import org.agora.exports.ExportJobs;
import org.agora.exports.ExportKind;
import org.agora.exports.RawTable;
import org.agora.kpi.KpiQueries;
import org.agora.kpi.KpiQuery;
import org.agora.shared.Actor;
import org.agora.shared.InvalidInputException;
import org.agora.shared.NotFoundException;
import org.agora.shared.Period;
import org.agora.shared.Role;
import org.agora.api.Staff;
import org.agora.web.exports.ExportDownload;
import org.agora.web.exports.ExportWorker;
import org.agora.web.platform.Texts;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * Background exports for staff tokens (those who read the KPIs: analysts and the office for the city and any district,
 * agents for their districts): queue one (202 with its address), follow it, download its file once done; each
 * person sees only their own exports (anyone else's answer 404, as unknown ones).
 */
@Path("exports")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ExportResource {

    @Inject
    ExportJobs jobs;

    @Inject
    ExportWorker worker;

    @Inject
    Actor actor;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Queue an export (kind KPI_WORKBOOK, RAW_WORKBOOK or RAW_CSV; from, to, district, theme as for "
            + "/api/kpis; tables: some of answers, ballots, comments, meetings, all when absent, and a workbook of some "
            + "holds those raw sheets alone; language fr or en, else Accept-Language): 202 with its address")
    @SecurityRequirement(name = "keycloak")
    @Staff(value = {Role.ANALYST, Role.OFFICE_ADMIN, Role.DISTRICT_AGENT}, refusal = "kpi.notAllowed")
    public Response queue(ExportJson.Request request) {
        if (request == null) {
            throw new InvalidInputException(null, "api.body.required");
        }
        ExportKind kind = ExportKind.parse(request.kind())
                .orElseThrow(() -> new InvalidInputException("kind", "export.kind.unknown", String.valueOf(request.kind())));
        KpiQuery query = KpiQueries.parse(actor, request.from(), request.to(), request.district(), request.theme(),
                LocalDate.now(Period.CITY_ZONE));
        Locale language = request.language() == null || request.language().isBlank()
                ? Texts.preferred(headers.getAcceptableLanguages()) : Locale.forLanguageTag(request.language().strip());
        List<RawTable> tables = request.tables() == null ? List.of() : request.tables().stream()
                .map(name -> RawTable.parse(name).orElseThrow(() -> new InvalidInputException("tables",
                        "export.table.unknown", String.valueOf(name)))).toList();
        ExportJob job = jobs.queue(actor, kind, query, tables, language, Instant.now());
        worker.takeQueued();
        return Response.accepted(ExportJson.of(jobs.get(actor, job.getId())))
                .location(uri.getAbsolutePathBuilder().path(String.valueOf(job.getId())).build()).build();
    }

    @GET
    @Operation(summary = "My exports, newest first (the last 20)")
    @SecurityRequirement(name = "keycloak")
    public List<ExportJson> mine() {
        return jobs.mine(actor).stream().map(ExportJson::of).toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One of my exports: its status and progress, and its file's address once done")
    @SecurityRequirement(name = "keycloak")
    public ExportJson get(@PathParam("id") long id) {
        return ExportJson.of(jobs.get(actor, id));
    }

    @GET
    @Path("{id}/file")
    @Produces({"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/zip",
            MediaType.APPLICATION_JSON})
    @Operation(summary = "The file of one of my exports once done (409 before, 404 once expired)")
    @SecurityRequirement(name = "keycloak")
    public Response file(@PathParam("id") long id) {
        ExportJob job = jobs.ready(actor, id);
        java.nio.file.Path file = worker.runner().file(job);
        if (!Files.isReadable(file)) {
            throw new NotFoundException("export.expired", id); // deleted by another instance's housekeeping meanwhile
        }
        StreamingOutput body = out -> Files.copy(file, out);
        Response.ResponseBuilder response = Response.ok(body, job.getKind().contentType());
        ExportDownload.headers(job).forEach(response::header);
        return response.build();
    }
}
