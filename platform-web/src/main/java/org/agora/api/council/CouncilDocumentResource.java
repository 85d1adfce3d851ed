package org.agora.api.council;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.agora.council.CouncilDocument;
import org.agora.council.CouncilDocumentService;
import org.agora.media.DocumentFile;
import org.agora.shared.Actor;
import org.agora.shared.InvalidInputException;
import org.agora.shared.NotFoundException;
import org.agora.web.media.DocumentDownload;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * A council's documents through the API: anyone lists and downloads the public ones, members and leaders the
 * members-only ones too (for anyone else such a document does not exist: 404); leaders publish (the file as
 * base64, checked by its content) and remove.
 */
@Path("councils/{council}/documents")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CouncilDocumentResource {

    /** A document: {@code contentType} is the one found in its content; {@code file} the address to download it. */
    /** {@code moderation}: VISIBLE, PENDING or HIDDEN; a hidden document has no title nor file, but its public reason. */
    public record DocumentJson(long id, long council, String title, boolean membersOnly, String fileName,
                               String contentType, int byteSize, Instant publishedAt, URI file, String moderation,
                               String publicReason) {
    }

    /** A new document: its title, for whom, and the file as base64 with its name (whose extension must match). */
    public record NewDocumentJson(String title, boolean membersOnly, String fileName, String content) {
    }

    @Inject
    CouncilDocumentService documents;

    @Inject
    Actor actor;

    @Context
    UriInfo uri;

    @GET
    @Operation(summary = "The council's documents the caller may see, newest first (members-only ones for members "
            + "and leaders only)")
    public List<DocumentJson> list(@PathParam("council") long council) {
        return documents.visible(actor, council).stream().map(this::json).toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One document's description; 404 when it is unknown or members-only and the caller is "
            + "neither a member nor a leader")
    public DocumentJson get(@PathParam("council") long council, @PathParam("id") long id) {
        return json(ofCouncil(council, id));
    }

    @GET
    @Path("{id}/file")
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "Download the document: an attachment with the type found in its content; 404 as above")
    public Response file(@PathParam("council") long council, @PathParam("id") long id) {
        ofCouncil(council, id);
        return DocumentDownload.response(documents.file(actor, id));
    }

    @POST
    @Operation(summary = "Publish a document (the council's animators, its district's agents, the office): PDF, "
            + "OpenDocument, Office or a picture, recognised by its content, named with the matching extension")
    @APIResponse(responseCode = "201", description = "The document as stored")
    @APIResponse(responseCode = "400", description = "No title, or a refused file (empty, too large, not what its "
            + "name says, not an accepted kind); nothing is stored")
    @SecurityRequirement(name = "keycloak")
    public Response publish(@PathParam("council") long council, NewDocumentJson request) {
        if (request == null) {
            throw new InvalidInputException(null, "api.body.required");
        }
        CouncilDocument document = documents.publish(actor, council, request.title(), request.membersOnly(),
                request.fileName(), decoded(request.content()), Instant.now());
        return Response.status(Response.Status.CREATED).entity(json(document)).build();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Remove a document and its file (the council's leaders)")
    @APIResponse(responseCode = "204", description = "Removed")
    @SecurityRequirement(name = "keycloak")
    public Response remove(@PathParam("council") long council, @PathParam("id") long id) {
        ofCouncil(council, id);
        documents.remove(actor, id);
        return Response.noContent().build();
    }

    /** The document if the caller may see it and it belongs to this council; otherwise not found. */
    private CouncilDocument ofCouncil(long council, long id) {
        CouncilDocument document = documents.get(actor, id);
        if (document.getCouncilId() != council) {
            throw new NotFoundException("council.document.notFound", id);
        }
        return document;
    }

    private static byte[] decoded(String base64) {
        if (base64 == null || base64.isBlank()) {
            return null; // the domain refuses it as empty
        }
        try {
            return Base64.getMimeDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(DocumentFile.FIELD, "council.document.notBase64");
        }
    }

    private DocumentJson json(CouncilDocument d) {
        URI file = uri.getBaseUriBuilder().path("councils/{c}/documents/{id}/file").build(d.getCouncilId(), d.getId());
        boolean hidden = d.isHidden();
        return new DocumentJson(d.getId(), d.getCouncilId(), hidden ? null : d.getTitle(), d.isMembersOnly(),
                hidden ? null : d.getFileName(), d.getContentType(), d.getByteSize(), d.getPublishedAt(),
                hidden ? null : file, d.getVisibility().state().name(), d.getVisibility().publicReason().orElse(null));
    }
}
