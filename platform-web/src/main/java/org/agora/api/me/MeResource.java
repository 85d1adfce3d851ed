package org.agora.api.me;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.agora.privacy.MyData;
import org.agora.privacy.PersonalData;
import org.agora.shared.Actor;
import org.agora.shared.DistrictCode;
import org.agora.shared.NotAllowedException;
import org.agora.shared.Role;
import org.agora.web.privacy.PersonalDataFiles;
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

    @Inject
    MyData myData;

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

    @GET
    @Path("data")
    @Operation(summary = "Everything the platform holds about the caller (GDPR), by kind of record; of a vote, only "
            + "the mark on the register that they voted, never what they chose")
    @SecurityRequirement(name = "keycloak")
    public Response data() {
        PersonalData data = myData.of(actor, Instant.now());
        return Response.ok(PersonalDataFiles.json(data), MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("data.xlsx")
    @Produces(PersonalDataFiles.XLSX)
    @Operation(summary = "The same as a workbook, its sheets titled in the caller's language (Accept-Language)")
    @SecurityRequirement(name = "keycloak")
    public Response workbook(@Context HttpHeaders headers) {
        PersonalData data = myData.of(actor, Instant.now());
        Locale locale = headers.getAcceptableLanguages().stream().filter(l -> l.getLanguage().equals("en")
                || l.getLanguage().equals("fr")).findFirst().orElse(Locale.FRENCH);
        StreamingOutput file = out -> PersonalDataFiles.xlsx(data, locale, out);
        return Response.ok(file, PersonalDataFiles.XLSX).header("Cache-Control", "no-store")
                .header("Content-Disposition", "attachment; filename=\"" + PersonalDataFiles.fileName(data, "xlsx") + "\"")
                .build();
    }
}
