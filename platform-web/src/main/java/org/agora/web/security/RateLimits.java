package org.agora.web.security;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * How many writes a person may send a minute to the endpoints worth flooding (issue 16): ballots, reports, comments
 * and their own account (its data's export, its deletion). Counted per account and per kind in fixed one-minute
 * windows, on each instance: with n instances behind a balancer a person gets at most n times the limit, still far
 * from a flood. The limits stand well above what a person does by hand (a double click, twelve tabs sending at once).
 */
public final class RateLimits {

    /** A kind of request with its limit per minute, recognised by its method and path (after the context path). */
    public enum Kind {
        BALLOT(60, "PUT|POST", "/api/budget/envelopes/\\d+/ballot"),
        REPORT(30, "POST", "/api/moderation/reports"),
        COMMENT(30, "POST|PUT", "/api/.+/comments(/\\d+)?"),
        ACCOUNT(20, "GET|DELETE", "/api/me/data(\\.xlsx)?|/api/me|/me/data\\.(json|xlsx)"),
        /**
         * Every form a page sends (a vote, a comment, a report, an answer are postbacks of their page, outside the
         * API's limits): far above what a person clicks, Ajax updates included, far below what a script sends.
         */
        PAGE_ACTION(300, "POST", "(?!/api(/|$)).*");

        final int perMinute;
        private final Pattern methods;
        private final Pattern paths;

        Kind(int perMinute, String methods, String paths) {
            this.perMinute = perMinute;
            this.methods = Pattern.compile(methods);
            this.paths = Pattern.compile(paths);
        }

        /** The kind of this request, if it is one the limits count. A GET of /api/me itself is not: only DELETE. */
        public static Optional<Kind> of(String method, String path) {
            for (Kind kind : values()) {
                if (kind.methods.matcher(method).matches() && kind.paths.matcher(path).matches()
                        && !(kind == ACCOUNT && method.equals("GET") && path.equals("/api/me"))) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        }
    }

    private static final int PRUNE_ABOVE = 50_000;

    private final Clock clock;
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private volatile long minute = -1;

    public RateLimits(Clock clock) {
        this.clock = clock;
    }

    /**
     * Counts one request of this person and kind; the seconds to wait when it is over the limit (the rest of the
     * minute), empty when it may go.
     */
    public Optional<Long> take(String person, Kind kind) {
        long now = clock.millis();
        long thisMinute = now / 60_000;
        if (thisMinute != minute) {
            minute = thisMinute;
            counts.keySet().removeIf(key -> !key.startsWith(thisMinute + "/"));
        } else if (counts.size() > PRUNE_ABOVE) {
            counts.clear();
        }
        int count = counts.computeIfAbsent(thisMinute + "/" + kind + "/" + person, k -> new AtomicInteger())
                .incrementAndGet();
        if (count <= kind.perMinute) {
            return Optional.empty();
        }
        return Optional.of(Math.max(1, 60 - (now % 60_000) / 1000));
    }
}
