package org.agora.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.agora.shared.InvalidInputException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageFileTest {

    @Test
    void pngIsAcceptedWithItsDimensionsAndBytes() {
        byte[] png = TestImages.png(40, 30);

        ImageFile image = ImageFile.read("plan du parc.png", png);

        assertThat(image.contentType()).isEqualTo("image/png");
        assertThat(image.width()).isEqualTo(40);
        assertThat(image.height()).isEqualTo(30);
        assertThat(image.size()).isEqualTo(png.length);
        assertThat(image.bytes()).isEqualTo(png);
    }

    @ParameterizedTest
    @ValueSource(strings = {"photo.jpg", "PHOTO.JPG", "photo.jpeg", "photo.Jpeg", "photo.jfif",
        "C:\\Users\\anne\\Images\\photo.jpg", "photo", "photo.", ""})
    void jpegIsAcceptedUnderAMatchingNameOrANameWithoutExtension(String fileName) {
        ImageFile image = ImageFile.read(fileName, TestImages.jpeg(120, 80));

        assertThat(image.contentType()).isEqualTo("image/jpeg");
        assertThat(image.width()).isEqualTo(120);
        assertThat(image.height()).isEqualTo(80);
    }

    @Test
    void nameIsOptional() {
        assertThat(ImageFile.read(null, TestImages.png(2, 2)).contentType()).isEqualTo("image/png");
    }

    @Test
    void pdfNamedLikeAPhotoIsNotAnImage() {
        assertRefused(() -> ImageFile.read("photo.jpg", TestImages.pdf()), "media.image.notAnImage");
    }

    @Test
    void imageFormatsOtherThanPngAndJpegAreRefused() {
        assertRefused(() -> ImageFile.read("anim.gif", TestImages.gif(10, 10)), "media.image.notAnImage");
        assertRefused(() -> ImageFile.read("photo.webp", TestImages.webp()), "media.image.notAnImage");
    }

    @Test
    void textPretendingToBeAnImageIsRefused() {
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>".getBytes();
        assertRefused(() -> ImageFile.read("logo.png", svg), "media.image.notAnImage");
        byte[] html = "<html><script>alert(1)</script></html>".getBytes();
        assertRefused(() -> ImageFile.read("photo.jpg", html), "media.image.notAnImage");
    }

    @Test
    void rightSignatureFollowedByGarbageIsRefused() {
        byte[] png = TestImages.png(8, 8);
        byte[] fakePng = Arrays.copyOf(png, 200);
        Arrays.fill(fakePng, 8, fakePng.length, (byte) 0x41);
        assertRefused(() -> ImageFile.read("x.png", fakePng), "media.image.notAnImage");

        byte[] fakeJpeg = new byte[200];
        Arrays.fill(fakeJpeg, (byte) 0x41);
        fakeJpeg[0] = (byte) 0xFF;
        fakeJpeg[1] = (byte) 0xD8;
        fakeJpeg[2] = (byte) 0xFF;
        assertRefused(() -> ImageFile.read("x.jpg", fakeJpeg), "media.image.notAnImage");
    }

    @Test
    void truncatedPngIsRefused() {
        assertRefused(() -> ImageFile.read("plan.png", TestImages.truncated(TestImages.png(300, 200))),
                "media.image.notAnImage");
    }

    @Test
    void pngNamedJpgIsRefusedForItsName() {
        InvalidInputException e = assertRefused(() -> ImageFile.read("photo.jpg", TestImages.png(10, 10)),
                "media.image.wrongExtension");
        assertThat(e.arguments()).containsExactly("PNG", "jpg");
    }

    @Test
    void jpegNamedLikeAnotherFileIsRefusedForItsName() {
        assertRefused(() -> ImageFile.read("photo.png", TestImages.jpeg(10, 10)), "media.image.wrongExtension");
        assertRefused(() -> ImageFile.read("rapport.pdf", TestImages.jpeg(10, 10)), "media.image.wrongExtension");
    }

    @Test
    void emptyFileIsRefused() {
        assertRefused(() -> ImageFile.read("photo.jpg", new byte[0]), "media.image.empty");
        assertRefused(() -> ImageFile.read("photo.jpg", null), "media.image.empty");
    }

    @Test
    void fileOverTheLimitIsRefusedWithTheLimitInMegabytes() {
        InvalidInputException e = assertRefused(
                () -> ImageFile.read("grand.png", TestImages.pngOfSize(ImageFile.MAX_BYTES + 1)), "media.image.tooLarge");
        assertThat(e.arguments()).containsExactly(5);
        assertThat(ImageFile.MAX_BYTES).isEqualTo(5 * 1024 * 1024);
    }

    @Test
    void fileOfExactlyTheLimitIsAccepted() {
        assertThat(ImageFile.read("grand.png", TestImages.pngOfSize(ImageFile.MAX_BYTES)).size())
                .isEqualTo(ImageFile.MAX_BYTES);
    }

    @Test
    void pictureOfTheLargestDimensionsIsAccepted() {
        assertThat(ImageFile.read("bandeau.png", TestImages.png(ImageFile.MAX_SIDE, 2)).width()).isEqualTo(8000);
        assertThat(ImageFile.read("bandeau.jpg", TestImages.jpeg(2, ImageFile.MAX_SIDE)).height()).isEqualTo(8000);
    }

    @Test
    void pictureWiderOrHigherThanTheLimitIsRefused() {
        InvalidInputException e = assertRefused(() -> ImageFile.read("bandeau.png", TestImages.png(8001, 2)),
                "media.image.dimensionsTooLarge");
        assertThat(e.arguments()).containsExactly(8000);
        assertRefused(() -> ImageFile.read("bandeau.jpg", TestImages.jpeg(2, 8001)), "media.image.dimensionsTooLarge");
    }

    /** 60,000 x 60,000 pixels would need gigabytes once decoded: refused from the header, at once. */
    @Test
    @Timeout(5)
    void decompressionBombIsRefusedBeforeDecoding() {
        byte[] bomb = TestImages.pngClaiming(60_000, 60_000);
        assertThat(bomb.length).isLessThan(200);
        assertRefused(() -> ImageFile.read("bomb.png", bomb), "media.image.dimensionsTooLarge");
    }

    @Test
    void bytesAreCopiedInAndOut() {
        byte[] png = TestImages.png(3, 3);
        ImageFile image = ImageFile.read("a.png", png);
        png[20] ^= 0x7F;
        image.bytes()[21] ^= 0x7F;

        assertThat(image.bytes()).isEqualTo(TestImages.png(3, 3));
    }

    private static InvalidInputException assertRefused(ThrowingCallable read, String key) {
        InvalidInputException[] refusal = new InvalidInputException[1];
        assertThatThrownBy(read).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.messageKey()).isEqualTo(key);
            assertThat(e.field()).contains(ImageFile.FIELD);
            refusal[0] = e;
        });
        return refusal[0];
    }

    @Test
    void whatTheCameraWroteBesideThePixelsIsNotKept() throws Exception {
        byte[] phone = TestImages.jpegWithExif(40, 30);
        assertThat(new String(phone, java.nio.charset.StandardCharsets.ISO_8859_1)).contains("GPS 48.8566N");
        ImageFile jpeg = ImageFile.read("photo.jpg", phone);
        String kept = new String(jpeg.bytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(kept).doesNotContain("Exif", "GPS", "Camille");
        assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(jpeg.bytes())).getWidth()).isEqualTo(40);
        assertThat(jpeg.bytes()).as("the picture itself byte for byte").isEqualTo(TestImages.jpeg(40, 30));

        ImageFile png = ImageFile.read("plan.png", TestImages.pngWithText(20, 10));
        assertThat(new String(png.bytes(), java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("GPS", "tEXt");
        assertThat(png.bytes()).isEqualTo(TestImages.png(20, 10));
    }
}
