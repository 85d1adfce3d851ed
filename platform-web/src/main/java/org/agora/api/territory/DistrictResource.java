package org.agora.api.territory;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.util.List;
import org.agora.shared.Actor;
import org.agora.shared.InvalidInputException;
import org.agora.territory.District;
import org.agora.territory.DistrictDraft;
import org.agora.territory.Neighbourhood;
import org.agora.territory.TerritoryService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Districts and their neighbourhoods: anyone reads; the office changes districts, agents their neighbourhoods. */
@Path("districts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DistrictResource {

    /** A district as the API shows it. */
    public record DistrictView(String code, String name, int population, List<NeighbourhoodView> neighbourhoods) {
        static DistrictView of(District d) {
            return new DistrictView(d.getCode().value(), d.getName(), d.getPopulation(),
                    d.getNeighbourhoods().stream().map(NeighbourhoodView::of).toList());
        }
    }

    public record NeighbourhoodView(long id, String name) {
        static NeighbourhoodView of(Neighbourhood n) {
            return new NeighbourhoodView(n.getId(), n.getName());
        }
    }

    public record DistrictRequest(String code, String name, Integer population) {
    }

    public record NameRequest(String name) {
    }

    @Inject
    TerritoryService territory;

    @Inject
    Actor actor;

    @Context
    UriInfo uri;

    @GET
    @Operation(summary = "All districts with their population and neighbourhoods (public)")
    public List<DistrictView> list() {
        return territory.districts().stream().map(DistrictView::of).toList();
    }

    @GET
    @Path("{code}")
    @Operation(summary = "One district (public); 400 for a malformed code, 404 for an unknown one")
    public DistrictView get(@PathParam("code") String code) {
        return DistrictView.of(territory.getDistrict(code));
    }

    @POST
    @Operation(summary = "Create a district (office-admin)")
    @SecurityRequirement(name = "keycloak")
    public Response create(DistrictRequest request) {
        DistrictRequest body = required(request);
        District created = territory.createDistrict(actor,
                new DistrictDraft(body.code(), body.name(), body.population()));
        return Response.created(uri.getAbsolutePathBuilder().path(created.getCode().value()).build())
                .entity(DistrictView.of(created)).build();
    }

    @PUT
    @Path("{code}")
    @Operation(summary = "Rename a district or change its population (office-admin)")
    @SecurityRequirement(name = "keycloak")
    public DistrictView update(@PathParam("code") String code, DistrictRequest request) {
        DistrictRequest body = required(request);
        return DistrictView.of(territory.updateDistrict(actor, code,
                new DistrictDraft(code, body.name(), body.population())));
    }

    @POST
    @Path("{code}/neighbourhoods")
    @Operation(summary = "Add a neighbourhood (office-admin, or district-agent of that district)")
    @SecurityRequirement(name = "keycloak")
    public Response addNeighbourhood(@PathParam("code") String code, NameRequest request) {
        Neighbourhood added = territory.addNeighbourhood(actor, code, required(request).name());
        return Response.status(Response.Status.CREATED).entity(NeighbourhoodView.of(added)).build();
    }

    private static <T> T required(T body) {
        if (body == null) {
            throw new InvalidInputException(null, "api.body.required");
        }
        return body;
    }
}
