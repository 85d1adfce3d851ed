package org.agora.audience;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.agora.shared.DistrictCode;
import org.agora.testing.DatabaseTest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The audience's batches stored: added to what is there (two batches of one instance, the batches of two instances, two
 * instances writing the same new rows at the same moment), summed per period and scope; and the table holds counts
 * only. Run on H2 and PostgreSQL by the subclasses.
 */
abstract class AudiencePersistenceContract extends DatabaseTest {

    static final String BROWSER = AudienceCounterTest.FIREFOX;
    static final CountedPage PROJECT = AudienceCounterTest.PROJECT;
    static final CountedPage CONSULTATION = AudienceCounterTest.CONSULTATION;
    static final Optional<DistrictCode> NORD = AudienceCounterTest.NORD;
    static final LocalDate MONDAY = AudienceCounterTest.MONDAY;

    private final Clock monday = Clock.fixed(Instant.parse("2027-03-01T09:00:00Z"), ZoneOffset.UTC);

    /**
     * Whether several application instances share this database: PostgreSQL yes; H2 is one instance's own file, whose
     * batches {@code web.audience.AudienceRecorder} stores one at a time (H2's MERGE is not safe against another
     * transaction inserting the same row).
     */
    protected boolean sharedByInstances() {
        return true;
    }

    private AudienceCounter instance() {
        return new AudienceCounter(monday, new VisitorHash(new SecureRandom()), AudienceCounter.DEFAULT_LIMIT);
    }

    private int store(AudienceCounter counter) {
        List<AudienceCount> batch = counter.drain();
        Integer written = db().inTransaction(em -> new AudienceCounts(em).add(batch));
        return written;
    }

    private List<AudienceCount> sums(LocalDate from, LocalDate to, Optional<DistrictCode> district) {
        List<AudienceCount> sums = db().inTransaction(em -> new AudienceCounts(em).sums(from, to, district));
        return sums;
    }

    private static AudienceCount row(List<AudienceCount> rows, String page, String capability) {
        return rows.stream().filter(r -> r.page().equals(page) && r.capability().equals(capability)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + page + " " + capability + " in " + rows));
    }

    @Test
    void twoBatchesOfOneInstanceAddUp() {
        AudienceCounter counter = instance();
        counter.count(PROJECT, NORD, false, "198.51.100.7", BROWSER);
        counter.count(PROJECT, NORD, false, "198.51.100.8", BROWSER);
        assertThat(store(counter)).isEqualTo(6);
        counter.count(PROJECT, NORD, true, "198.51.100.7", BROWSER);  // seen before the batch: a view, now signed in
        counter.count(PROJECT, NORD, false, "198.51.100.9", BROWSER);
        store(counter);

        List<AudienceCount> city = sums(MONDAY, MONDAY, Optional.empty());
        AudienceCount project = row(city, "/budget/project.xhtml", "BUDGET");
        assertThat(List.of(project.views(), project.visitors(), project.signedInVisitors())).containsExactly(4L, 3L, 1L);
        AudienceCount all = row(city, AudienceCount.ALL, AudienceCount.ALL);
        assertThat(List.of(all.views(), all.visitors(), all.signedInVisitors())).containsExactly(4L, 3L, 1L);
        assertThat(row(sums(MONDAY, MONDAY, NORD), "/budget/project.xhtml", "BUDGET").views()).isEqualTo(4);
        assertThat(sums(MONDAY, MONDAY, Optional.of(new DistrictCode("sud")))).isEmpty();
    }

    @Test
    void twoInstancesAddUpTheirCounts() {
        AudienceCounter first = instance();
        AudienceCounter second = instance();
        first.count(PROJECT, NORD, false, "198.51.100.7", BROWSER);
        first.count(CONSULTATION, Optional.empty(), false, "198.51.100.7", BROWSER);
        second.count(PROJECT, NORD, false, "203.0.113.9", BROWSER);
        // the same visitor on both instances: each has its own salt, so two visitors (docs/operations.md)
        second.count(PROJECT, NORD, false, "198.51.100.7", BROWSER);
        store(first);
        store(second);

        List<AudienceCount> city = sums(MONDAY, MONDAY, Optional.empty());
        AudienceCount project = row(city, "/budget/project.xhtml", "BUDGET");
        assertThat(project.views()).isEqualTo(3);
        assertThat(project.visitors()).isEqualTo(3);
        assertThat(row(city, AudienceCount.ALL, "CONSULTATION").views()).isEqualTo(1);
        assertThat(row(city, AudienceCount.ALL, AudienceCount.ALL).views()).isEqualTo(4);
        assertThat(row(sums(MONDAY, MONDAY, Optional.empty()), "/consultations/view.xhtml", "CONSULTATION").views())
                .isEqualTo(1);
    }

    @Test
    void twoInstancesStoringTheSameNewRowsAtOnceLoseNothing() throws Exception {
        Assumptions.assumeTrue(sharedByInstances(), "one instance per H2 database");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            int rounds = 10;
            for (int round = 0; round < rounds; round++) {
                LocalDate day = MONDAY.plusDays(round);
                List<AudienceCount> batch = List.of(
                        new AudienceCount(day, "/budget/project.xhtml", "BUDGET", "nord", 3, 2, 1),
                        new AudienceCount(day, AudienceCount.ALL, AudienceCount.ALL, AudienceCount.ALL, 3, 2, 1));
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<Integer>> writes = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    writes.add(pool.submit(() -> {
                        together.await(10, TimeUnit.SECONDS);
                        Integer written = db().inTransaction(em -> new AudienceCounts(em).add(batch));
                        return written;
                    }));
                }
                for (Future<Integer> write : writes) {
                    assertThat(write.get(30, TimeUnit.SECONDS)).isEqualTo(2);
                }
            }
            List<AudienceCount> all = sums(MONDAY, MONDAY.plusDays(rounds - 1), Optional.empty());
            AudienceCount total = row(all, AudienceCount.ALL, AudienceCount.ALL);
            assertThat(List.of(total.views(), total.visitors(), total.signedInVisitors()))
                    .containsExactly(6L * rounds, 4L * rounds, 2L * rounds);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aPeriodSumsItsDaysOnlyAndTheDaysGiveTheTotalsOfEachDay() {
        db().inTransaction(em -> new AudienceCounts(em).add(List.of(
                new AudienceCount(MONDAY, AudienceCount.ALL, AudienceCount.ALL, AudienceCount.ALL, 10, 4, 1),
                new AudienceCount(MONDAY.plusDays(1), AudienceCount.ALL, AudienceCount.ALL, AudienceCount.ALL, 7, 3, 0),
                new AudienceCount(MONDAY.plusDays(7), AudienceCount.ALL, AudienceCount.ALL, AudienceCount.ALL, 100, 50, 5),
                new AudienceCount(MONDAY, AudienceCount.ALL, AudienceCount.ALL, "nord", 6, 2, 1))));

        AudienceCount week = row(sums(MONDAY, MONDAY.plusDays(6), Optional.empty()), AudienceCount.ALL, AudienceCount.ALL);
        assertThat(List.of(week.views(), week.visitors(), week.signedInVisitors())).containsExactly(17L, 7L, 1L);
        List<AudienceCount> days = db().inTransaction(em -> new AudienceCounts(em).days(MONDAY, MONDAY.plusDays(7),
                Optional.empty()));
        assertThat(days).extracting(AudienceCount::day).containsExactly(MONDAY, MONDAY.plusDays(1), MONDAY.plusDays(7));
        List<AudienceCount> nord = db().inTransaction(em -> new AudienceCounts(em).days(MONDAY, MONDAY.plusDays(7), NORD));
        assertThat(nord).extracting(AudienceCount::views).containsExactly(6L);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theTableHoldsCountsOnlyNothingThatNamesOrRecognisesAPerson() {
        AudienceCounter counter = instance();
        counter.count(PROJECT, NORD, true, "198.51.100.7", BROWSER);
        store(counter);

        List<Object> columns = db().inTransaction(em -> (List<Object>) em.createNativeQuery("select lower(column_name) from"
                + " information_schema.columns where lower(table_name) = 'audience_counts'"
                + " and lower(table_schema) = lower(current_schema) order by ordinal_position").getResultList());
        assertThat(columns).containsExactly("counted_on", "page", "capability", "district", "views", "visitors",
                "signed_in_visitors");
        String contents = db().contents();
        assertThat(contents).contains("# audience_counts: 6").doesNotContain("198.51.100.7").doesNotContain("Firefox");
    }
}
