package org.agora.api.participation;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.agora.api.Staff;
import org.agora.participation.InPersonResident;
import org.agora.participation.RegisterEntry;
import org.agora.participation.Resident;
import org.agora.participation.ResidentRegister;
import org.agora.shared.Actor;
import org.agora.shared.DistrictCode;
import org.agora.shared.InvalidInputException;
import org.agora.shared.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The register of residents for town-hall staff: look a person up, enter a person without an account (refused with
 * the near-duplicates until {@code duplicatesChecked}), put an account on the register, move a person or correct
 * their year of birth with a reason.
 */
@Path("register")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RegisterResource {

    /** A person found or entered: the register's id (null for an account not on it yet). */
    public record PersonJson(Long id, String account, String name, LocalDate birthDate, Integer birthYear,
                             String district) {
        static PersonJson of(RegisterEntry entry) {
            return new PersonJson(entry.residentId().orElse(null), entry.account().orElse(null), entry.name(),
                    entry.birthDate().orElse(null), entry.birthYear().orElse(null),
                    entry.district().map(DistrictCode::value).orElse(null));
        }

        static PersonJson of(Resident resident) {
            return new PersonJson(resident.getId(), resident.getAccount().orElse(null), resident.getShownName(),
                    resident.getBirthDate().orElse(null), resident.getBirthYear().orElse(null),
                    resident.getDistrict().map(DistrictCode::value).orElse(null));
        }
    }

    public record InPersonJson(String fullName, LocalDate birthDate, String district, boolean duplicatesChecked) {
    }

    public record ChangeJson(String district, Integer birthYear, String reason) {
    }

    @Inject
    ResidentRegister register;

    @Inject
    Actor actor;

    @GET
    @Operation(summary = "People on the register and accounts whose name, username or e-mail matches (staff)")
    @SecurityRequirement(name = "keycloak")
    public List<PersonJson> search(@QueryParam("q") String query) {
        return register.search(actor, query).stream().map(PersonJson::of).toList();
    }

    @Staff(value = {Role.OFFICE_ADMIN, Role.DISTRICT_AGENT}, refusal = "participation.register.staffOnly")
    @POST
    @Operation(summary = "Enter a person without an account (staff of their district); 400 with the near-duplicates "
            + "unless duplicatesChecked")
    @SecurityRequirement(name = "keycloak")
    public Response enter(InPersonJson body) {
        if (body == null) {
            throw new InvalidInputException(null, "api.body.required");
        }
        DistrictCode district = body.district() == null ? null : new DistrictCode(body.district());
        Resident resident = register.enlistInPerson(actor, new InPersonResident(body.fullName(), body.birthDate(), district),
                body.duplicatesChecked(), Instant.now());
        return Response.status(Response.Status.CREATED).entity(PersonJson.of(resident)).build();
    }

    @PUT
    @Path("accounts/{username}")
    @Operation(summary = "Put an account on the register as it is now, if it is not on it yet (staff)")
    @SecurityRequirement(name = "keycloak")
    public PersonJson enlistAccount(@PathParam("username") String username) {
        return PersonJson.of(register.enlistAccount(actor, username, Instant.now()));
    }

    @Staff(value = {Role.OFFICE_ADMIN, Role.DISTRICT_AGENT}, refusal = "participation.register.staffOnly")
    @PUT
    @Path("{id}")
    @Operation(summary = "Move a person to another district and/or correct their year of birth, with a reason (the "
            + "office, or agents of their district); every change is kept")
    @SecurityRequirement(name = "keycloak")
    public PersonJson change(@PathParam("id") long id, ChangeJson body) {
        if (body == null) {
            throw new InvalidInputException(null, "api.body.required");
        }
        if (body.district() == null && body.birthYear() == null) {
            throw new InvalidInputException(null, "api.body.nothingToChange");
        }
        Instant now = Instant.now();
        if (body.district() != null) {
            register.move(actor, id, new DistrictCode(body.district()), body.reason(), now);
        }
        if (body.birthYear() != null) {
            register.correctBirthYear(actor, id, body.birthYear(), body.reason(), now);
        }
        return PersonJson.of(register.get(id));
    }
}
