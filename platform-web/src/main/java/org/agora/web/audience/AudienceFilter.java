package org.agora.web.audience;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.agora.audience.CountedPage;
import org.agora.audience.Robots;
import org.agora.shared.DistrictCode;

/**
 * Counts the views of the pages ({@link CountedPage}: GET requests of the public's and residents' pages, by view id)
 * answered with 200, by visitors whose {@code User-Agent} is not a robot's ({@link Robots}), in this instance's
 * {@link AudienceRecorder}. It reads the request and the answer's status after the page, sets no cookie, opens no
 * session and stores nothing per request; a failure to count never fails the page.
 */
@WebFilter(urlPatterns = "/*")
public class AudienceFilter extends HttpFilter {

    private static final Logger LOG = Logger.getLogger(AudienceFilter.class.getName());

    @Inject
    AudienceRecorder recorder;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(request, response);
        if (response.getStatus() != HttpServletResponse.SC_OK || !recorder.isEnabled()) {
            return;
        }
        try {
            String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
            Optional<CountedPage> page = CountedPage.of(request.getMethod(), path);
            if (page.isPresent() && !Robots.isRobot(request.getHeader("User-Agent"))) {
                Object district = request.getAttribute(PageAudience.DISTRICT);
                recorder.count(request, page.get(), district instanceof DistrictCode code ? Optional.of(code)
                        : Optional.empty());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Audience: a page view was not counted", e);
        }
    }
}
