package org.agora.api.territory;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.agora.api.territory.DistrictResource.NameRequest;
import org.agora.shared.Actor;
import org.agora.shared.InvalidInputException;
import org.agora.territory.TerritoryService;
import org.agora.territory.Theme;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Themes: anyone reads, the office adds. */
@Path("themes")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ThemeResource {

    public record ThemeView(long id, String name) {
        static ThemeView of(Theme t) {
            return new ThemeView(t.getId(), t.getName());
        }
    }

    @Inject
    TerritoryService territory;

    @Inject
    Actor actor;

    @GET
    @Operation(summary = "All themes (public)")
    public List<ThemeView> list() {
        return territory.themes().stream().map(ThemeView::of).toList();
    }

    @POST
    @Operation(summary = "Add a theme (office-admin)")
    @SecurityRequirement(name = "keycloak")
    public Response create(NameRequest request) {
        if (request == null) {
            throw new InvalidInputException(null, "api.body.required");
        }
        return Response.status(Response.Status.CREATED).entity(ThemeView.of(territory.createTheme(actor, request.name())))
                .build();
    }
}
