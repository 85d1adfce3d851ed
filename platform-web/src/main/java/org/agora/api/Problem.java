package org.agora.api;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.agora.web.platform.Texts;

/** An RFC 7807 problem body: what went wrong, in the caller's language, and the field at fault if any. */
public record Problem(String type, String title, int status, String detail, String field, List<Item> errors) {

    /** One of several problems of a request, e.g. each refused answer of a questionnaire. */
    public record Item(String field, String detail) {
    }

    public static final MediaType MEDIA_TYPE = new MediaType("application", "problem+json");
    private static final Jsonb JSON = JsonbBuilder.create();

    /** A problem in the caller's language: title from its status, detail from the message key. */
    public static Problem of(Locale locale, int status, String messageKey, String field, Object... arguments) {
        return new Problem("urn:agora:" + messageKey, Texts.format(locale, "api.problem." + status), status,
                Texts.format(locale, messageKey, arguments), field, null);
    }

    public Problem withErrors(List<Item> items) {
        return new Problem(type, title, status, detail, field, List.copyOf(items));
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }

    /** The same answered by hand, where no JAX-RS resource runs (the authentication mechanism, a filter). */
    public void writeTo(HttpServletResponse response) throws IOException {
        response.setStatus(status);
        response.setContentType(MEDIA_TYPE.toString());
        response.setCharacterEncoding("UTF-8");
        JSON.toJson(this, response.getWriter());
    }
}
