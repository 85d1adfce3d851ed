package org.agora.web.media;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.agora.media.ImageFile;
import org.agora.media.ImageService;
import org.agora.media.StoredImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageServletTest {

    private static final long STORED_ID = 150;

    private final byte[] png = png();
    private final ImageServlet servlet = new ImageServlet();

    ImageServletTest() {
        StoredImage stored = new StoredImage(ImageFile.read("parc.png", png), "agent", Instant.now());
        servlet.images = new ImageService() {
            @Override
            public Optional<StoredImage> find(long id) {
                return id == STORED_ID ? Optional.of(stored) : Optional.empty();
            }
        };
    }

    @Test
    void storedImageIsServedWithItsTypeAndLengthAndCachedForEver() throws IOException {
        Answer answer = get("/" + STORED_ID);

        assertThat(answer.error).isNull();
        assertThat(answer.contentType).isEqualTo("image/png");
        assertThat(answer.contentLength).isEqualTo((long) png.length);
        assertThat(answer.headers).containsEntry("Cache-Control", "public, max-age=600")
                .containsEntry("X-Content-Type-Options", "nosniff");
        assertThat(answer.body.toByteArray()).isEqualTo(png);
    }

    @Test
    void unknownImageIsNotFound() throws IOException {
        Answer answer = get("/200");

        assertThat(answer.error).isEqualTo(404);
        assertThat(answer.headers).doesNotContainKey("Cache-Control");
        assertThat(answer.body.size()).isZero();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"/", "/abc", "/-150", "/0150", "/150/", "/150.png", "/1.5", "/ 150", "/0",
        "/99999999999999999999", "/150;x", "//150"})
    void malformedIdIsNotFound(String pathInfo) throws IOException {
        assertThat(get(pathInfo).error).isEqualTo(404);
    }

    @Test
    void idsAreReadFromThePath() {
        assertThat(ImageServlet.imageId("/150")).contains(150L);
        assertThat(ImageServlet.imageId("/999999999999999999")).contains(999_999_999_999_999_999L);
        assertThat(ImageServlet.imageId("/1000000000000000000")).isEmpty();
    }

    private Answer get(String pathInfo) throws IOException {
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getPathInfo" -> pathInfo;
                    case "getMethod" -> "GET";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        Answer answer = new Answer();
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "sendError" -> answer.error = (Integer) args[0];
                        case "setContentType" -> answer.contentType = (String) args[0];
                        case "setContentLength" -> answer.contentLength = ((Integer) args[0]).longValue();
                        case "setContentLengthLong" -> answer.contentLength = (Long) args[0];
                        case "setHeader" -> answer.headers.put((String) args[0], (String) args[1]);
                        case "getOutputStream" -> {
                            return answer.stream();
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    }
                    return null;
                });
        servlet.doGet(request, response);
        return answer;
    }

    private static final class Answer {
        Integer error;
        String contentType;
        Long contentLength;
        final Map<String, String> headers = new HashMap<>();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();

        ServletOutputStream stream() {
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
    }

    private static byte[] png() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(new BufferedImage(12, 8, BufferedImage.TYPE_INT_RGB), "png", out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }
}
