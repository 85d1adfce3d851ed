package org.agora.audience;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.agora.shared.DistrictCode;
import org.agora.shared.Period;

/**
 * One instance's audience counts since its last batch, in memory: each counted page view adds a view to its page,
 * capability and district, and to their totals (all pages of the capability, all capabilities, all districts); a
 * visitor counts once per day on each of them, and once more as signed in if they were. Visitors are told apart by
 * {@link VisitorHash} (a day's salt) and remembered for the day only as 64-bit numbers mixed with the counter's key, at
 * most {@code limit} of them (past it, the day's further visitors are not counted, views still are). {@link #drain()}
 * hands the counts over for storing and starts again from zero; the day's memory of who was counted stays, so that a
 * visitor is not counted again after a batch. Thread-safe.
 */
public final class AudienceCounter {

    /** The default most (visitor, counter) pairs remembered in a day: about 32 MB at worst. */
    public static final int DEFAULT_LIMIT = 2_000_000;

    private static final Logger LOG = Logger.getLogger(AudienceCounter.class.getName());
    private static final long SIGNED_IN = 0x5bd1e9955bd1e995L;

    private final Clock clock;
    private final VisitorHash visitors;
    private final int limit;
    private final Map<Key, long[]> pending = new HashMap<>();
    private LocalDate day;
    private Fingerprints seen;
    private boolean saturated;

    public AudienceCounter(Clock clock, VisitorHash visitors, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("the limit of remembered visitors must be positive");
        }
        this.clock = clock;
        this.visitors = visitors;
        this.limit = limit;
    }

    /**
     * Counts a view of {@code page}, about {@code district} if the page is about one, by a visitor seen from
     * {@code address} with {@code userAgent}, signed in or not. Neither the address nor the agent is kept.
     */
    public void count(CountedPage page, Optional<DistrictCode> district, boolean signedIn, String address,
                      String userAgent) {
        LocalDate today = LocalDate.now(clock.withZone(Period.CITY_ZONE));
        long visitor = visitors.of(today, address, userAgent);
        String where = district.map(DistrictCode::value).orElse(AudienceCount.NONE);
        String capability = page.capability().name();
        synchronized (this) {
            if (day == null || today.isAfter(day)) {
                day = today;
                seen = new Fingerprints(limit);
                saturated = false;
            }
            add(new Key(day, page.page(), capability, where), visitor, signedIn);
            add(new Key(day, page.page(), capability, AudienceCount.ALL), visitor, signedIn);
            add(new Key(day, AudienceCount.ALL, capability, where), visitor, signedIn);
            add(new Key(day, AudienceCount.ALL, capability, AudienceCount.ALL), visitor, signedIn);
            add(new Key(day, AudienceCount.ALL, AudienceCount.ALL, where), visitor, signedIn);
            add(new Key(day, AudienceCount.ALL, AudienceCount.ALL, AudienceCount.ALL), visitor, signedIn);
        }
    }

    private void add(Key key, long visitor, boolean signedIn) {
        long[] counts = pending.computeIfAbsent(key, k -> new long[3]);
        counts[0]++;
        long fingerprint = Fingerprints.mix(visitor ^ key.id());
        if (remember(fingerprint)) {
            counts[1]++;
        }
        if (signedIn && remember(fingerprint ^ SIGNED_IN)) {
            counts[2]++;
        }
    }

    private boolean remember(long fingerprint) {
        Fingerprints.Added added = seen.add(fingerprint);
        if (added == Fingerprints.Added.FULL && !saturated) {
            saturated = true;
            LOG.warning(() -> "Audience: " + limit + " visitors remembered today (agora.audience.max-remembered):"
                    + " further visitors are not counted until tomorrow, views still are");
        }
        return added == Fingerprints.Added.NEW;
    }

    /** The counts since the last call, one per key, and zero again. */
    public synchronized List<AudienceCount> drain() {
        List<AudienceCount> counts = new ArrayList<>(pending.size());
        pending.forEach((key, c) -> counts.add(new AudienceCount(key.day, key.page, key.capability, key.district,
                c[0], c[1], c[2])));
        pending.clear();
        counts.sort(AudienceCount.KEY_ORDER);
        return counts;
    }

    /** Takes back counts that could not be stored, to store them with the next batch. */
    public synchronized void restore(List<AudienceCount> counts) {
        for (AudienceCount c : counts) {
            long[] into = pending.computeIfAbsent(new Key(c.day(), c.page(), c.capability(), c.district()),
                    k -> new long[3]);
            into[0] += c.views();
            into[1] += c.visitors();
            into[2] += c.signedInVisitors();
        }
    }

    /** How many counters wait for the next batch. */
    public synchronized int pending() {
        return pending.size();
    }

    private record Key(LocalDate day, String page, String capability, String district) {
        /** A 64-bit number of the key (FNV-1a), mixed with a visitor's to tell the counters apart in one set. */
        long id() {
            long h = 0xcbf29ce484222325L;
            for (byte b : (page + '\n' + capability + '\n' + district).getBytes(StandardCharsets.UTF_8)) {
                h ^= b;
                h *= 0x100000001b3L;
            }
            return h;
        }
    }
}
