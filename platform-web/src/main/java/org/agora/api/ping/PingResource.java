package org.agora.api.ping;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.agora.shared.NotAllowedException;
import org.agora.web.security.CurrentUser;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * An authenticated request that does nothing: the benchmark's measure of what the stack alone costs (HTTP, the bearer
 * token's check, JAX-RS, CDI), against which the vote's own work is weighed (docs/performance.md). Shaped like the
 * vote's resource (one instance for every request, the caller from the request-scoped {@link CurrentUser}); a PUT
 * may carry a body, which is not read.
 */
@Path("ping")
@ApplicationScoped
public class PingResource {

    @Inject
    CurrentUser currentUser;

    @GET
    @Operation(summary = "For the benchmark: an authenticated request that does nothing (204; 401 without a valid token)")
    @SecurityRequirement(name = "keycloak")
    public Response get() {
        return signedIn();
    }

    @PUT
    @Operation(summary = "For the benchmark: as GET, for a request with a body like a ballot's (the body is not read)")
    @SecurityRequirement(name = "keycloak")
    public Response put() {
        return signedIn();
    }

    private Response signedIn() {
        if (!currentUser.actor().isSignedIn()) {
            throw new NotAllowedException("api.signInRequired");
        }
        return Response.noContent().build();
    }
}
