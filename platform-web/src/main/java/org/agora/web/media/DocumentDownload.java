package org.agora.web.media;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import org.agora.media.StoredDocument;

/**
 * How a stored document leaves the platform: always as a download (never shown inside a page of ours), with the
 * type found in its content and no other, and kept out of shared caches (some documents are for members only).
 * The capability serving it has already decided that the caller may have it.
 */
public final class DocumentDownload {

    static final String NO_SNIFFING = "nosniff";
    static final String PRIVATE = "private, no-cache";
    // should a browser still render it, it runs nothing and loads nothing
    public static final String SANDBOX = "sandbox; default-src 'none'";

    private DocumentDownload() {
    }

    /** Writes the document as the servlet's answer. */
    public static void write(HttpServletResponse response, StoredDocument document) throws IOException {
        response.setContentType(document.getContentType());
        response.setContentLength(document.getByteSize());
        response.setHeader("Content-Disposition", contentDisposition(document.getFileName()));
        response.setHeader("X-Content-Type-Options", NO_SNIFFING);
        response.setHeader("Content-Security-Policy", SANDBOX);
        response.setHeader("Cache-Control", PRIVATE);
        document.writeTo(response.getOutputStream());
    }

    /** The document as a JAX-RS answer, with the same headers. */
    public static Response response(StoredDocument document) {
        return Response.ok((StreamingOutput) document::writeTo, document.getContentType())
                .header("Content-Length", document.getByteSize())
                .header("Content-Disposition", contentDisposition(document.getFileName()))
                .header("X-Content-Type-Options", NO_SNIFFING)
                .header("Content-Security-Policy", SANDBOX)
                .header("Cache-Control", PRIVATE)
                .build();
    }

    /**
     * {@code attachment} with the name twice (RFC 6266): a plain ASCII {@code filename} for old clients, and the
     * real name in UTF-8 as {@code filename*}. The stored name has no quotes, back-slashes or control characters.
     */
    static String contentDisposition(String fileName) {
        String ascii = Normalizer.normalize(fileName, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replaceAll("[^\\x20-\\x7E]", "_").replace("\"", "").replace("\\", "");
        String utf8 = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + utf8;
    }
}
