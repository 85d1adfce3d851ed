package org.agora.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import org.agora.api.Problem;
import org.agora.web.platform.Texts;

/**
 * Applies {@link RateLimits} to signed-in people's requests: over the limit, a 429 problem with {@code Retry-After},
 * and nothing done. Anonymous requests to these endpoints are refused by their authentication anyway.
 */
@WebFilter(urlPatterns = "/*")
public class RateLimitFilter extends HttpFilter {

    private final RateLimits limits = new RateLimits(Clock.systemUTC());

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getUserPrincipal() != null) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            Optional<Long> wait = RateLimits.Kind.of(request.getMethod(), path)
                    .flatMap(kind -> limits.take(request.getUserPrincipal().getName(), kind));
            if (wait.isPresent()) {
                response.setHeader("Retry-After", String.valueOf(wait.get()));
                Problem.of(Texts.preferred(request), 429, "api.tooManyRequests", null, wait.get()).writeTo(response);
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
