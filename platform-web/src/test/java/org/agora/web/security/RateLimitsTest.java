package org.agora.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.agora.web.security.RateLimits.Kind;
import org.junit.jupiter.api.Test;

class RateLimitsTest {

    private final MovingClock clock = new MovingClock(Instant.parse("2027-05-01T10:00:15Z"));
    private final RateLimits limits = new RateLimits(clock);

    @Test
    void theRequestsWorthFloodingAreRecognisedAndOthersAreNot() {
        assertThat(Kind.of("PUT", "/api/budget/envelopes/12/ballot")).contains(Kind.BALLOT);
        assertThat(Kind.of("POST", "/api/moderation/reports")).contains(Kind.REPORT);
        assertThat(Kind.of("POST", "/api/consultations/3/comments")).contains(Kind.COMMENT);
        assertThat(Kind.of("DELETE", "/api/me")).contains(Kind.ACCOUNT);
        assertThat(Kind.of("GET", "/me/data.xlsx")).contains(Kind.ACCOUNT);
        assertThat(Kind.of("GET", "/api/me")).isEmpty();
        assertThat(Kind.of("GET", "/api/moderation/reports/mine")).isEmpty();
        assertThat(Kind.of("GET", "/api/consultations/3/comments")).isEmpty();
        assertThat(Kind.of("POST", "/budget/project.xhtml")).contains(Kind.PAGE_ACTION);
        assertThat(Kind.of("POST", "/consultations/answer.xhtml")).contains(Kind.PAGE_ACTION);
        assertThat(Kind.of("GET", "/budget/project.xhtml")).isEmpty();
        assertThat(Kind.of("POST", "/api/exports")).isEmpty();
        assertThat(Kind.of("POST", "/api")).isEmpty();
    }

    @Test
    void aPersonOverTheLimitWaitsTheRestOfTheMinuteAndOthersDoNot() {
        for (int i = 0; i < Kind.REPORT.perMinute; i++) {
            assertThat(limits.take("alice", Kind.REPORT)).isEmpty();
        }
        assertThat(limits.take("alice", Kind.REPORT)).contains(45L);
        assertThat(limits.take("bruno", Kind.REPORT)).as("another person").isEmpty();
        assertThat(limits.take("alice", Kind.COMMENT)).as("another kind").isEmpty();
        clock.set(Instant.parse("2027-05-01T10:01:00Z"));
        assertThat(limits.take("alice", Kind.REPORT)).as("the next minute").isEqualTo(Optional.empty());
    }
}
