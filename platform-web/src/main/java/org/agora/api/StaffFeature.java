package org.agora.api;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import java.util.Arrays;
import org.agora.shared.NotAllowedException;

/**
 * Puts a role check in front of each {@link Staff} endpoint. A request filter of the authorization stage runs before
 * the resource method's parameters (its JSON body among them) are read; its refusal goes through the API's problem
 * mappers like any other ({@link NotAllowedException}: 403, or 401 for nobody).
 */
@Provider
public class StaffFeature implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        Staff staff = resource.getResourceMethod().getAnnotation(Staff.class);
        if (staff != null) {
            context.register(new RoleCheck(staff));
        }
    }

    @Priority(Priorities.AUTHORIZATION)
    static final class RoleCheck implements ContainerRequestFilter {

        private final Staff staff;

        RoleCheck(Staff staff) {
            this.staff = staff;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            if (Arrays.stream(staff.value()).noneMatch(role -> request.getSecurityContext().isUserInRole(role.realmName()))) {
                throw new NotAllowedException(staff.refusal());
            }
        }
    }
}
