package org.agora.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.agora.it.Api.Reply;

/**
 * Time passing for the tests' own data, without waiting: the test deployment's {@code TestOnlyClock} moves a date
 * into the past as time would have (the application's API rightly refuses to).
 */
final class Elapse {

    private Elapse() {
    }

    /** The call's vote is over: its whole calendar moved back, as if the time had passed. */
    static void voteOf(long callId) {
        moved("/api/test-only/budget-calls/" + callId + "/vote-ended");
    }

    /** The meeting has started. */
    static void untilMeetingStarts(long meetingId) {
        moved("/api/test-only/meetings/" + meetingId + "/started");
    }

    private static void moved(String path) {
        Reply moved = Api.as(Platform.DemoUser.OFFICE_ADMIN).post(path, ""); // the API takes no change from nobody
        assertThat(moved.status()).as(path + ": " + moved.body()).isEqualTo(204);
    }
}
