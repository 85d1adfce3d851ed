package org.agora.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Real image files made on the spot with ImageIO, and files that only pretend to be images. */
public final class TestImages {

    private TestImages() {
    }

    public static byte[] png(int width, int height) {
        return write("png", picture(width, height, BufferedImage.TYPE_INT_ARGB));
    }

    public static byte[] jpeg(int width, int height) {
        return write("jpeg", picture(width, height, BufferedImage.TYPE_INT_RGB));
    }

    public static byte[] gif(int width, int height) {
        return write("gif", picture(width, height, BufferedImage.TYPE_INT_RGB));
    }

    /** The start of a real PDF: what a scanned document looks like to a server. */
    public static byte[] pdf() {
        return ("%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
                + "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** A RIFF/WEBP header: a WebP, which the platform does not take. */
    public static byte[] webp() {
        byte[] bytes = new byte[64];
        System.arraycopy("RIFF".getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, 4);
        System.arraycopy("WEBPVP8 ".getBytes(StandardCharsets.US_ASCII), 0, bytes, 8, 8);
        return bytes;
    }

    /**
     * A real PNG whose header (IHDR, with a correct checksum) claims other dimensions: what a decompression bomb
     * looks like before its pixels are decoded.
     */
    public static byte[] pngClaiming(int width, int height) {
        byte[] bytes = png(4, 4);
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        int ihdrType = 12; // 8 bytes signature, 4 bytes length
        buffer.putInt(ihdrType + 4, width);
        buffer.putInt(ihdrType + 8, height);
        CRC32 crc = new CRC32();
        crc.update(bytes, ihdrType, 4 + 13);
        buffer.putInt(ihdrType + 4 + 13, (int) crc.getValue());
        return bytes;
    }

    /** The first bytes only, as a broken upload would leave them. */
    public static byte[] truncated(byte[] bytes) {
        return Arrays.copyOf(bytes, bytes.length / 2);
    }

    /** A real PNG made exactly {@code size} bytes long by bytes after its end, which readers ignore. */
    public static byte[] pngOfSize(int size) {
        byte[] png = png(16, 16);
        return Arrays.copyOf(png, size);
    }

    private static BufferedImage picture(int width, int height, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x2E7D32));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.fillOval(width / 4, height / 4, Math.max(1, width / 2), Math.max(1, height / 2));
        g.dispose();
        return image;
    }

    private static byte[] write(String format, BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A JPEG as a phone writes it: an EXIF segment (with a GPS-like text) right after the start, then the picture. */
    public static byte[] jpegWithExif(int width, int height) {
        byte[] plain = jpeg(width, height);
        byte[] exif = "Exif\0\0GPS 48.8566N 2.3522E Rue des Lilas".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(plain, 0, 2);
        out.write(0xFF);
        out.write(0xE1);
        out.write((exif.length + 2) >> 8);
        out.write((exif.length + 2) & 0xFF);
        out.write(exif, 0, exif.length);
        out.write(0xFF);
        out.write(0xFE); // a comment too
        byte[] comment = "Camille's phone".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        out.write((comment.length + 2) >> 8);
        out.write((comment.length + 2) & 0xFF);
        out.write(comment, 0, comment.length);
        out.write(plain, 2, plain.length - 2);
        return out.toByteArray();
    }

    /** A PNG with a text chunk (a position) before its image data. */
    public static byte[] pngWithText(int width, int height) {
        byte[] plain = png(width, height);
        byte[] data = "Comment\0GPS 48.8566N 2.3522E".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update("tEXt".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        crc.update(data);
        java.nio.ByteBuffer chunk = java.nio.ByteBuffer.allocate(12 + data.length);
        chunk.putInt(data.length).put("tEXt".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)).put(data)
                .putInt((int) crc.getValue());
        int afterHeader = 8 + 25; // signature, then the IHDR chunk (13 bytes of data + 12)
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(plain, 0, afterHeader);
        out.write(chunk.array(), 0, chunk.capacity());
        out.write(plain, afterHeader, plain.length - afterHeader);
        return out.toByteArray();
    }
}
