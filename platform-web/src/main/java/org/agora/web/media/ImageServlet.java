package org.agora.web.media;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.agora.media.ImageService;
import org.agora.media.StoredImage;

/**
 * Serves the stored images at {@code /images/{id}}, to anyone: they illustrate public pages. An image never
 * changes (a new upload is a new id), so browsers and proxies keep it for a year without asking again.
 */
@WebServlet("/images/*")
public class ImageServlet extends HttpServlet {

    /** Ten minutes: a picture removed from what showed it (then deleted, a 404) does not linger in caches for long. */
    static final String CACHE = "public, max-age=600";

    private static final Pattern ID = Pattern.compile("/[1-9][0-9]{0,17}");

    @Inject
    ImageService images;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<StoredImage> found = imageId(request.getPathInfo()).flatMap(id -> images.find(id));
        if (found.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        StoredImage image = found.get();
        response.setContentType(image.getContentType());
        response.setContentLength(image.getByteSize());
        response.setHeader("Cache-Control", CACHE);
        // the type checked at upload is the only one a browser may use, never one guessed from the bytes
        response.setHeader("X-Content-Type-Options", "nosniff");
        image.writeTo(response.getOutputStream());
    }

    /** The id in "/{id}": digits without a leading zero, small enough for a long; anything else names no image. */
    static Optional<Long> imageId(String pathInfo) {
        if (pathInfo == null || !ID.matcher(pathInfo).matches()) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(pathInfo.substring(1)));
    }
}
