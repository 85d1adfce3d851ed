package org.agora.media;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The kinds of document the platform keeps (council documents, meeting minutes): PDF, OpenDocument and Microsoft
 * Office files, and common pictures. Each has the one content type it is served with and the file-name
 * extensions that may say it.
 */
public enum DocumentFormat {
    PDF("application/pdf", "PDF", "pdf"),
    ODT("application/vnd.oasis.opendocument.text", "OpenDocument Text", "odt"),
    ODS("application/vnd.oasis.opendocument.spreadsheet", "OpenDocument Spreadsheet", "ods"),
    ODP("application/vnd.oasis.opendocument.presentation", "OpenDocument Presentation", "odp"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word", "docx"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel", "xlsx"),
    PPTX("application/vnd.openxmlformats-officedocument.presentationml.presentation", "PowerPoint", "pptx"),
    DOC("application/msword", "Word 97-2003", "doc"),
    XLS("application/vnd.ms-excel", "Excel 97-2003", "xls"),
    PPT("application/vnd.ms-powerpoint", "PowerPoint 97-2003", "ppt"),
    PNG("image/png", "PNG", "png"),
    JPEG("image/jpeg", "JPEG", "jpg", "jpeg", "jpe", "jfif"),
    GIF("image/gif", "GIF", "gif"),
    WEBP("image/webp", "WebP", "webp");

    private final String contentType;
    private final String label;
    private final List<String> extensions;

    DocumentFormat(String contentType, String label, String... extensions) {
        this.contentType = contentType;
        this.label = label;
        this.extensions = List.of(extensions);
    }

    /** The accepted format with this content type (as detected, or as stored). */
    public static Optional<DocumentFormat> ofContentType(String contentType) {
        return Arrays.stream(values()).filter(format -> format.contentType.equals(contentType)).findFirst();
    }

    /** The accepted format a file name's extension says, in any case ("PDF", "Jpeg"). */
    public static Optional<DocumentFormat> ofExtension(String extension) {
        String lower = extension.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(format -> format.extensions.contains(lower)).findFirst();
    }

    /** "PDF, OpenDocument Text (odt), ...": the list a refusal shows, the same in every language. */
    public static String acceptedList() {
        return Arrays.stream(values()).map(format -> format.label + " (." + String.join(", .", format.extensions) + ")")
                .collect(Collectors.joining(", "));
    }

    public String contentType() {
        return contentType;
    }

    /** The format's usual name, a brand or standard name that needs no translation. */
    public String label() {
        return label;
    }

    /** The extension given to a file uploaded without one. */
    public String mainExtension() {
        return extensions.get(0);
    }

    public boolean isNamedBy(String extension) {
        return extensions.contains(extension.toLowerCase(Locale.ROOT));
    }

    public boolean isImage() {
        return contentType.startsWith("image/");
    }
}
