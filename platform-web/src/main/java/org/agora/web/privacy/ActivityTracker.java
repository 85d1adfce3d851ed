package org.agora.web.privacy;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.agora.privacy.AccountActivity;
import org.agora.shared.Period;

/**
 * Records the day a signed-in account is seen (pages and API alike), for the retention of inactive accounts: at most
 * once a day per account and instance (a map of who was seen today), so a request costs a map lookup, and the first
 * one of the day one short write. A failure to record never fails the request.
 */
@WebFilter(urlPatterns = "/*")
public class ActivityTracker extends HttpFilter {

    private static final Logger LOG = Logger.getLogger(ActivityTracker.class.getName());
    private static final int MAX_REMEMBERED = 100_000;

    private final Map<String, LocalDate> seenToday = new ConcurrentHashMap<>();

    @Inject
    AccountActivity activity;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(request, response);
        if (request.getUserPrincipal() != null) {
            record(request.getUserPrincipal().getName());
        }
    }

    private void record(String username) {
        LocalDate today = LocalDate.now(Period.CITY_ZONE);
        if (today.equals(seenToday.get(username))) {
            return;
        }
        try {
            activity.seen(username, today);
            if (seenToday.size() > MAX_REMEMBERED) {
                seenToday.clear();
            }
            seenToday.put(username, today);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot record the activity of an account: {0}", e.toString());
        }
    }
}
