package org.agora.council;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.agora.shared.InvalidInputException;

/**
 * An uploaded PDF of a meeting's minutes that the platform accepts: not empty, at most {@value #MAX_MEGABYTES} MB,
 * a PDF by its content (it starts with the {@code %PDF-} header and its last kilobyte holds the {@code %%EOF}
 * marker), named {@code .pdf} or without an extension. The name or the browser's word is never trusted alone.
 */
public final class MinutesFile {

    public static final int MAX_MEGABYTES = 8;
    public static final int MAX_BYTES = MAX_MEGABYTES * 1024 * 1024;
    public static final int MAX_NAME = 255;

    /** The input field the refusals belong to. */
    public static final String FIELD = "pdf";

    private static final byte[] HEADER = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END = "%%EOF".getBytes(StandardCharsets.US_ASCII);
    private static final int TAIL = 1024;

    private final String name;
    private final byte[] bytes;

    private MinutesFile(String name, byte[] bytes) {
        this.name = name;
        this.bytes = bytes;
    }

    /** Checks an upload; refused with the reason, field {@value #FIELD}. */
    public static MinutesFile read(String fileName, byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new InvalidInputException(FIELD, "council.minutes.pdfEmpty");
        }
        if (bytes.length > MAX_BYTES) {
            throw new InvalidInputException(FIELD, "council.minutes.pdfTooLarge", MAX_MEGABYTES);
        }
        String name = safeName(fileName);
        int dot = name.lastIndexOf('.');
        if (dot > 0 && !name.substring(dot + 1).toLowerCase(Locale.ROOT).equals("pdf")) {
            throw new InvalidInputException(FIELD, "council.minutes.notPdf");
        }
        if (!startsWith(bytes, HEADER) || !endsWithMarker(bytes)) {
            throw new InvalidInputException(FIELD, "council.minutes.notPdf");
        }
        return new MinutesFile(dot > 0 ? name : name + ".pdf", bytes);
    }

    /** The file's own name without any folder, control characters or quotes, so a download header may carry it. */
    private static String safeName(String fileName) {
        String name = fileName == null ? "" : fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"';]", "").strip();
        if (name.isEmpty() || name.startsWith(".")) {
            name = "minutes" + name;
        }
        return name.length() > MAX_NAME - 4 ? name.substring(name.length() - (MAX_NAME - 4)) : name;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean endsWithMarker(byte[] bytes) {
        int from = Math.max(HEADER.length, bytes.length - TAIL);
        for (int i = bytes.length - END.length; i >= from; i--) {
            boolean match = true;
            for (int j = 0; j < END.length && match; j++) {
                match = bytes[i + j] == END[j];
            }
            if (match) {
                return true;
            }
        }
        return false;
    }

    public String name() {
        return name;
    }

    public byte[] bytes() {
        return bytes.clone();
    }
}
