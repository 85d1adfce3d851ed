package org.agora.api.me;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.agora.shared.Actor;
import org.agora.shared.DistrictCode;
import org.agora.shared.NotAllowedException;
import org.agora.shared.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Who the token says the caller is: roles and districts as the platform understands them. */
@Path("me")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    /** {@code blockedFor}: why moderation blocked the caller, null when it did not. */
    public record MeView(String username, List<String> roles, String district, List<String> agentDistricts,
                         String blockedFor) {
    }

    @Inject
    Actor actor;

    @GET
    @Operation(summary = "The signed-in caller (401 without a valid token)")
    @SecurityRequirement(name = "keycloak")
    public MeView me() {
        if (!actor.isSignedIn()) {
            throw new NotAllowedException("api.signInRequired");
        }
        return new MeView(actor.username(),
                actor.roles().stream().sorted().map(Role::realmName).toList(),
                actor.homeDistrict().map(DistrictCode::value).orElse(null),
                actor.agentDistricts().stream().map(DistrictCode::value).sorted().toList(),
                actor.blockedFor().orElse(null));
    }
}
