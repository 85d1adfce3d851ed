package org.agora.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** An RFC 7807 problem body: what went wrong, in the caller's language, and the field at fault if any. */
public record Problem(String type, String title, int status, String detail, String field) {

    public static final MediaType MEDIA_TYPE = new MediaType("application", "problem+json");

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }
}
