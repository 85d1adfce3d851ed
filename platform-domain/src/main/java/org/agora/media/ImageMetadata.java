package org.agora.media;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Takes out of an uploaded picture what a camera or a phone writes beside the pixels: the EXIF block (the GPS
 * position of where it was taken, often the resident's home, the device, the time), XMP, IPTC and comments. The pixels
 * and what is needed to show them (a JPEG's JFIF and Adobe colour segments and its ICC profile, a PNG's colour chunks)
 * are kept byte for byte: nothing is decoded and re-encoded, so quality and CMYK files are untouched.
 */
final class ImageMetadata {

    /** JPEG segments dropped: APP1 (EXIF, XMP), APP3 to APP13 (maker notes, IPTC in APP13), APP15, COM. */
    private static final int APP1 = 0xE1;
    private static final int APP2 = 0xE2;
    private static final int APP14 = 0xEE;
    private static final int COM = 0xFE;
    private static final int SOS = 0xDA;

    /** PNG chunks dropped: text, EXIF and time. */
    private static final Set<String> PNG_DROPPED = Set.of("tEXt", "zTXt", "iTXt", "eXIf", "tIME");

    private ImageMetadata() {
    }

    /** The JPEG without its metadata segments; the bytes as they are when the structure is not what it should be. */
    static byte[] jpeg(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
        out.write(bytes, 0, 2); // SOI
        int at = 2;
        while (at + 4 <= bytes.length) {
            if ((bytes[at] & 0xFF) != 0xFF) {
                return bytes; // not a marker where one should be: leave the file alone (it was decoded whole before)
            }
            int marker = bytes[at + 1] & 0xFF;
            if (marker == SOS) {
                out.write(bytes, at, bytes.length - at); // the scan and everything after it, as they are
                return out.toByteArray();
            }
            int length = ((bytes[at + 2] & 0xFF) << 8) | (bytes[at + 3] & 0xFF);
            if (length < 2 || at + 2 + length > bytes.length) {
                return bytes;
            }
            boolean metadata = marker == APP1 || (marker > APP2 && marker < APP14) || marker == 0xEF || marker == COM;
            if (!metadata) {
                out.write(bytes, at, 2 + length);
            }
            at += 2 + length;
        }
        return bytes;
    }

    /** The PNG without its text, EXIF and time chunks. */
    static byte[] png(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
        out.write(bytes, 0, 8); // signature
        int at = 8;
        while (at + 12 <= bytes.length) {
            long length = ((long) (bytes[at] & 0xFF) << 24) | ((bytes[at + 1] & 0xFF) << 16)
                    | ((bytes[at + 2] & 0xFF) << 8) | (bytes[at + 3] & 0xFF);
            if (length < 0 || at + 12 + length > bytes.length) {
                return bytes;
            }
            String type = new String(bytes, at + 4, 4, StandardCharsets.ISO_8859_1);
            if (!PNG_DROPPED.contains(type)) {
                out.write(bytes, at, (int) (12 + length));
            }
            at += (int) (12 + length);
            if (type.equals("IEND")) {
                out.write(bytes, at, bytes.length - at); // whatever follows, as it is (as after a JPEG's scan)
                return out.toByteArray();
            }
        }
        return bytes;
    }
}
