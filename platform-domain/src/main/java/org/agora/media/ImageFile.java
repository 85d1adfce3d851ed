package org.agora.media;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.agora.shared.InvalidInputException;

/**
 * An uploaded picture the platform accepts: a PNG or a JPEG of at most {@value #MAX_MEGABYTES} MB and
 * {@value #MAX_SIDE} pixels a side, that Java's image readers decode. The format is decided by the content,
 * never by the file's name or the browser's word; a name whose extension says another format is refused.
 */
public final class ImageFile {

    public static final int MAX_MEGABYTES = 5;
    public static final int MAX_BYTES = MAX_MEGABYTES * 1024 * 1024;
    public static final int MAX_SIDE = 8000;

    /** The input field the refusals belong to. */
    public static final String FIELD = "file";

    /** The full decode, which proves the data is whole, keeps at most about this many pixels a side in memory. */
    private static final int CHECK_SIDE = 1000;

    private final Format format;
    private final int width;
    private final int height;
    private final byte[] bytes;

    private ImageFile(Format format, int width, int height, byte[] bytes) {
        this.format = format;
        this.width = width;
        this.height = height;
        this.bytes = bytes;
    }

    /**
     * Checks an upload: not empty, not over the size limit, a PNG or JPEG by its first bytes, named with a
     * matching extension (or none), dimensions within limits read from the header alone (so a small file that
     * claims a huge picture is refused before any pixel is decoded), then decoded whole.
     */
    public static ImageFile read(String fileName, byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new InvalidInputException(FIELD, "media.image.empty");
        }
        if (bytes.length > MAX_BYTES) {
            throw new InvalidInputException(FIELD, "media.image.tooLarge", MAX_MEGABYTES);
        }
        Format format = Format.of(bytes).orElseThrow(ImageFile::notAnImage);
        extension(fileName).filter(extension -> !format.extensions.contains(extension.toLowerCase(Locale.ROOT)))
                .ifPresent(extension -> {
                    throw new InvalidInputException(FIELD, "media.image.wrongExtension", format.name(), extension);
                });
        ImageReader reader = format.reader();
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if (width <= 0 || height <= 0) {
                throw notAnImage();
            }
            if (width > MAX_SIDE || height > MAX_SIDE) {
                throw new InvalidInputException(FIELD, "media.image.dimensionsTooLarge", MAX_SIDE);
            }
            decode(reader, Math.max(width, height));
            // what the camera wrote beside the pixels (the GPS position of the picture) is not kept
            byte[] kept = format.name().equals("JPEG") ? ImageMetadata.jpeg(bytes) : ImageMetadata.png(bytes);
            return new ImageFile(format, width, height, kept == bytes ? bytes.clone() : kept);
        } catch (InvalidInputException refusal) {
            throw refusal;
        } catch (IOException | RuntimeException damaged) {
            // the readers report damaged data with IIOException, and sometimes with an unchecked exception
            throw notAnImage();
        } finally {
            reader.dispose();
        }
    }

    /**
     * Reads every pixel row, keeping one pixel in {@code step} each way. A JPEG is read as raw samples, without
     * colour conversion, so that CMYK files from print tools pass as they do in browsers.
     */
    private static void decode(ImageReader reader, int largestSide) throws IOException {
        int step = Math.max(1, (largestSide + CHECK_SIDE - 1) / CHECK_SIDE);
        ImageReadParam param = reader.getDefaultReadParam();
        param.setSourceSubsampling(step, step, 0, 0);
        if (reader.canReadRaster()) {
            reader.readRaster(0, param);
        } else {
            reader.read(0, param);
        }
    }

    private static Optional<String> extension(String fileName) {
        if (fileName == null) {
            return Optional.empty();
        }
        String name = fileName.strip();
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        int dot = name.lastIndexOf('.');
        if (dot < 0 || dot == name.length() - 1) {
            return Optional.empty();
        }
        String extension = name.substring(dot + 1);
        return Optional.of(extension.length() > 12 ? extension.substring(0, 12) + "…" : extension);
    }

    private static InvalidInputException notAnImage() {
        return new InvalidInputException(FIELD, "media.image.notAnImage");
    }

    /** "image/png" or "image/jpeg", from the content. */
    public String contentType() {
        return format.contentType;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The size in bytes. */
    public int size() {
        return bytes.length;
    }

    /** A copy of the file's bytes, exactly as uploaded. */
    public byte[] bytes() {
        return bytes.clone();
    }

    private enum Format {
        PNG("image/png", "png", Set.of("png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}),
        JPEG("image/jpeg", "jpeg", Set.of("jpg", "jpeg", "jpe", "jfif"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});

        private final String contentType;
        private final String readerName;
        private final Set<String> extensions;
        private final byte[] signature;

        Format(String contentType, String readerName, Set<String> extensions, byte[] signature) {
            this.contentType = contentType;
            this.readerName = readerName;
            this.extensions = extensions;
            this.signature = signature;
        }

        static Optional<Format> of(byte[] bytes) {
            return Arrays.stream(values())
                    .filter(f -> bytes.length > f.signature.length
                            && Arrays.equals(bytes, 0, f.signature.length, f.signature, 0, f.signature.length))
                    .findFirst();
        }

        ImageReader reader() {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(readerName);
            if (!readers.hasNext()) {
                throw new IllegalStateException("no image reader for " + readerName);
            }
            return readers.next();
        }
    }
}
