package org.agora.api.audience;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.agora.audience.AudiencePermissions;
import org.agora.shared.Actor;
import org.agora.web.audience.AudienceRecorder;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * {@code POST /api/audience/flush}: the instance that answers stores its audience counts now rather than at its next
 * batch (analysts and the office), e.g. before reading today's figures; the tests use it too. The other instances keep
 * their own schedule. The figures themselves are in {@code /api/kpis}.
 */
@Path("audience")
@RequestScoped
public class AudienceResource {

    @Inject
    AudienceRecorder recorder;

    @Inject
    Actor actor;

    /** How many counters the batch added to. */
    public record Flushed(int rows) {
    }

    @POST
    @Path("flush")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "This instance stores its audience counts now (analyst, office)")
    @SecurityRequirement(name = "keycloak")
    public Flushed flush() {
        AudiencePermissions.checkFlush(actor);
        return new Flushed(recorder.flush());
    }
}
