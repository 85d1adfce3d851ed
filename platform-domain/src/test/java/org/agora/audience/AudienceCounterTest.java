package org.agora.audience;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.agora.shared.DistrictCode;
import org.junit.jupiter.api.Test;

/** Visitors counted once a day per counter, not linkable from one day to the next, and nothing kept that could be. */
class AudienceCounterTest {

    static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
    static final String SAFARI = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) Safari/604.1";
    static final CountedPage PROJECT = new CountedPage("/budget/project.xhtml", PageCapability.BUDGET);
    static final CountedPage PROJECTS = new CountedPage("/budget/projects.xhtml", PageCapability.BUDGET);
    static final CountedPage CONSULTATION = new CountedPage("/consultations/view.xhtml", PageCapability.CONSULTATION);
    static final Optional<DistrictCode> NORD = Optional.of(new DistrictCode("nord"));
    static final LocalDate MONDAY = LocalDate.of(2027, 3, 1);

    private final MutableClock clock = new MutableClock(Instant.parse("2027-03-01T09:00:00Z"));
    private final AudienceCounter counter = new AudienceCounter(clock, new VisitorHash(new SecureRandom()), 1000);

    private static AudienceCount row(List<AudienceCount> rows, String page, String capability, String district) {
        return rows.stream().filter(r -> r.page().equals(page) && r.capability().equals(capability)
                && r.district().equals(district)).findFirst().orElseThrow(() -> new AssertionError(
                "no row " + page + " " + capability + " " + district + " in " + rows));
    }

    @Test
    void theSameVisitorOnTheSameDayIsOneVisitorOfManyViews() {
        counter.count(PROJECT, NORD, false, "198.51.100.7", FIREFOX);
        counter.count(PROJECT, NORD, false, "198.51.100.7", FIREFOX);
        counter.count(PROJECT, NORD, false, "198.51.100.7", FIREFOX);
        counter.count(PROJECT, NORD, false, "198.51.100.7", SAFARI);        // another browser: another visitor
        counter.count(PROJECT, NORD, false, "203.0.113.9", FIREFOX);       // another address: another visitor

        List<AudienceCount> rows = counter.drain();

        AudienceCount project = row(rows, "/budget/project.xhtml", "BUDGET", "nord");
        assertThat(project.day()).isEqualTo(MONDAY);
        assertThat(project.views()).isEqualTo(5);
        assertThat(project.visitors()).isEqualTo(3);
        assertThat(project.signedInVisitors()).isZero();
    }

    @Test
    void eachViewCountsOnItsPageAndOnTheTotalsWhereAVisitorCountsOnceOverManyPages() {
        counter.count(PROJECT, NORD, false, "198.51.100.7", FIREFOX);
        counter.count(PROJECTS, Optional.empty(), false, "198.51.100.7", FIREFOX);
        counter.count(CONSULTATION, NORD, true, "198.51.100.7", FIREFOX);

        List<AudienceCount> rows = counter.drain();

        // six counters per view: the page in its district and in all; its capability in its district and in all; all
        // pages in its district and in all
        assertThat(rows).hasSize(14);
        assertThat(row(rows, "/budget/projects.xhtml", "BUDGET", "-").visitors()).isEqualTo(1);
        assertThat(row(rows, "/budget/project.xhtml", "BUDGET", "*").views()).isEqualTo(1);
        AudienceCount budget = row(rows, "*", "BUDGET", "*");
        assertThat(budget.views()).isEqualTo(2);
        assertThat(budget.visitors()).as("two budget pages, one visitor").isEqualTo(1);
        AudienceCount all = row(rows, "*", "*", "*");
        assertThat(all.views()).isEqualTo(3);
        assertThat(all.visitors()).isEqualTo(1);
        assertThat(all.signedInVisitors()).as("signed in on the consultation").isEqualTo(1);
        assertThat(row(rows, "*", "*", "nord").views()).isEqualTo(2);
        assertThat(row(rows, "*", "*", "-").views()).isEqualTo(1);
    }

    @Test
    void aVisitorWhoSignsInCountsOnceAsVisitorAndOnceAsSignedIn() {
        counter.count(PROJECT, NORD, false, "198.51.100.7", FIREFOX);
        counter.count(PROJECT, NORD, true, "198.51.100.7", FIREFOX);
        counter.count(PROJECT, NORD, true, "198.51.100.7", FIREFOX);

        AudienceCount project = row(counter.drain(), "/budget/project.xhtml", "BUDGET", "nord");
        assertThat(project.views()).isEqualTo(3);
        assertThat(project.visitors()).isEqualTo(1);
        assertThat(project.signedInVisitors()).isEqualTo(1);
    }

    @Test
    void aVisitorCountedBeforeABatchIsNotCountedAgainAfterItTheSameDay() {
        counter.count(PROJECT, NORD, false, "198.51.100.7", FIREFOX);
        AudienceCount first = row(counter.drain(), "/budget/project.xhtml", "BUDGET", "nord");
        assertThat(counter.drain()).as("drained: nothing left").isEmpty();
        counter.count(PROJECT, NORD, false, "198.51.100.7", FIREFOX);
        AudienceCount second = row(counter.drain(), "/budget/project.xhtml", "BUDGET", "nord");

        assertThat(first.visitors() + second.visitors()).isEqualTo(1);
        assertThat(first.views() + second.views()).isEqualTo(2);
    }

    @Test
    void theNextDayTheSameVisitorIsANewOneUnderANewSaltThatNothingLinksToTheFirst() {
        VisitorHash hash = new VisitorHash(new SecureRandom());
        long monday = hash.of(MONDAY, "198.51.100.7", FIREFOX);
        assertThat(hash.of(MONDAY, "198.51.100.7", FIREFOX)).isEqualTo(monday);
        long tuesday = hash.of(MONDAY.plusDays(1), "198.51.100.7", FIREFOX);
        assertThat(tuesday).isNotEqualTo(monday);
        // a late request of Monday, after Tuesday's salt was drawn, does not bring Monday's back
        assertThat(hash.of(MONDAY, "198.51.100.7", FIREFOX)).isEqualTo(tuesday);
        // two hashes with their own salts give two numbers for one visitor on one day: the salt is random, not derived
        assertThat(new VisitorHash(new SecureRandom()).of(MONDAY, "198.51.100.7", FIREFOX)).isNotEqualTo(monday);

        counter.count(PROJECT, NORD, false, "198.51.100.7", FIREFOX);
        clock.set(Instant.parse("2027-03-02T07:00:00Z"));
        counter.count(PROJECT, NORD, false, "198.51.100.7", FIREFOX);

        List<AudienceCount> rows = counter.drain().stream().filter(r -> r.page().equals("/budget/project.xhtml")
                && r.district().equals("nord")).toList();
        assertThat(rows).extracting(AudienceCount::day).containsExactly(MONDAY, MONDAY.plusDays(1));
        assertThat(rows).extracting(AudienceCount::visitors).containsExactly(1L, 1L);
    }

    @Test
    void theDayIsTheCitysDay() {
        clock.set(Instant.parse("2027-03-01T23:30:00Z")); // 00:30 on Tuesday in Paris
        counter.count(PROJECT, NORD, false, "198.51.100.7", FIREFOX);
        assertThat(counter.drain()).extracting(AudienceCount::day).containsOnly(MONDAY.plusDays(1));
    }

    @Test
    void whatIsHandedOverHoldsCountsOnlyNoAddressAgentHashOrTimeOfDay() {
        counter.count(PROJECT, NORD, true, "198.51.100.7", FIREFOX);
        List<AudienceCount> rows = counter.drain();

        assertThat(Arrays.stream(AudienceCount.class.getRecordComponents()).map(RecordComponent::getName))
                .containsExactly("day", "page", "capability", "district", "views", "visitors", "signedInVisitors");
        String text = rows.toString();
        assertThat(text).doesNotContain("198.51.100.7").doesNotContain("Firefox").doesNotContain("09:00");
        long visitor = new VisitorHash(new SecureRandom()).of(MONDAY, "198.51.100.7", FIREFOX);
        assertThat(rows).allSatisfy(r -> assertThat(List.of(r.views(), r.visitors(), r.signedInVisitors()))
                .allSatisfy(n -> assertThat(n).isBetween(0L, 1L)));
        assertThat(text).doesNotContain(Long.toString(visitor));
    }

    @Test
    void pastTheDaysLimitVisitorsAreNoLongerCountedButViewsStillAre() {
        AudienceCounter small = new AudienceCounter(clock, new VisitorHash(new SecureRandom()), 12);
        small.count(PROJECT, NORD, false, "198.51.100.1", FIREFOX);  // six counters, six numbers remembered
        small.count(PROJECT, NORD, false, "198.51.100.2", FIREFOX);  // twelve
        small.count(PROJECT, NORD, false, "198.51.100.3", FIREFOX);  // full: not counted as a visitor

        AudienceCount project = row(small.drain(), "/budget/project.xhtml", "BUDGET", "nord");
        assertThat(project.views()).isEqualTo(3);
        assertThat(project.visitors()).isEqualTo(2);

        clock.set(Instant.parse("2027-03-02T09:00:00Z"));
        small.count(PROJECT, NORD, false, "198.51.100.3", FIREFOX);
        assertThat(row(small.drain(), "/budget/project.xhtml", "BUDGET", "nord").visitors()).as("a new day").isEqualTo(1);
    }

    @Test
    void countsThatCouldNotBeStoredComeBackWithTheNextBatch() {
        counter.count(PROJECT, NORD, false, "198.51.100.7", FIREFOX);
        List<AudienceCount> failed = counter.drain();
        counter.count(PROJECT, NORD, false, "203.0.113.9", FIREFOX);
        counter.restore(failed);

        AudienceCount project = row(counter.drain(), "/budget/project.xhtml", "BUDGET", "nord");
        assertThat(project.views()).isEqualTo(2);
        assertThat(project.visitors()).isEqualTo(2);
    }

    /** A clock the test moves. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            MutableClock self = this;
            return new Clock() {
                @Override
                public java.time.ZoneId getZone() {
                    return zone;
                }

                @Override
                public Clock withZone(java.time.ZoneId other) {
                    return self.withZone(other);
                }

                @Override
                public Instant instant() {
                    return self.now;
                }
            };
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
