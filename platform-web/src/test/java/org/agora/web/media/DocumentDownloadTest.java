package org.agora.web.media;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.agora.media.DocumentFile;
import org.agora.media.StoredDocument;
import org.junit.jupiter.api.Test;

class DocumentDownloadTest {

    private static final byte[] PDF = ("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);

    @Test
    void documentIsSentAsAnAttachmentWithTheTypeOfItsContentOnly() throws IOException {
        StoredDocument document = new StoredDocument(DocumentFile.read("compte-rendu.pdf", PDF, 10), "agent", Instant.now());
        Map<String, Object> sent = new HashMap<>();
        ByteArrayOutputStream body = new ByteArrayOutputStream();

        DocumentDownload.write(response(sent, body), document);

        assertThat(sent).containsEntry("contentType", "application/pdf")
                .containsEntry("contentLength", PDF.length)
                .containsEntry("Content-Disposition", "attachment; filename=\"compte-rendu.pdf\"; filename*=UTF-8''compte-rendu.pdf")
                .containsEntry("X-Content-Type-Options", "nosniff")
                .containsEntry("Content-Security-Policy", "sandbox; default-src 'none'")
                .containsEntry("Cache-Control", "private, no-cache");
        assertThat(body.toByteArray()).isEqualTo(PDF);
    }

    @Test
    void nameWithAccentsAndSpacesIsSentInAsciiAndInUtf8() {
        assertThat(DocumentDownload.contentDisposition("Procès-verbal du 3 mars.pdf"))
                .isEqualTo("attachment; filename=\"Proces-verbal du 3 mars.pdf\"; "
                        + "filename*=UTF-8''Proc%C3%A8s-verbal%20du%203%20mars.pdf");
        assertThat(DocumentDownload.contentDisposition("中文.pdf"))
                .isEqualTo("attachment; filename=\"__.pdf\"; filename*=UTF-8''%E4%B8%AD%E6%96%87.pdf");
    }

    private static HttpServletResponse response(Map<String, Object> sent, ByteArrayOutputStream body) {
        return (HttpServletResponse) Proxy.newProxyInstance(DocumentDownloadTest.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "setContentType" -> sent.put("contentType", args[0]);
                        case "setContentLength" -> sent.put("contentLength", args[0]);
                        case "setHeader" -> sent.put((String) args[0], args[1]);
                        case "getOutputStream" -> {
                            return new ServletOutputStream() {
                                @Override
                                public void write(int b) {
                                    body.write(b);
                                }

                                @Override
                                public boolean isReady() {
                                    return true;
                                }

                                @Override
                                public void setWriteListener(WriteListener listener) {
                                    throw new UnsupportedOperationException();
                                }
                            };
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    }
                    return null;
                });
    }
}
