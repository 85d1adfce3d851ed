package org.agora.media;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.agora.shared.InvalidInputException;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;

/**
 * An uploaded document the platform accepts: one of the {@link DocumentFormat}s, recognised by its content
 * (Apache Tika's magic bytes; for Office Open XML the package's declared main part, for Office 97-2003 the
 * container's streams), never by its name or
 * the browser's word, and not over the size limit. A name whose extension says another kind of file than the
 * content is refused, so what residents download is what its name promises.
 */
public final class DocumentFile {

    /** The size limit when the configuration does not set one. */
    public static final int DEFAULT_MAX_MEGABYTES = 10;

    /** The input field the refusals belong to. */
    public static final String FIELD = "file";

    static final int MAX_NAME_LENGTH = 150;

    private static final MimeTypes TIKA = MimeTypes.getDefaultMimeTypes();
    private static final MediaType ZIP = MediaType.application("zip");
    private static final MediaType OOXML = MediaType.application("x-tika-ooxml");
    private static final MediaType OLE2 = MediaType.application("x-tika-msoffice");

    private final DocumentFormat format;
    private final String fileName;
    private final byte[] bytes;

    private DocumentFile(DocumentFormat format, String fileName, byte[] bytes) {
        this.format = format;
        this.fileName = fileName;
        this.bytes = bytes;
    }

    /**
     * Checks an upload: not empty, at most {@code maxMegabytes}, of an accepted format by its content, named
     * with an extension of that format (a name without one gets it).
     */
    public static DocumentFile read(String fileName, byte[] bytes, int maxMegabytes) {
        if (bytes == null || bytes.length == 0) {
            throw new InvalidInputException(FIELD, "media.document.empty");
        }
        if (bytes.length > (long) maxMegabytes * 1024 * 1024) {
            throw new InvalidInputException(FIELD, "media.document.tooLarge", maxMegabytes);
        }
        FileName name = FileName.of(fileName);
        Optional<DocumentFormat> detected = detect(bytes);
        if (detected.isEmpty()) {
            throw name.extension().flatMap(DocumentFormat::ofExtension)
                    .map(claimed -> new InvalidInputException(FIELD, "media.document.notWhatItsNameSays",
                            name.extension().get(), claimed.label()))
                    .orElseGet(() -> new InvalidInputException(FIELD, "media.document.notAccepted",
                            DocumentFormat.acceptedList()));
        }
        DocumentFormat format = detected.get();
        if (Macros.carriedBy(format, bytes)) {
            throw new InvalidInputException(FIELD, "media.document.macros", format.label());
        }
        name.extension().filter(extension -> !format.isNamedBy(extension)).ifPresent(extension -> {
            throw new InvalidInputException(FIELD, "media.document.wrongExtension", format.label(), extension);
        });
        return new DocumentFile(format, name.withExtension(format), bytes.clone());
    }

    /** The accepted format the content is, if it is one. */
    static Optional<DocumentFormat> detect(byte[] bytes) {
        MediaType type;
        try (InputStream in = TikaInputStream.get(bytes)) {
            // no name in the metadata: Tika decides from the bytes alone
            type = TIKA.detect(in, new Metadata());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (type.equals(ZIP) || type.equals(OOXML)) {
            return OfficeOpenXml.mainPart(bytes);
        }
        if (TIKA.getMediaTypeRegistry().isInstanceOf(type, OLE2)) {
            return Office97.of(bytes);
        }
        Optional<DocumentFormat> format = DocumentFormat.ofContentType(type.getBaseType().toString());
        if (format.isPresent() && isZipBased(format.get()) && !OfficeOpenXml.isWholeZip(bytes)) {
            return Optional.empty();
        }
        return format;
    }

    private static boolean isZipBased(DocumentFormat format) {
        return format == DocumentFormat.ODT || format == DocumentFormat.ODS || format == DocumentFormat.ODP;
    }

    public DocumentFormat format() {
        return format;
    }

    /** The type the document is served with, from its content. */
    public String contentType() {
        return format.contentType();
    }

    /** The name to download it under: the uploaded name without folders or control characters, with its extension. */
    public String fileName() {
        return fileName;
    }

    /** The size in bytes. */
    public int size() {
        return bytes.length;
    }

    /** A copy of the file's bytes, exactly as uploaded. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The uploaded name reduced to what is safe to show and to send back in a download header. */
    record FileName(String base, Optional<String> extension) {

        static FileName of(String uploaded) {
            String name = uploaded == null ? "" : uploaded;
            name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
            name = name.replaceAll("[\\p{Cntrl}\"*:<>?|]", "").replaceAll("\\s+", " ").strip();
            int dot = name.lastIndexOf('.');
            if (dot < 0 || dot == name.length() - 1) {
                return new FileName(stripDots(name), Optional.empty());
            }
            String extension = name.substring(dot + 1);
            return new FileName(stripDots(name.substring(0, dot)),
                    Optional.of(extension.length() > 12 ? extension.substring(0, 12) + "…" : extension));
        }

        private static String stripDots(String base) {
            return base.replaceAll("^[. ]+|[. ]+$", "");
        }

        String withExtension(DocumentFormat format) {
            String extension = extension().orElse(format.mainExtension());
            int room = MAX_NAME_LENGTH - extension.length() - 1;
            String kept = base.isEmpty() ? "document" : base.length() > room ? base.substring(0, room).strip() : base;
            return kept + "." + extension;
        }
    }

    /**
     * Whether an Office file carries a VBA project, which its readers could be led to run: an Office 97-2003 file keeps
     * it in a storage of its own ({@code Macros} for Word, {@code _VBA_PROJECT_CUR} for Excel, {@code VBA} or
     * {@code _VBA_PROJECT} elsewhere), an Office Open XML package in a {@code vbaProject.bin} part, whatever content
     * type its main part declares, an OpenDocument file in its {@code Basic/} or {@code Scripts/} folders.
     */
    static final class Macros {

        private static final List<String> OLE2_STORAGES = List.of("Macros", "_VBA_PROJECT_CUR", "_VBA_PROJECT", "VBA");

        private Macros() {
        }

        static boolean carriedBy(DocumentFormat format, byte[] bytes) {
            return switch (format) {
                case DOC, XLS, PPT -> inOle2(bytes);
                case DOCX, XLSX, PPTX, ODT, ODS, ODP -> inPackage(bytes);
                default -> false;
            };
        }

        private static boolean inOle2(byte[] bytes) {
            try (POIFSFileSystem container = new POIFSFileSystem(new ByteArrayInputStream(bytes))) {
                return holdsVba(container.getRoot());
            } catch (IOException | RuntimeException damaged) {
                return true; // it was read once to know its format: one that cannot be read again is not let through
            }
        }

        private static boolean holdsVba(DirectoryNode directory) {
            for (org.apache.poi.poifs.filesystem.Entry entry : directory) {
                if (OLE2_STORAGES.stream().anyMatch(name -> name.equalsIgnoreCase(entry.getName()))) {
                    return true;
                }
                if (entry instanceof DirectoryNode child && holdsVba(child)) {
                    return true;
                }
            }
            return false;
        }

        private static boolean inPackage(byte[] bytes) {
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
                ZipEntry entry;
                for (int entries = 0; entries < OfficeOpenXml.MAX_ENTRIES && (entry = zip.getNextEntry()) != null;
                     entries++) {
                    String name = entry.getName().toLowerCase(java.util.Locale.ROOT);
                    if (name.endsWith("vbaproject.bin") || name.startsWith("basic/") || name.startsWith("scripts/")) {
                        return true;
                    }
                }
                return false;
            } catch (IOException | IllegalArgumentException damaged) {
                return true;
            }
        }
    }

    /**
     * Which Office 97-2003 file an OLE2 container is, from the streams in its root (read with Apache POI): Tika's
     * core guesses it only when the directory happens to sit near the start of the file.
     */
    static final class Office97 {

        private Office97() {
        }

        static Optional<DocumentFormat> of(byte[] bytes) {
            try (POIFSFileSystem container = new POIFSFileSystem(new ByteArrayInputStream(bytes))) {
                DirectoryNode root = container.getRoot();
                if (root.hasEntryCaseInsensitive("WordDocument")) {
                    return Optional.of(DocumentFormat.DOC);
                }
                if (root.hasEntryCaseInsensitive("Workbook") || root.hasEntryCaseInsensitive("Book")) {
                    return Optional.of(DocumentFormat.XLS);
                }
                if (root.hasEntryCaseInsensitive("PowerPoint Document")) {
                    return Optional.of(DocumentFormat.PPT);
                }
                return Optional.empty();
            } catch (IOException | RuntimeException damaged) {
                // POI reports broken containers with IOException, and sometimes with an unchecked exception
                return Optional.empty();
            }
        }
    }

    /**
     * The part of the check Tika's core leaves to its heavier parser modules: which Office Open XML document a
     * zip package is, read from the content type of its main part in {@code [Content_Types].xml}. Macro-enabled
     * and template packages declare other types and so are not accepted.
     */
    static final class OfficeOpenXml {

        private static final byte[] END_OF_CENTRAL_DIRECTORY = {'P', 'K', 5, 6};
        static final int MAX_ENTRIES = 500;
        private static final long MAX_INFLATED = 64L * 1024 * 1024;
        private static final int MAX_CONTENT_TYPES = 1024 * 1024;

        private OfficeOpenXml() {
        }

        static Optional<DocumentFormat> mainPart(byte[] bytes) {
            if (!isWholeZip(bytes)) {
                return Optional.empty();
            }
            return contentTypes(bytes).flatMap(OfficeOpenXml::formatDeclaredBy);
        }

        private static Optional<DocumentFormat> formatDeclaredBy(String contentTypes) {
            if (contentTypes.contains("\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"")) {
                return Optional.of(DocumentFormat.DOCX);
            }
            if (contentTypes.contains("\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"")) {
                return Optional.of(DocumentFormat.XLSX);
            }
            if (contentTypes.contains("\"application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml\"")) {
                return Optional.of(DocumentFormat.PPTX);
            }
            return Optional.empty();
        }

        /** The package's content types, or nothing when the zip has none, is damaged or inflates beyond reason. */
        private static Optional<String> contentTypes(byte[] bytes) {
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
                long inflated = 0;
                byte[] buffer = new byte[8192];
                ZipEntry entry;
                for (int entries = 0; entries < MAX_ENTRIES && (entry = zip.getNextEntry()) != null; entries++) {
                    if (entry.getName().equals("[Content_Types].xml")) {
                        return readAtMost(zip, MAX_CONTENT_TYPES);
                    }
                    for (int n; (n = zip.read(buffer)) > 0; ) {
                        inflated += n;
                        if (inflated > MAX_INFLATED) {
                            return Optional.empty();
                        }
                    }
                }
                return Optional.empty();
            } catch (IOException | IllegalArgumentException damaged) {
                return Optional.empty();
            }
        }

        private static Optional<String> readAtMost(InputStream in, int limit) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
                if (out.size() > limit) {
                    return Optional.empty();
                }
            }
            return Optional.of(out.toString(StandardCharsets.UTF_8));
        }

        /**
         * A zip ends with its central directory's end record, within the last 64 KiB (its comment) and 22 bytes:
         * without it, the upload was cut short and no office program will open it.
         */
        static boolean isWholeZip(byte[] bytes) {
            int last = bytes.length - 22;
            int first = Math.max(0, last - 0xFFFF);
            for (int i = last; i >= first; i--) {
                if (Arrays.equals(bytes, i, i + 4, END_OF_CENTRAL_DIRECTORY, 0, 4)) {
                    return true;
                }
            }
            return false;
        }
    }
}
