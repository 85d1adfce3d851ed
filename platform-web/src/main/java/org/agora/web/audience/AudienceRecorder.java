package org.agora.web.audience;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.agora.audience.AudienceCount;
import org.agora.audience.AudienceCounter;
import org.agora.audience.AudienceCounts;
import org.agora.audience.CountedPage;
import org.agora.audience.VisitorHash;
import org.agora.shared.DistrictCode;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This instance's audience: the counts of the page views since the last batch ({@link AudienceCounter}, in memory),
 * stored by {@link #flush()} every {@code agora.audience.flush-seconds} (60) and when the application stops
 * ({@link AudienceScheduler}), and on demand by the staff ({@code POST /api/audience/flush}). A batch that cannot be
 * stored is kept for the next one. Off with {@code agora.audience.enabled=false}.
 *
 * <p>The visitor's address is the connection's, or behind a reverse proxy the last address of the header named by
 * {@code agora.audience.client-address-header} (e.g. {@code X-Forwarded-For}: the one the proxy added). It is read to
 * compute the day's hash and forgotten.
 */
@ApplicationScoped
public class AudienceRecorder {

    private static final Logger LOG = Logger.getLogger(AudienceRecorder.class.getName());

    @Inject
    AudienceCounts counts;

    @Inject
    @ConfigProperty(name = "agora.audience.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "agora.audience.max-remembered", defaultValue = "" + AudienceCounter.DEFAULT_LIMIT)
    int maxRemembered;

    @Inject
    @ConfigProperty(name = "agora.audience.client-address-header")
    Optional<String> clientAddressHeader;

    @Inject
    @ConfigProperty(name = "agora.audience.flush-seconds", defaultValue = "60")
    int flushSeconds;

    private AudienceCounter counter;

    @PostConstruct
    void start() {
        counter = new AudienceCounter(Clock.systemUTC(), new VisitorHash(new SecureRandom()), Math.max(1, maxRemembered));
    }

    public boolean isEnabled() {
        return enabled;
    }

    /** How often the batches are stored, in seconds (at least 10, the scheduler's tick). */
    public int flushSeconds() {
        return Math.max(10, flushSeconds);
    }

    /** Counts a page view answered to this request, about this district if any. */
    public void count(HttpServletRequest request, CountedPage page, Optional<DistrictCode> district) {
        if (enabled) {
            counter.count(page, district, request.getUserPrincipal() != null, address(request),
                    request.getHeader("User-Agent"));
        }
    }

    private String address(HttpServletRequest request) {
        String header = clientAddressHeader.map(String::strip).filter(h -> !h.isEmpty()).orElse(null);
        return address(request.getRemoteAddr(), header == null ? null : request.getHeader(header));
    }

    /**
     * The visitor's address: the last of a forwarding header's addresses (the one the reverse proxy added: those before
     * it are whatever the client sent), or the connection's.
     */
    static String address(String remote, String forwarded) {
        if (forwarded != null) {
            String[] hops = forwarded.split(",");
            for (int i = hops.length - 1; i >= 0; i--) {
                if (!hops[i].isBlank()) {
                    return hops[i].strip();
                }
            }
        }
        return remote;
    }

    /** Stores the counts since the last batch, in one transaction; returns how many rows it added to. */
    public synchronized int flush() {
        List<AudienceCount> batch = counter.drain();
        if (batch.isEmpty()) {
            return 0;
        }
        try {
            return counts.add(batch);
        } catch (RuntimeException e) {
            counter.restore(batch);
            LOG.log(Level.WARNING, "Audience: the counts could not be stored; they wait for the next batch", e);
            return 0;
        }
    }
}
