package org.agora.api.participation;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import org.agora.privacy.RetentionPurge;
import org.agora.shared.Actor;
import org.agora.web.privacy.RetentionSettings;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The retention of inactive accounts, for the office: the setting, and the dry run (how many would go today). */
@Path("retention")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RetentionResource {

    /** {@code mode}: OFF, DRY_RUN or PURGE; {@code accounts}: how many were last seen before {@code inactiveBefore}. */
    public record RetentionJson(int inactiveDays, String mode, LocalDate inactiveBefore, long accounts) {
    }

    @Inject
    Actor actor;

    @Inject
    RetentionPurge retention;

    @Inject
    RetentionSettings settings;

    @GET
    @Operation(summary = "The retention of inactive accounts' data and its dry run: how many accounts the nightly run "
            + "would erase now (office-admin)")
    @APIResponse(responseCode = "403", description = "Not the office")
    @SecurityRequirement(name = "keycloak")
    public RetentionJson plan() {
        RetentionPurge.Plan plan = retention.plan(actor, Instant.now(), settings.inactiveDays());
        return new RetentionJson(settings.inactiveDays(), settings.mode().name(), plan.inactiveBefore(), plan.accounts());
    }
}
