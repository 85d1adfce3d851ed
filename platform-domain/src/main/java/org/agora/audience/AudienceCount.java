package org.agora.audience;

import java.time.LocalDate;
import java.util.Comparator;

/**
 * One row of the audience's counts ({@code audience_counts}): a day, a page ({@link #ALL} for all pages), a
 * capability ({@link #ALL} for all) and the district the page is about ({@link #NONE} for none, {@link #ALL} for all);
 * the page views, the distinct visitors of the day and how many of them were signed in. Counts only: nothing in it
 * names, recognises or locates a person (no address, no hash, no account, no time of day).
 */
public record AudienceCount(LocalDate day, String page, String capability, String district, long views, long visitors,
                            long signedInVisitors) {

    /** All pages, all capabilities or all districts. */
    public static final String ALL = "*";
    /** A page about no district in particular. */
    public static final String NONE = "-";

    /** The order in which a batch writes its rows, the same on every instance (no two batches wait on each other). */
    public static final Comparator<AudienceCount> KEY_ORDER = Comparator.comparing(AudienceCount::day)
            .thenComparing(AudienceCount::page).thenComparing(AudienceCount::capability)
            .thenComparing(AudienceCount::district);

    public AudienceCount {
        if (day == null || page == null || capability == null || district == null) {
            throw new IllegalArgumentException("an audience count needs its day, page, capability and district");
        }
        if (views < 0 || visitors < 0 || signedInVisitors < 0) {
            throw new IllegalArgumentException("counts are not negative");
        }
    }

    /** This row plus another one of the same key. */
    AudienceCount plus(AudienceCount other) {
        return new AudienceCount(day, page, capability, district, views + other.views, visitors + other.visitors,
                signedInVisitors + other.signedInVisitors);
    }
}
